"""Test helpers: seed a station database through the domain, and drive dialogs like a user."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.catalogue import upsert_item
from ytcs_desktop.store.db import Database

ITEMS = [
    {"code": "PARA500", "name": "Paracetamol 500 mg", "base_unit": "viên", "category": "drug", "min_stock": 200},
    {"code": "AMOX500", "name": "Amoxicilin 500 mg", "base_unit": "viên", "category": "drug", "min_stock": 100},
    {"code": "BCG", "name": "Vắc xin BCG", "base_unit": "liều", "category": "vaccine", "doses_per_vial": 20,
     "vaccine_form": "lyophilised", "freeze_sensitive": "0"},
    {"code": "GAUZE", "name": "Gạc y tế vô trùng", "base_unit": "gói", "category": "supply"},
]


def station_actor(db: Database) -> Actor:
    return Actor(name="Nguyễn Thị Lan", role="station", station_id=db.station_id)


def seed_items(db: Database) -> dict[str, str]:
    """The catalogue items; returns code -> item id."""
    actor = Actor(name="Khoa Dược", role="centre")
    ids = {}
    with db.transaction() as s:
        for fields in ITEMS:
            item, _ = upsert_item(s, actor, fields)
            ids[item.code] = item.id
    return ids


def type_into(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Replace the text as a user would: key clicks for ASCII (QTest cannot synthesise Vietnamese
    letters as key events, so those arrive as one input, like an input method commits them)."""
    line = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    assert isinstance(line, QLineEdit)
    line.selectAll()
    if text.isascii():
        qtbot.keyClicks(line, text)
    else:
        line.insert(text)


def set_date(edit, day: dt.date) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate

    edit.setDate(QDate(day.year, day.month, day.day))


def pick(combo: QComboBox, text_part: str) -> None:
    index = combo.findText(text_part, Qt.MatchFlag.MatchContains)
    assert index >= 0, f"{text_part!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)
