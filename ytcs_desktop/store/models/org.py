"""Centre, stations, departments and staff (DOMAIN.md "Organisation")."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ytcs_desktop.store.base import Base, SyncMixin


def ref(table: str) -> ForeignKey:
    """A reference to another synced row; checked at commit so sync may apply rows in any order."""
    return ForeignKey(f"{table}.id", deferrable=True, initially="DEFERRED")


class Centre(SyncMixin, Base):
    """Trung tâm Y tế khu vực: reference data, written by the centre only."""

    __tablename__ = "centres"
    __centre_fields__ = frozenset({"code", "name", "address", "phone", "province", "deleted"})
    __station_fields__ = frozenset()

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(40))
    province: Mapped[str | None] = mapped_column(String(120))


class Department(SyncMixin, Base):
    """A department of the centre (Phòng Kế hoạch – Nghiệp vụ, Khoa Dược…): reference data."""

    __tablename__ = "departments"
    __centre_fields__ = frozenset({"centre_id", "code", "name", "kind", "deleted"})
    __station_fields__ = frozenset()

    centre_id: Mapped[str | None] = mapped_column(String(36), ref("centres"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(300))
    # admin|nursing|pharmacy|clinical|preventive
    kind: Mapped[str] = mapped_column(String(32), default="admin")


class Station(SyncMixin, Base):
    """Trạm Y tế: the station profile. `station_id` equals `id`: the station owns its partition."""

    __tablename__ = "stations"
    # Field owners (SYNC.md): contact fields belong to the station, administrative ones to the centre.
    __station_fields__ = frozenset(
        {"address", "phone", "contact_name", "contact_phone", "head_name", "population", "satellite_posts"}
    )
    __centre_fields__ = frozenset(
        {"centre_id", "code", "name", "commune", "parent_org", "licence_no", "licence_date", "licence_issuer",
         "status", "deleted"}
    )

    centre_id: Mapped[str | None] = mapped_column(String(36), ref("centres"))
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    commune: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(40))
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    licence_no: Mapped[str | None] = mapped_column(String(80))
    licence_date: Mapped[dt.date | None] = mapped_column(Date)
    licence_issuer: Mapped[str | None] = mapped_column(String(200))  # cơ quan cấp giấy phép hoạt động
    population: Mapped[int | None] = mapped_column(Integer)
    parent_org: Mapped[str | None] = mapped_column(String(300))
    head_name: Mapped[str | None] = mapped_column(String(200))
    satellite_posts: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="active")


STAFF_DIRECTORY_FIELDS = frozenset({"licence_date", "licence_valid_to", "grade", "grade_step", "position", "left_on"})


class Staff(SyncMixin, Base):
    """Nhân viên: station staff (station_id set, written by the station) or centre staff (reference)."""

    __tablename__ = "staff"
    __station_fields__ = frozenset(
        {"full_name", "title", "licence_no", "phone", "active", "birth_year", "scope_of_practice", "deleted"}
    ) | STAFF_DIRECTORY_FIELDS
    __centre_fields__ = frozenset(
        {"full_name", "title", "licence_no", "phone", "active", "department_id", "birth_year", "scope_of_practice",
         "deleted"}
    ) | STAFF_DIRECTORY_FIELDS

    department_id: Mapped[str | None] = mapped_column(String(36), ref("departments"))
    full_name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(60))  # bác sĩ, y sĩ, điều dưỡng, hộ sinh, dược sĩ…
    licence_no: Mapped[str | None] = mapped_column(String(80))
    phone: Mapped[str | None] = mapped_column(String(40))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Phạm vi hành nghề: practice_scope codes, comma-separated (domain/scope.py)
    scope_of_practice: Mapped[str | None] = mapped_column(String(300))
    # The staff directory (domain/staff_directory.py): practising licence (CCHN) dates, grade and position,
    # and the day a person left the station (active is then false).
    licence_date: Mapped[dt.date | None] = mapped_column(Date)
    licence_valid_to: Mapped[dt.date | None] = mapped_column(Date)  # as printed; else derived from the date
    grade: Mapped[str | None] = mapped_column(String(120))  # ngạch (chức danh nghề nghiệp), with its code
    grade_step: Mapped[int | None] = mapped_column(Integer)  # bậc lương
    position: Mapped[str | None] = mapped_column(String(200))  # vị trí việc làm
    left_on: Mapped[dt.date | None] = mapped_column(Date)
