"""A station's people reach the centre, over a real `ytcs centre serve` (SQLite and PostgreSQL).

Accounts the head of station made on the PC (offline) are sent by the next sync and made at the centre for
that station, with their full name, duties and the argon2 hash made on the PC (the person then signs in to
the centre with that password); a user name someone else holds at the centre is refused with a code and
the PC shows the account as refused, in words, and does not send it again. The sync brings back the
centre's active flag: an account disabled there cannot sign in on the PC, offline too (the window's and
the command line's sign-in, and a command-line sign-in already made), until it is enabled again. Bad input
is a 4xx with a code."""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
import requests
from sqlalchemy import select

from tests.cli.conftest import YTCS
from tests.sync.conftest import PASSWORD, Centre, Replica, new_db
from ytcs_desktop.domain.accounts import (
    cli_person,
    create_account,
    create_first_account,
    get_account,
    sign_in_cli,
    verify_password,
)
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import RuleError
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Station
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.client import login
from ytcs_desktop.sync.server import admin
from ytcs_desktop.sync.server import schema as t

HEAD_PASSWORD, NURSE_PASSWORD = "tram truong an phu", "dieu duong an phu 01"
T = TypeVar("T")


def _write(db: Database, fn: Callable[..., T], *args: Any, **kw: Any) -> T:
    with db.transaction() as s:
        return fn(s, *args, **kw)


def _station_pc(centre: Centre, folder: Path) -> Replica:
    """A station registered at the centre and its PC (data folder `folder`, as `ytcs` opens it), logged in
    with the station's centre account."""
    (first,) = centre.station("an-phu")
    folder.mkdir()
    db = new_db(folder / "ytcs.sqlite3", station_id=first.station_id, role="station")
    centre.made.append(db)
    with db.transaction() as s:
        s.add(Station(id=first.station_id, station_id=first.station_id, code=first.code, name="Trạm Y tế An Phú"))
    account = centre.admin(lambda c: c.scalar(select(t.devices.c.username).where(t.devices.c.id == first.device_id)))
    answer = login(centre.url, str(account), PASSWORD, device_name="pc", station_id=first.station_id,
                   replica_id=db.replica_id)
    return Replica(db, answer.token, answer.device_id, centre.url, first.station_id, first.code)


def _people(pc: Replica, tag: str) -> tuple[str, str]:
    """The head of station's account made at set-up and a nurse's the head made: both offline."""
    head, nurse = f"lan.{tag}", f"hoa.{tag}"
    with pc.db.transaction() as s:
        made = create_first_account(s, role="station", station_id=pc.station_id, username=head,
                                    full_name="Nguyễn Thị Lan", password=HEAD_PASSWORD)
        create_account(s, Actor(made.full_name, "station", pc.station_id, made.duties, head), username=nurse,
                       full_name="Lê Thị Hoa", password=NURSE_PASSWORD, duties=["lam_sang", "thu_kho"])
    return head, nurse


def _centre_user(centre: Centre, username: str) -> dict[str, Any] | None:
    row = centre.admin(lambda c: c.execute(select(t.users).where(t.users.c.username == username)).mappings().first())
    return dict(row) if row is not None else None


def _ytcs(folder: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The real `ytcs` in a subprocess on the PC's data folder."""
    full = {k: v for k, v in os.environ.items() if not k.startswith("YTCS_") or k == "YTCS_LOG_DIR"}
    full.update({"LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", **env})
    return subprocess.run([YTCS, *args, "--data-dir", str(folder)], capture_output=True, text=True,
                          encoding="utf-8", env=full, timeout=240)


def _signin(folder: Path, username: str, password: str) -> subprocess.CompletedProcess[str]:
    return _ytcs(folder, "signin", username, YTCS_PASSWORD=password)


def test_accounts_made_on_the_pc_are_made_at_the_centre(centre: Centre, tmp_path: Path) -> None:
    pc = _station_pc(centre, tmp_path / "pc")
    head, nurse = _people(pc, uuid.uuid4().hex[:6])
    with pc.db.read() as s:
        waiting = get_account(s, nurse)
    assert waiting is not None and waiting.awaits_confirmation
    assert _centre_user(centre, nurse) is None

    report = pc.sync()
    assert report.complete and report.accounts_confirmed == 2 and report.accounts_refused == 0
    made = _centre_user(centre, nurse)
    assert made is not None
    assert (made["role"], made["station_code"], made["full_name"], made["duties"], made["active"]) == (
        "station", pc.code, "Lê Thị Hoa", "lam_sang,thu_kho", True)
    with pc.db.read() as s:
        from ytcs_desktop.store.models import LocalAccount

        row = s.get(LocalAccount, nurse)
        assert row is not None and made["password_hash"] == row.password_hash  # the PC's argon2 hash
        assert made["password_hash"].startswith("$argon2id$") and NURSE_PASSWORD not in made["password_hash"]
        assert not row.awaits_confirmation and row.centre_refusal is None
    assert _centre_user(centre, head)["duties"] == "truong_tram"  # type: ignore[index]
    # the person signs in to the centre with the password typed on the PC
    assert login(centre.url, nurse, NURSE_PASSWORD, device_name="another pc").role == "station"

    # the centre's list of accounts names the person and her duties (an account made there: none)
    desk = centre.centre_replica()
    listed = requests.get(centre.url + p.API + "/centre/users", timeout=30, headers={
        p.PROTOCOL_HEADER: str(p.PROTOCOL_VERSION), "Authorization": f"Bearer {desk.token}"}).json()
    mine = {u["username"]: (u["full_name"], u["duties"], u["station"]) for u in listed}
    assert mine[nurse] == ("Lê Thị Hoa", ["lam_sang", "thu_kho"], pc.code)
    assert mine[head] == ("Nguyễn Thị Lan", ["truong_tram"], pc.code)
    assert next(u for u in listed if u["role"] == "centre")["duties"] is None

    again = pc.sync()  # nothing is sent twice
    assert again.accounts_confirmed == 0 and again.accounts_refused == 0


def test_a_name_someone_else_holds_at_the_centre_is_refused_and_shown(centre: Centre, tmp_path: Path) -> None:
    folder = tmp_path / "pc"
    pc = _station_pc(centre, folder)
    head, _ = _people(pc, uuid.uuid4().hex[:6])
    (other,) = centre.station("binh-hoa")  # another station's account holds the name
    taken = str(centre.admin(lambda c: c.scalar(select(t.devices.c.username)
                                                .where(t.devices.c.id == other.device_id))))
    with pc.db.transaction() as s:
        lead = get_account(s, head)
        assert lead is not None
        create_account(s, Actor(lead.full_name, "station", pc.station_id, lead.duties, head), username=taken,
                       full_name="Trần Văn Minh", password="mat khau cua minh", duties=["lam_sang"])
    before = _centre_user(centre, taken)

    report = pc.sync()
    assert report.complete and report.accounts_confirmed == 2 and report.accounts_refused == 1
    assert _centre_user(centre, taken) == before  # the other station's account is untouched
    with pc.db.read() as s:
        shown = get_account(s, taken)
    assert shown is not None and shown.awaits_confirmation
    assert shown.refusal_text("vi") == (f"Tên đăng nhập “{taken}” đã có người khác dùng ở Trung tâm. Hãy tạo lại "
                                        "tài khoản này với tên đăng nhập khác.")
    assert "someone else's" in (shown.refusal_text("en") or "")
    assert pc.sync().accounts_refused == 0  # not sent again
    listed = _ytcs(folder, "accounts", "list")
    assert listed.returncode == 0, listed
    row = next(line for line in listed.stdout.splitlines() if line.startswith(taken + " "))
    assert "bị từ chối" in row
    assert f"{taken}: Tên đăng nhập “{taken}” đã có người khác dùng ở Trung tâm." in listed.stdout


def test_an_account_disabled_at_the_centre_cannot_sign_in_on_the_pc_offline_too(centre: Centre,
                                                                                 tmp_path: Path) -> None:
    folder = tmp_path / "pc"
    pc = _station_pc(centre, folder)
    _, nurse = _people(pc, uuid.uuid4().hex[:6])
    assert pc.sync().accounts_confirmed == 2
    _write(pc.db, sign_in_cli, nurse, NURSE_PASSWORD)  # the nurse signed in to the command line here

    centre.admin(lambda c: admin.set_active(c, nurse, False))
    pc.sync()
    with pytest.raises(RuleError) as refused:  # the window's sign-in and the command line's check this
        _write(pc.db, verify_password, nurse, NURSE_PASSWORD)
    assert refused.value.code == "account_disabled" and "Trung tâm" in refused.value.vi
    with pc.db.read() as s:
        assert cli_person(s) is None  # the command-line sign-in made before ends
        assert get_account(s, nurse).centre_active is False  # type: ignore[union-attr]
    cli = _signin(folder, nurse, NURSE_PASSWORD)  # the real command, with no centre involved
    assert cli.returncode == 2 and len([x for x in cli.stderr.splitlines() if x.strip()]) == 1, cli
    assert "bị Trung tâm khóa" in cli.stderr
    listed = _ytcs(folder, "accounts", "list", YTCS_LANG="en")
    assert "no (disabled at the centre)" in next(x for x in listed.stdout.splitlines() if x.startswith(nurse + " "))

    centre.admin(lambda c: admin.set_active(c, nurse, True))
    pc.sync()
    assert _write(pc.db, verify_password, nurse, NURSE_PASSWORD).username == nurse
    cli = _signin(folder, nurse, NURSE_PASSWORD)
    assert cli.returncode == 0 and "Lê Thị Hoa" in cli.stdout, cli


def test_accounts_wait_while_the_pc_is_signed_in_to_the_centre_as_someone_who_may_not_make_them(
        centre: Centre, tmp_path: Path) -> None:
    pc = _station_pc(centre, tmp_path / "pc")
    tag = uuid.uuid4().hex[:6]
    head, nurse = _people(pc, tag)
    assert pc.sync().accounts_confirmed == 2
    as_nurse = login(centre.url, nurse, NURSE_PASSWORD, device_name="pc", station_id=pc.station_id,
                     replica_id=pc.db.replica_id)  # the nurse signed in to the centre from this PC
    nurse_pc = Replica(pc.db, as_nurse.token, as_nurse.device_id, centre.url, pc.station_id, pc.code)
    newcomer = f"minh.{tag}"
    with pc.db.transaction() as s:
        lead = get_account(s, head)
        assert lead is not None
        create_account(s, Actor(lead.full_name, "station", pc.station_id, lead.duties, head), username=newcomer,
                       full_name="Trần Văn Minh", password="mat khau cua minh", duties=["truong_tram"])
    centre.admin(lambda c: admin.set_active(c, head, False))

    report = nurse_pc.sync()  # a clinical account may not make accounts at the centre: the newcomer waits
    assert report.complete and report.accounts_confirmed == 0 and report.accounts_refused == 0
    assert _centre_user(centre, newcomer) is None
    with pc.db.read() as s:
        waiting, lead_now = get_account(s, newcomer), get_account(s, head)
    assert waiting is not None and waiting.awaits_confirmation and waiting.refusal is None
    assert lead_now is not None and not lead_now.centre_active  # the centre's word still came back

    centre.admin(lambda c: admin.set_active(c, head, True))
    assert pc.sync().accounts_confirmed == 1  # the PC signed in to the centre as the station's account again
    assert _centre_user(centre, newcomer)["duties"] == "truong_tram"  # type: ignore[index]


def _raw(replica: Replica, method: str, body: dict[str, Any] | None = None) -> requests.Response:
    return requests.request(method, replica.url + p.API + "/sync/accounts", json=body, timeout=30,
                            headers={p.PROTOCOL_HEADER: str(p.PROTOCOL_VERSION),
                                     "Authorization": f"Bearer {replica.token}"})


def test_bad_accounts_are_refused_with_a_code(centre: Centre) -> None:
    (station,) = centre.station("bad")
    tag = uuid.uuid4().hex[:6]
    good = {"username": f"x.{tag}", "full_name": "Người Thử", "duties": ["lam_sang"],
            "password_hash": "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA"}
    cases = [({"password_hash": "matkhau-thuong"}, 422, "bad_password_hash"),
             ({"password_hash": "$argon2i$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo"}, 422,
              "bad_password_hash"),
             ({"duties": ["ke_hoach"]}, 422, "bad_duty"),
             ({"duties": []}, 422, "invalid_request"),
             ({"full_name": "   "}, 422, "full_name_missing"),
             ({"username": "có dấu cách"}, 422, "invalid_request")]
    for change, status, code in cases:
        r = _raw(station, "POST", {**good, **change})
        assert (r.status_code, r.json()["code"]) == (status, code), (change, r.text)
    assert _centre_user(centre, f"x.{tag}") is None
    desk = centre.centre_replica()
    r = _raw(desk, "POST", good)
    assert (r.status_code, r.json()["code"]) == (403, "station_only")
    assert _raw(desk, "GET").status_code == 403
    r = _raw(station, "POST", good)
    assert r.status_code == 200 and r.json()["duties"] == ["lam_sang"]
    users = _raw(station, "GET").json()
    assert {u["username"] for u in users} >= {f"x.{tag}"}
    assert all(u["username"] != desk.device_id for u in users)
