"""A station that syncs by USB drive exchanges its accounts too, over a real `ytcs centre serve` (SQLite and
PostgreSQL) and the real commands.

The head of station makes accounts on the PC (offline); the sync file written for the centre carries those
awaiting confirmation; the centre answers it as it does (`ytcs centre answer-bundle`, or its window through
the server's `/centre/bundle`) with the network endpoint's own rules; reading the answer back, each account
is confirmed on the PC and exists at the centre with its duties, a user name someone else holds at the
centre is refused and shown in words, and an account the centre disabled can no longer sign in on the PC.
An older station's file without accounts is still answered, and an older answer without them still reads."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.sync.conftest import Centre, Replica
from tests.sync.test_station_accounts import (
    NURSE_PASSWORD,
    _centre_user,
    _people,
    _signin,
    _station_pc,
    _write,
    _ytcs,
)
from ytcs_desktop.domain.accounts import create_account, get_account, verify_password
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import RuleError
from ytcs_desktop.sync import bundle
from ytcs_desktop.sync.client import login
from ytcs_desktop.sync.join import remember_centre
from ytcs_desktop.sync.server import admin
from ytcs_desktop.sync.server import schema as t


def _by_drive(centre: Centre, pc: Replica) -> dict[str, int]:
    """The window's USB round: the station writes the file, the centre's window hands it to its server, the
    station reads the answer (the functions the window's and the command line's steps call)."""
    request = bundle.request_bundle(pc.db, pc.device_id, pc.token)
    desk = centre.centre_replica()
    answer = bundle.answer_through_server(centre.url, desk.token, request)
    return bundle.apply_answer(pc.db, pc.device_id, pc.token, answer)


def _someone_elses_name(centre: Centre) -> str:
    (other,) = centre.station("binh-hoa")
    return str(centre.admin(lambda c: c.scalar(select(t.devices.c.username).where(t.devices.c.id == other.device_id))))


def _add(pc: Replica, head: str, username: str, duties: list[str]) -> None:
    with pc.db.transaction() as s:
        lead = get_account(s, head)
        assert lead is not None
        create_account(s, Actor(lead.full_name, "station", pc.station_id, lead.duties, head), username=username,
                       full_name="Trần Văn Minh", password="mat khau cua minh", duties=duties)


def test_a_usb_round_confirms_refuses_and_disables_accounts(centre: Centre, tmp_path: Path) -> None:
    pc = _station_pc(centre, tmp_path / "pc")
    head, nurse = _people(pc, uuid.uuid4().hex[:6])
    taken = _someone_elses_name(centre)
    _add(pc, head, taken, ["lam_sang"])
    before = _centre_user(centre, taken)

    done = _by_drive(centre, pc)
    assert (done["accounts_confirmed"], done["accounts_refused"]) == (2, 1)
    made = _centre_user(centre, nurse)
    assert made is not None
    assert (made["role"], made["station_code"], made["full_name"], made["duties"], made["active"]) == (
        "station", pc.code, "Lê Thị Hoa", "lam_sang,thu_kho", True)
    assert _centre_user(centre, head)["duties"] == "truong_tram"  # type: ignore[index]
    assert _centre_user(centre, taken) == before  # the other station's account is untouched
    with pc.db.read() as s:
        confirmed, refused = get_account(s, nurse), get_account(s, taken)
    assert confirmed is not None and not confirmed.awaits_confirmation and confirmed.refusal is None
    assert refused is not None and refused.refusal_text("vi") == (
        f"Tên đăng nhập “{taken}” đã có người khác dùng ở Trung tâm. Hãy tạo lại tài khoản này với tên đăng nhập "
        "khác.")
    assert login(centre.url, nurse, NURSE_PASSWORD, device_name="another pc").role == "station"

    centre.admin(lambda c: admin.set_active(c, nurse, False))
    again = _by_drive(centre, pc)  # nothing is sent twice; the centre's word on the nurse comes back
    assert (again["accounts_confirmed"], again["accounts_refused"]) == (0, 0)
    with pytest.raises(RuleError) as refused_in:
        _write(pc.db, verify_password, nurse, NURSE_PASSWORD)
    assert refused_in.value.code == "account_disabled" and "Trung tâm" in refused_in.value.vi

    centre.admin(lambda c: admin.set_active(c, nurse, True))
    _by_drive(centre, pc)
    assert _write(pc.db, verify_password, nurse, NURSE_PASSWORD).username == nurse


def test_accounts_wait_in_the_file_of_a_pc_signed_in_as_someone_who_may_not_make_them(
        centre: Centre, tmp_path: Path) -> None:
    pc = _station_pc(centre, tmp_path / "pc")
    tag = uuid.uuid4().hex[:6]
    head, nurse = _people(pc, tag)
    assert _by_drive(centre, pc)["accounts_confirmed"] == 2
    as_nurse = login(centre.url, nurse, NURSE_PASSWORD, device_name="pc", station_id=pc.station_id,
                     replica_id=pc.db.replica_id)
    nurse_pc = Replica(pc.db, as_nurse.token, as_nurse.device_id, centre.url, pc.station_id, pc.code)
    newcomer = f"minh.{tag}"
    _add(pc, head, newcomer, ["truong_tram"])

    done = _by_drive(centre, nurse_pc)  # the duty check of the network: the newcomer waits, unrefused
    assert (done["accounts_confirmed"], done["accounts_refused"]) == (0, 0)
    assert _centre_user(centre, newcomer) is None
    with pc.db.read() as s:
        waiting = get_account(s, newcomer)
    assert waiting is not None and waiting.awaits_confirmation and waiting.refusal is None
    assert _by_drive(centre, pc)["accounts_confirmed"] == 1  # from the station's own sign-in it is made
    assert _centre_user(centre, newcomer)["duties"] == "truong_tram"  # type: ignore[index]


def _reseal(pc: Replica, data: bytes, drop: tuple[str, ...]) -> bytes:
    """The same file as an older version writes it: without the keys named."""
    body, _raw, _sig = bundle.open_bundle(data)
    return bundle.seal({k: v for k, v in body.items() if k not in drop}, bundle.bundle_key(bundle.token_hash(pc.token)))


def test_older_files_without_accounts_still_answer_and_read(centre: Centre, tmp_path: Path) -> None:
    pc = _station_pc(centre, tmp_path / "pc")
    head, nurse = _people(pc, uuid.uuid4().hex[:6])
    desk = centre.centre_replica()
    request = bundle.request_bundle(pc.db, pc.device_id, pc.token)
    assert {a["username"] for a in bundle.open_bundle(request)[0]["accounts"]} == {head, nurse}

    older = _reseal(pc, request, ("accounts",))  # an older station's file
    answer = bundle.answer_through_server(centre.url, desk.token, older)
    body: dict[str, Any] = bundle.open_bundle(answer)[0]
    assert body["accounts"] == [] and nurse not in {u["username"] for u in body["accounts_in_use"]}
    assert _centre_user(centre, nurse) is None

    answer = bundle.answer_through_server(centre.url, desk.token, request)
    plain = _reseal(pc, answer, ("accounts", "accounts_in_use"))  # an older centre's answer
    done = bundle.apply_answer(pc.db, pc.device_id, pc.token, plain)
    assert (done["accounts_confirmed"], done["accounts_refused"]) == (0, 0) and done["pushed"] >= 1
    with pc.db.read() as s:
        assert get_account(s, nurse).awaits_confirmation  # type: ignore[union-attr]  # waits for a later answer
    assert bundle.apply_answer(pc.db, pc.device_id, pc.token, answer)["accounts_confirmed"] == 2

    body = bundle.open_bundle(request)[0]  # the signature still guards a file that carries accounts
    forged = bundle.seal({**body, "accounts": [{**body["accounts"][-1], "duties": ["truong_tram"]}]},
                         b"not the device's key")
    with pytest.raises(bundle.BundleError) as refused:
        bundle.answer_through_server(centre.url, desk.token, forged)
    assert refused.value.code == "bundle_signature"


def test_the_commands_carry_accounts_on_a_drive(centre: Centre, tmp_path: Path) -> None:
    """As a person does it: `ytcs sync --to-file` at the station, `ytcs centre answer-bundle` at the centre,
    `ytcs sync --from-file` back at the station, then `ytcs signin`."""
    if centre.db_url.startswith("postgresql"):
        pytest.skip("command-line runs use the SQLite server only (slow subprocesses)")
    folder, drive = tmp_path / "pc", tmp_path / "drive"
    drive.mkdir()
    pc = _station_pc(centre, folder)
    head, nurse = _people(pc, uuid.uuid4().hex[:6])
    taken = _someone_elses_name(centre)
    _add(pc, head, taken, ["lam_sang"])
    account = centre.admin(lambda c: c.scalar(select(t.devices.c.username).where(t.devices.c.id == pc.device_id)))
    remember_centre(pc.db, centre.url, pc.device_id, str(account))  # what `ytcs login` keeps
    station = {"YTCS_SYNC_TOKEN": pc.token}
    at_centre = {"YTCS_CENTRE_DATABASE": centre.db_url}

    def round_trip() -> tuple[str, str]:
        written = _ytcs(folder, "sync", "--to-file", str(drive / "tram.ytcs"), **station)
        assert written.returncode == 0, written
        answered = _ytcs(tmp_path / "centre", "centre", "answer-bundle", str(drive / "tram.ytcs"),
                         str(drive / "tra-loi.ytcs"), **at_centre)
        assert answered.returncode == 0, answered
        read = _ytcs(folder, "sync", "--from-file", str(drive / "tra-loi.ytcs"), **station)
        assert read.returncode == 0, read
        return read.stdout, read.stderr

    out, err = round_trip()
    assert "Trung tâm đã xác nhận 2 tài khoản tạo trên máy này." in out
    assert "Trung tâm từ chối 1 tài khoản tạo trên máy này: xem lý do bằng `ytcs accounts list`." in err
    assert _centre_user(centre, nurse)["duties"] == "lam_sang,thu_kho"  # type: ignore[index]
    listed = _ytcs(folder, "accounts", "list")
    assert f"{taken}: Tên đăng nhập “{taken}” đã có người khác dùng ở Trung tâm." in listed.stdout, listed
    signed = _signin(folder, nurse, NURSE_PASSWORD)
    assert signed.returncode == 0 and "Lê Thị Hoa" in signed.stdout, signed

    centre.admin(lambda c: admin.set_active(c, nurse, False))
    round_trip()
    cli = _signin(folder, nurse, NURSE_PASSWORD)  # no centre involved: the PC knows
    assert cli.returncode == 2 and "bị Trung tâm khóa" in cli.stderr, cli


def test_an_old_answer_read_after_a_newer_round_does_not_undo_the_centres_word(centre: Centre,
                                                                               tmp_path: Path) -> None:
    """A drive answered while the nurse was disabled, read only after a later round that found her enabled
    again: reading it does not disable her (its flags are older than those the PC holds)."""
    pc = _station_pc(centre, tmp_path / "pc")
    _head, nurse = _people(pc, uuid.uuid4().hex[:6])
    _by_drive(centre, pc)
    centre.admin(lambda c: admin.set_active(c, nurse, False))
    desk = centre.centre_replica()
    old = bundle.answer_through_server(centre.url, desk.token, bundle.request_bundle(pc.db, pc.device_id, pc.token))
    centre.admin(lambda c: admin.set_active(c, nurse, True))
    _by_drive(centre, pc)
    assert _write(pc.db, verify_password, nurse, NURSE_PASSWORD).username == nurse

    bundle.apply_answer(pc.db, pc.device_id, pc.token, old)  # found in a pocket a week later
    assert _write(pc.db, verify_password, nurse, NURSE_PASSWORD).username == nurse
