"""The catalogue (danh mục thuốc, vật tư, vắc xin): items and pack units, and the bulk import.

Items are centre-wide reference data (station_id NULL). A station database may also load the
catalogue from a file: a new station has to work before its first sync, and the same codes then
match the centre's rows. They match by id: an item's id comes from its code, and a pack unit's from
its item and name (natural ids), so a station's imported item is the centre's item, and two centre
desktops adding the same code offline add one row that sync merges.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import NotFoundError, ValidationError
from ytcs_desktop.messages import PerLanguage, Worded, capital, msg
from ytcs_desktop.store.base import natural_id, new_id
from ytcs_desktop.store.models import Item, PackUnit

CATEGORIES = ("drug", "supply", "vaccine")
_CATEGORY_WORDS = {
    "drug": "drug", "thuoc": "drug", "supply": "supply", "vat tu": "supply", "vat tu y te": "supply",
    "vaccine": "vaccine", "vac xin": "vaccine", "vacxin": "vaccine", "vaccin": "vaccine",
}
_CONTROLLED = {"narcotic": "narcotic", "gay nghien": "narcotic", "psychotropic": "psychotropic",
               "huong than": "psychotropic", "precursor": "precursor", "tien chat": "precursor"}
_VACCINE_FORMS = {"liquid": "liquid", "dang long": "liquid", "long": "liquid",
                  "lyophilised": "lyophilised", "lyophilized": "lyophilised", "dong kho": "lyophilised"}
_TRUE = {"1", "true", "yes", "x", "co", "y"}
_FALSE = {"", "0", "false", "no", "khong", "n"}

# Header spellings accepted in a file (compared without accents, case or extra spaces).
_HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("code", "ma", "ma thuoc", "ma vat tu", "ma hang"),
    "name": ("name", "ten", "ten thuoc", "ten hang", "ten vat tu"),
    "base_unit": ("unit", "base_unit", "don vi", "don vi tinh", "dvt"),
    "category": ("category", "loai", "nhom", "phan loai"),
    "active_ingredient": ("active_ingredient", "ingredient", "hoat chat"),
    "strength": ("strength", "ham luong", "nong do, ham luong", "nong do"),
    "dosage_form": ("dosage_form", "form", "dang bao che"),
    "controlled": ("controlled", "kiem soat dac biet", "thuoc kiem soat"),
    "min_stock": ("min", "min_stock", "ton toi thieu", "toi thieu"),
    "max_stock": ("max", "max_stock", "ton toi da", "toi da"),
    "doses_per_vial": ("doses", "doses_per_vial", "so lieu/lo", "so lieu", "lieu/lo"),
    "vaccine_form": ("vaccine_form", "dang vac xin"),
    "freeze_sensitive": ("freeze_sensitive", "nhay cam dong bang", "ky dong bang"),
    "pack_unit": ("pack_unit", "pack", "quy cach", "don vi dong goi"),
    "pack_factor": ("pack_factor", "factor", "he so", "he so quy doi"),
}
_HEADER_LOOKUP = {alias: key for key, aliases in _HEADERS.items() for alias in aliases}
_INT_FIELDS = {"min_stock": msg("word.minimum_stock"), "max_stock": msg("word.maximum_stock"),
               "doses_per_vial": msg("word.doses_per_vial"), "pack_factor": msg("word.pack_factor")}
_REQUIRED = {"code": msg("word.item_code"), "name": msg("word.item_name"), "base_unit": msg("word.base_unit"),
             "category": msg("word.item_category")}
_MAX_INT = 100_000_000  # beyond any stock level or pack: a typing mistake (and past SQLite's integers)
_CATEGORY_VI = {"drug": "thuốc", "supply": "vật tư", "vaccine": "vắc xin"}


def fold(text: str) -> str:
    """Lower-case, without accents, single-spaced: how headers and keywords are compared."""
    text = unicodedata.normalize("NFD", text.strip().lower().replace("đ", "d").replace("Đ", "d"))
    return " ".join("".join(c for c in text if unicodedata.category(c) != "Mn").split())


@dataclass(frozen=True)
class RejectedRow(Worded):
    row: int  # row number as the spreadsheet shows it (the header is row 1)
    code: str
    text: PerLanguage


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return self.created + self.updated + self.unchanged


# ----- single items -------------------------------------------------------------------------------
def find_item(s: Session, code: str) -> Item | None:
    return s.scalar(select(Item).where(Item.code == code.strip(), Item.deleted.is_(False)))


def get_item(s: Session, code: str) -> Item:
    item = find_item(s, code)
    if item is None:
        raise NotFoundError(
            "unknown_item",
            msg("unknown_item", code=code),
            field="item",
        )
    return item


def upsert_item(s: Session, actor: Actor, fields: Mapping[str, Any]) -> tuple[Item, str]:
    """Create the item of `fields["code"]` or update the fields that differ.

    Returns the item and what happened: "created", "updated" or "unchanged" (no write at all, so
    re-importing the same file queues nothing for sync).
    """
    clean = _validated(fields)
    pack = clean.pop("pack_unit", None)
    factor = clean.pop("pack_factor", None)
    # A tombstoned item with this code comes back (codes are unique, even among deleted rows).
    item = s.scalar(select(Item).where(Item.code == clean["code"]))
    outcome = "unchanged"
    if item is not None and item.deleted:
        item.deleted = False
        outcome = "updated"
    if item is None:
        item = Item(id=_free_id(s, Item, natural_id(Item.__tablename__, clean["code"])), station_id=None, active=True,
                    **clean)
        s.add(item)
        s.flush()
        outcome = "created"
    else:
        for key, value in clean.items():
            if getattr(item, key) != value:
                setattr(item, key, value)
                outcome = "updated"
    if pack and factor and set_pack_unit(s, actor, item, pack, factor) and outcome == "unchanged":
        outcome = "updated"
    return item, outcome


def _free_id(s: Session, model: type[Item] | type[PackUnit], wanted: str) -> str:
    """The natural id, unless a row already holds it (a row keeps its id when its code or name is edited)."""
    return wanted if s.get(model, wanted) is None else new_id()


def set_pack_unit(s: Session, actor: Actor, item: Item, name: str, factor: int) -> bool:
    """Add or change a pack (hộp = 100 viên). Returns True when something was written."""
    if factor < 1:
        raise ValidationError("bad_factor", msg("bad_factor"),
                              field="pack_factor")
    name = name.strip()
    existing = s.scalar(select(PackUnit).where(PackUnit.item_id == item.id, PackUnit.name == name,
                                               PackUnit.deleted.is_(False)))
    if existing is None:
        same_key = natural_id(PackUnit.__tablename__, item.id, name)
        removed = s.get(PackUnit, same_key)
        if removed is not None and removed.deleted:
            removed.deleted = False  # the pack removed before comes back, with its id
            removed.factor = factor
            return True
        s.add(PackUnit(id=_free_id(s, PackUnit, same_key), station_id=None, item_id=item.id, name=name, factor=factor))
        return True
    if existing.factor != factor:
        existing.factor = factor
        return True
    return False


def pack_units(s: Session, item: Item) -> list[PackUnit]:
    stmt = select(PackUnit).where(PackUnit.item_id == item.id, PackUnit.deleted.is_(False))
    return list(s.scalars(stmt.order_by(PackUnit.factor)))


# ----- validation -----------------------------------------------------------------------------
def _bad(code: str, text: PerLanguage, fld: str) -> ValidationError:
    return ValidationError(code, text, field=fld)


def _validated(raw: Mapping[str, Any]) -> dict[str, Any]:
    """One row's fields, checked and converted; raises ValidationError on the first problem."""

    def text(key: str) -> str:
        value = raw.get(key)
        return "" if value is None else str(value).strip()

    out: dict[str, Any] = {}
    for key, what in _REQUIRED.items():
        if not text(key):
            raise _bad("required", msg("required.catalogue", what=what), key)
    out["code"] = text("code")
    if len(out["code"]) > 64:
        raise _bad("too_long", msg("domain.catalogue"), "code")
    out["name"] = text("name")
    out["base_unit"] = text("base_unit")
    category = _CATEGORY_WORDS.get(fold(text("category")))
    if category is None:
        raise _bad("bad_category",
                   msg("domain.catalogue.validated", category=text('category')), "category")
    out["category"] = category
    for key in ("active_ingredient", "strength", "dosage_form"):
        out[key] = text(key) or None
    controlled = text("controlled")
    out["controlled"] = None
    if controlled and fold(controlled) not in _FALSE:
        out["controlled"] = _CONTROLLED.get(fold(controlled))
        if out["controlled"] is None:
            raise _bad("bad_controlled",
                       msg("domain.catalogue.validated.7", controlled=controlled),
                       "controlled")
    for key, what in _INT_FIELDS.items():
        out[key] = _non_negative_int(raw.get(key), key, what)
    out["min_stock"] = out["min_stock"] or 0
    out["max_stock"] = out["max_stock"] or 0
    if out["max_stock"] and out["min_stock"] > out["max_stock"]:
        raise _bad("min_above_max", msg("domain.catalogue.validated.2"),
                   "min_stock")
    out["doses_per_vial"] = out["doses_per_vial"] or None
    form = text("vaccine_form")
    out["vaccine_form"] = _VACCINE_FORMS.get(fold(form)) if form else None
    if form and out["vaccine_form"] is None:
        raise _bad("bad_vaccine_form", msg("domain.catalogue.validated.3", form=form), "vaccine_form")
    freeze = fold(text("freeze_sensitive"))
    if freeze not in _TRUE | _FALSE:
        raise _bad("bad_flag", msg("domain.catalogue.validated.4", freeze_sensitive=text("freeze_sensitive")),
                   "freeze_sensitive")
    out["freeze_sensitive"] = freeze in _TRUE
    if category != "vaccine" and (out["doses_per_vial"] or out["vaccine_form"]):
        raise _bad("not_vaccine", msg("domain.catalogue.validated.5"), "doses_per_vial")
    pack = text("pack_unit")
    out["pack_unit"] = pack or None
    if bool(pack) != bool(out["pack_factor"]):
        raise _bad("pack_incomplete", msg("domain.catalogue.validated.6"), "pack_unit")
    return out


def _non_negative_int(value: Any, key: str, what: PerLanguage) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and _plain_int(value):
        number = int(value.strip().replace(".", "").replace(",", ""))
    if number is None or number < 0 or number > _MAX_INT:
        raise _bad("bad_integer", msg("bad_integer.catalogue", what=capital(what), value=value), key)
    return number


def _plain_int(text: str) -> bool:
    """Digits, optionally with thousands separators (1.000 or 1,000) — never a decimal fraction."""
    body = text.strip().lstrip("-")
    if body.isdigit():
        return True
    for sep in (".", ","):
        parts = body.split(sep)
        if len(parts) > 1 and parts[0].isdigit() and all(len(p) == 3 and p.isdigit() for p in parts[1:]):
            return True
    return False


# ----- bulk import --------------------------------------------------------------------------------
def import_rows(s: Session, actor: Actor, rows: Iterable[tuple[int, Mapping[str, Any]]]) -> ImportReport:
    """Check every row, then upsert the good ones by code; bad rows are listed with their reason.

    `rows` are (row number, fields by canonical name) as `read_rows` gives them. Codes that appear
    more than once in the file are all rejected: the file does not say which one is right.
    """
    report = ImportReport()
    rows = list(rows)
    seen: dict[str, list[int]] = {}
    for number, raw in rows:
        code = str(raw.get("code") or "").strip()
        if code:
            seen.setdefault(code, []).append(number)
    good: list[tuple[int, Mapping[str, Any]]] = []
    for number, raw in rows:
        code = str(raw.get("code") or "").strip()
        if code and len(seen[code]) > 1:
            others = ", ".join(str(n) for n in seen[code])
            report.rejected.append(RejectedRow(
                number, code, msg("domain.catalogue.import_rows", code=code, others=others)))
            continue
        try:
            _validated(raw)
        except ValidationError as exc:
            report.rejected.append(RejectedRow(number, code, exc.text))
            continue
        good.append((number, raw))
    for _number, raw in good:
        _item, outcome = upsert_item(s, actor, raw)
        setattr(report, outcome, getattr(report, outcome) + 1)
    s.flush()
    report.rejected.sort(key=lambda r: r.row)
    return report


def map_header(header: Iterable[Any]) -> list[str | None]:
    """The canonical field of each column (None for a column we do not use)."""
    return [_HEADER_LOOKUP.get(fold(str(h or ""))) for h in header]


def read_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """Rows of a CSV (UTF-8, with or without BOM; comma or semicolon) or XLSX file."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError("file_missing", msg("file_missing", path=path), field="file")
    table = _xlsx_cells(path) if path.suffix.lower() in (".xlsx", ".xlsm") else _csv_cells(path)
    if not table:
        raise ValidationError("empty_file", msg("empty_file", name=path.name),
                              field="file")
    keys = map_header(table[0])
    missing = [k for k in ("code", "name", "base_unit", "category") if k not in keys]
    if missing:
        raise ValidationError(
            "bad_header",
            msg("bad_header", name=path.name, missing=', '.join(missing)),
            field="file")
    rows: list[tuple[int, dict[str, Any]]] = []
    for number, cells in enumerate(table[1:], start=2):
        if all(c is None or str(c).strip() == "" for c in cells):
            continue  # blank line: not a row
        row = {key: cells[i] if i < len(cells) else None for i, key in enumerate(keys) if key}
        rows.append((number, row))
    return rows


def _csv_cells(path: Path) -> list[list[Any]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            "bad_encoding", msg("bad_encoding", name=path.name), field="file") from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return [list(r) for r in csv.reader(text.splitlines(), delimiter=delimiter)]


def _xlsx_cells(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise ValidationError("bad_xlsx", msg("bad_xlsx", name=path.name, exc=exc), field="file") from None
    try:
        sheet = book.worksheets[0]
        return [list(r) for r in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def category_label(category: str, lang: str = "vi") -> str:
    return category if lang.startswith("en") else _CATEGORY_VI.get(category, category)
