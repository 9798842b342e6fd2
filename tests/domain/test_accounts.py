"""Accounts on a shared PC: made by the head of station (offline too, awaiting the centre), a password
checked offline against a local argon2 hash, the centre's confirmation refreshing it, disabling."""

from __future__ import annotations

import statistics
import time
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.domain.conftest import Refuse, write
from ytcs_desktop.domain.accounts import (
    actor_of,
    create_account,
    get_account,
    has_accounts,
    record_online_verification,
    set_active,
    verify_password,
)
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import PermissionDenied, RuleError, ValidationError
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import LocalAccount

HEAD_PASSWORD = "tram truong an phu"


@pytest.fixture
def with_head(station_db: Database, station_actor: Actor) -> Database:
    write(station_db, create_account, station_actor, username="lan", full_name="Nguyễn Thị Lan",
          password=HEAD_PASSWORD, duties=["truong_tram"])
    return station_db


def test_the_first_account_is_the_set_ups_and_awaits_the_centre(station_db: Database, station_actor: Actor) -> None:
    with station_db.read() as s:
        assert not has_accounts(s)
    made = write(station_db, create_account, station_actor, username="lan", full_name="Nguyễn Thị Lan",
                 password=HEAD_PASSWORD, duties="truong_tram")
    assert (made.duties, made.awaits_confirmation, made.verified_online) == ({"truong_tram"}, True, False)
    with station_db.read() as s:
        assert has_accounts(s)
        row = s.get(LocalAccount, "lan")
        assert row is not None and row.password_hash.startswith("$argon2id$")
    station_db.close()
    assert HEAD_PASSWORD.encode() not in station_db.path.read_bytes()  # the password itself is never stored


def test_offline_sign_in_checks_the_local_hash_and_says_what_to_do(with_head: Database) -> None:
    with with_head.transaction() as s:
        me = verify_password(s, "lan", HEAD_PASSWORD)
        actor = actor_of(me, "station", with_head.station_id)
    assert (actor.name, actor.duties, actor.username) == ("Nguyễn Thị Lan", frozenset({"truong_tram"}), "lan")
    for user, password in (("lan", "sai mat khau"), ("khong.co", HEAD_PASSWORD), ("lan", "")):
        with pytest.raises(RuleError) as info, with_head.transaction() as s:
            verify_password(s, user, password)
        assert (info.value.code, info.value.field) == ("wrong_password", "password")
        assert "trạm trưởng" in info.value.vi


def test_only_the_head_makes_accounts_and_a_bad_one_is_refused(with_head: Database, refuse: Refuse) -> None:
    nurse = Actor("Phạm Thu Hà", "station", with_head.station_id, frozenset({"lam_sang"}), "ha")
    head = Actor("Nguyễn Thị Lan", "station", with_head.station_id, frozenset({"truong_tram"}), "lan")
    err = refuse(PermissionDenied, create_account, nurse, username="binh", full_name="Trần Văn Bình",
                 password="kho thuoc tram", duties=["thu_kho"])
    assert "trạm trưởng" in err.vi
    with with_head.transaction() as s:
        for kwargs, code in (
            ({"username": "lan"}, "username_taken"),
            ({"username": "tran binh"}, "bad_username"),
            ({"password": "12345678"}, "password_common"),
            ({"duties": ["duoc"]}, "bad_duty"),
            ({"duties": []}, "duty_missing"),
            ({"full_name": "  "}, "required"),
        ):
            args = {"username": "binh", "full_name": "Trần Văn Bình", "password": "kho thuoc tram",
                    "duties": ["thu_kho"], **kwargs}
            with pytest.raises((RuleError, ValidationError)) as info:
                create_account(s, head, **args)  # type: ignore[arg-type]
            assert info.value.code == code, (kwargs, info.value.code)
    made = write(with_head, create_account, head, username="binh", full_name="Trần Văn Bình",
                 password="kho thuoc tram", duties=["thu_kho", "lam_sang"])
    assert made.duties == {"thu_kho", "lam_sang"} and made.awaits_confirmation


def test_the_centres_confirmation_refreshes_the_hash_and_confirms(with_head: Database) -> None:
    # The password was changed at the centre: the next online sign-in from this PC keeps the new one.
    write(with_head, record_online_verification, username="lan", password="mat khau moi cua lan", role="station")
    with with_head.transaction() as s:
        view = get_account(s, "lan")
        assert view is not None and (view.awaits_confirmation, view.verified_online) == (False, True)
        with pytest.raises(RuleError):
            verify_password(s, "lan", HEAD_PASSWORD)
        assert verify_password(s, "lan", "mat khau moi cua lan").username == "lan"
    # a person new to this PC who signs in online can sign in here offline afterwards, as clinical staff
    new = write(with_head, record_online_verification, username="hoa", password="dieu duong hoa",
                role="station", full_name="Lê Thị Hoa")
    assert (new.full_name, new.duties) == ("Lê Thị Hoa", {"lam_sang"})
    with with_head.transaction() as s:
        assert verify_password(s, "hoa", "dieu duong hoa").full_name == "Lê Thị Hoa"


def test_a_disabled_account_cannot_sign_in_offline(with_head: Database) -> None:
    head = Actor("Nguyễn Thị Lan", "station", with_head.station_id, frozenset({"truong_tram"}), "lan")
    write(with_head, create_account, head, username="ha", full_name="Phạm Thu Hà", password="y si pham thu ha",
          duties=["lam_sang"])
    write(with_head, set_active, head, "ha", False)
    with pytest.raises(RuleError) as info, with_head.transaction() as s:
        verify_password(s, "ha", "y si pham thu ha")
    assert (info.value.code, info.value.field) == ("account_disabled", "username")
    with pytest.raises(RuleError) as info, with_head.transaction() as s:
        set_active(s, head, "lan", False)
    assert info.value.code == "own_account"
    with pytest.raises(PermissionDenied), with_head.transaction() as s:
        set_active(s, replace(head, duties=frozenset({"lam_sang"})), "ha", True)
    write(with_head, set_active, head, "ha", True)
    with with_head.transaction() as s:
        assert verify_password(s, "ha", "y si pham thu ha").active


def test_an_unknown_user_name_costs_as_long_as_a_wrong_password(with_head: Database) -> None:
    times: dict[str, list[float]] = {"lan": [], "khong.co": []}
    for _ in range(11):  # interleaved, so a busy machine slows both alike; medians drop the outliers
        for user, seen in times.items():
            start = time.perf_counter()
            with pytest.raises(RuleError), with_head.transaction() as s:
                verify_password(s, user, "sai mat khau")
            seen.append(time.perf_counter() - start)
    known, unknown = statistics.median(times["lan"]), statistics.median(times["khong.co"])
    assert abs(known - unknown) / known < 0.25, (known, unknown)
    with with_head.read() as s:
        assert s.scalars(select(LocalAccount.username)).all() == ["lan"]


def test_the_command_lines_sign_in_lasts_its_hours_and_ends_with_the_account(with_head: Database) -> None:
    import datetime as dt

    from ytcs_desktop.domain.accounts import cli_person, sign_in_cli, sign_out_cli

    start = dt.datetime(2026, 3, 2, 7, 30, tzinfo=dt.UTC)
    with with_head.transaction() as s:
        assert cli_person(s, start) is None
        with pytest.raises(ValidationError):
            sign_in_cli(s, "lan", HEAD_PASSWORD, hours=30, now=start)
        with pytest.raises(RuleError):
            sign_in_cli(s, "lan", "sai mat khau", now=start)
        sign_in_cli(s, "lan", HEAD_PASSWORD, hours=8, now=start)
    with with_head.transaction() as s:
        found = cli_person(s, start + dt.timedelta(hours=7, minutes=59))
        assert found is not None and found[0].username == "lan"
        assert cli_person(s, start + dt.timedelta(hours=8)) is None  # a working day, then sign in again
        assert sign_out_cli(s) and not sign_out_cli(s)
        assert cli_person(s, start) is None


def test_the_first_account_of_a_centre_pc_holds_every_centre_duty(tmp_path: Path) -> None:
    from ytcs_desktop.domain.accounts import create_first_account

    db = Database.create(tmp_path / "centre.sqlite3", station_id=None, role="centre")
    try:
        made = write(db, create_first_account, role="centre", station_id=None, username="hung",
                     full_name="Trần Văn Hùng", password="trung tam thuan an")
        assert made.duties == {"ke_hoach", "duoc", "dieu_duong", "quan_tri"}
        admin = actor_of(made, "centre", None)
        assert admin.station_id is None
        nurse_dept = write(db, create_account, admin, username="mai", full_name="Võ Thị Mai",
                           password="dieu duong trung tam", duties="dieu_duong")
        with pytest.raises(PermissionDenied) as info, db.transaction() as s:
            create_account(s, actor_of(nurse_dept, "centre", None), username="x", full_name="X",
                           password="mot mat khau dai", duties="duoc")
        assert "quản trị hệ thống" in info.value.vi
    finally:
        db.close()
