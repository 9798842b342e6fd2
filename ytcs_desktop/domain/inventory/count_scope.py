"""What a stock count covers: the whole stock, one category, one storage place (a fridge, or the
shelves outside every fridge), or items chosen by name. A partial count is approved on its own: only
the lots it covers are corrected."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.errors import NotFoundError, RuleError, ValidationError
from ytcs_desktop.domain.inventory.common import load_item
from ytcs_desktop.domain.inventory.stock import lot_sums
from ytcs_desktop.domain.labels import LABELS, label
from ytcs_desktop.domain.text import fold, matches
from ytcs_desktop.messages import msg, pick, plain
from ytcs_desktop.store.models import Fridge, Item

OUTSIDE_FRIDGES = "outside"  # the location of lots kept on shelves, in no fridge


@dataclass(frozen=True)
class CountScope:
    """Filters that combine (vaccines in one fridge); none set: every lot in stock."""

    category: str | None = None  # drug | supply | vaccine
    location: str | None = None  # a fridge id, or OUTSIDE_FRIDGES
    item_ids: tuple[str, ...] = ()

    @property
    def whole(self) -> bool:
        return not (self.category or self.location or self.item_ids)


@dataclass(frozen=True)
class ItemChoice:
    id: str
    code: str
    name: str
    category: str
    lots: int


@dataclass(frozen=True)
class CountChoices:
    """What the start of a count offers: the places stock is kept and the items in stock that day."""

    fridges: list[tuple[str, str]] = field(default_factory=list)  # (id, name)
    items: list[ItemChoice] = field(default_factory=list)

    def search(self, words: str) -> list[ItemChoice]:
        """Items whose name or code holds every word typed, in any accent and case."""
        return [i for i in self.items if matches(words, f"{i.name} {i.code}")]


def _fridges(s: Session, station_id: str) -> list[Fridge]:
    return list(s.scalars(select(Fridge).where(Fridge.station_id == station_id, Fridge.deleted.is_(False))
                          .order_by(Fridge.name)))


def count_choices(s: Session, station_id: str, day: dt.date) -> CountChoices:
    per_lot = lot_sums(station_id, as_of=day)
    rows = s.execute(select(Item.id, Item.code, Item.name, Item.category, per_lot.c.lot_id)
                     .join(Item, Item.id == per_lot.c.item_id).where(per_lot.c.qty != 0)).all()
    lots: dict[str, int] = {}
    info: dict[str, tuple[str, str, str]] = {}
    for item_id, code, name, category, _lot in rows:
        lots[item_id] = lots.get(item_id, 0) + 1
        info[item_id] = (code, name, category)
    items = sorted((ItemChoice(i, *info[i], lots[i]) for i in lots), key=lambda c: (c.name, c.code))
    return CountChoices([(f.id, f.name) for f in _fridges(s, station_id)], items)


def check_scope(s: Session, station_id: str, scope: CountScope) -> None:
    """Refuse a category, a place or an item the station does not have, naming the field."""
    if scope.category is not None and scope.category not in LABELS["item_category"]:
        names = ", ".join(vi for vi, _en in LABELS["item_category"].values())
        raise ValidationError(
            "bad_count_category", msg("bad_count_category", category=scope.category, names=names), field="category",
        )
    if scope.location not in (None, OUTSIDE_FRIDGES) and scope.location not in {
            f.id for f in _fridges(s, station_id)}:
        raise NotFoundError(
            "count_location_not_found",
            msg("count_location_not_found"),
            field="location",
        )
    for item_id in scope.item_ids:
        load_item(s, item_id, station_id, "item_ids")


def in_scope(scope: CountScope, item: Item, fridge_id: str | None) -> bool:
    if scope.category is not None and item.category != scope.category:
        return False
    if scope.location == OUTSIDE_FRIDGES and fridge_id is not None:
        return False
    if scope.location not in (None, OUTSIDE_FRIDGES) and fridge_id != scope.location:
        return False
    return not scope.item_ids or item.id in scope.item_ids


def describe_scope(s: Session, scope: CountScope, lang: str = "vi") -> str:
    """The scope in the user's words, for the message that finds nothing in it."""
    parts = []
    if scope.category is not None:
        parts.append(label("item_category", scope.category, lang))
    if scope.location == OUTSIDE_FRIDGES:
        parts.append(msg("word.outside_the_fridges").text(lang))
    elif scope.location is not None:
        fridge = s.get(Fridge, scope.location)
        parts.append(fridge.name if fridge else scope.location)
    if scope.item_ids:
        parts.append(msg("count_scope.chosen_items", n=len(scope.item_ids)).text(lang))
    return ", ".join(parts) or msg("word.the_whole_stock").text(lang)


def nothing_in_scope(s: Session, scope: CountScope, day: dt.date) -> RuleError:
    return RuleError(
        "count_empty", msg("count_empty", scope=pick(describe_scope, s, scope), day=pick(day_text, day)),
        field="scope",
    )


def place_named(s: Session, station_id: str, name: str) -> str:
    """A place typed by name (a fridge's, in any accent and case) or as “outside”/“ngoài tủ lạnh”."""
    wanted = fold(name).strip()
    if wanted in ("outside", "ngoai tu lanh", "ngoai", "shelves", "ke"):
        return OUTSIDE_FRIDGES
    fridges = _fridges(s, station_id)
    for fridge in fridges:
        if fold(fridge.name) == wanted:
            return fridge.id
    names = ", ".join(f"“{f.name}”" for f in fridges)
    raise NotFoundError(
        "count_location_not_found",
        msg("count_location_not_found.place_named", name=name,
            fridges=msg("count_scope.fridges_or", names=names) if names else plain("")),
        field="location",
    )
