"""Centre administration over a real `ytcs centre serve`: disabling an account refuses its sign-in and stops
its computers' tokens at once, enabling restores them; an administrator resets a password and revokes a
computer; a person changes their own password; every password set passes the one password rule; every
refusal is a 4xx with a code. A station account may do none of the administration."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from tests.sync.conftest import PASSWORD, Centre, Replica
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.account import change_password, reset_password, revoke_device, set_active
from ytcs_desktop.sync.client import AuthError, ServerRefused, login

HEADERS = {p.PROTOCOL_HEADER: str(p.PROTOCOL_VERSION)}


def post(replica: Replica, path: str, body: dict[str, Any] | None = None) -> requests.Response:
    return requests.post(replica.url + p.API + path, json=body, timeout=30,
                         headers={**HEADERS, "Authorization": f"Bearer {replica.token}"})


def hello(replica: Replica) -> requests.Response:
    return requests.get(replica.url + p.API + "/sync/hello", timeout=30,
                        headers={**HEADERS, "Authorization": f"Bearer {replica.token}"})


def username_of(centre: Centre, replica: Replica) -> str:
    from sqlalchemy import select

    from ytcs_desktop.sync.server import schema as t

    found = centre.admin(lambda c: c.scalar(select(t.devices.c.username).where(t.devices.c.id == replica.device_id)))
    return str(found)


def test_a_disabled_account_cannot_sign_in_and_its_computers_stop_until_enabled(centre: Centre) -> None:
    boss = centre.centre_replica()
    (station,) = centre.station("khoa")
    name = username_of(centre, station)
    assert hello(station).status_code == 200

    set_active(boss.url, boss.token, name, False)
    with pytest.raises(ServerRefused) as refused:
        login(centre.url, name, PASSWORD, device_name="again")
    assert refused.value.code == "account_disabled" and name in refused.value.vi and "administrator" in refused.value.en
    with pytest.raises(AuthError) as wrong:  # a wrong password says nothing about the account
        login(centre.url, name, "không-phải-mật-khẩu", device_name="again")
    assert wrong.value.code == "login_failed"
    r = hello(station)
    assert r.status_code == 401 and r.json()["code"] == "account_disabled"
    with pytest.raises(AuthError) as stopped:
        station.sync()
    assert stopped.value.code == "account_disabled" and "tạm khoá" in stopped.value.vi
    listed = requests.get(boss.url + p.API + "/centre/users", timeout=30,
                          headers={**HEADERS, "Authorization": f"Bearer {boss.token}"}).json()
    assert next(u for u in listed if u["username"] == name)["active"] is False

    set_active(boss.url, boss.token, name, True)
    assert hello(station).status_code == 200  # the same token works again
    assert station.sync().complete
    assert login(centre.url, name, PASSWORD, device_name="again").token


def test_administration_refusals_have_codes(centre: Centre) -> None:
    boss = centre.centre_replica()
    (station,) = centre.station("tu-choi")
    me = username_of(centre, boss)
    r = post(boss, f"/centre/users/{me}/disable")
    assert r.status_code == 409 and r.json()["code"] == "own_account"
    r = post(boss, "/centre/users/khong-co-ai/disable")
    assert r.status_code == 404 and r.json()["code"] == "user_unknown"
    r = post(boss, "/centre/users/khong-co-ai/password", {"new_password": "một-mật-khẩu-dài"})
    assert r.status_code == 404 and r.json()["code"] == "user_unknown"
    r = post(boss, "/centre/devices/khong-co-may/revoke")
    assert r.status_code == 404 and r.json()["code"] == "device_unknown"
    r = post(boss, f"/centre/users/{me}/password", {})
    assert r.status_code == 422 and r.json()["code"] == "invalid_request"
    for path, body in ((f"/centre/users/{me}/disable", None), (f"/centre/users/{me}/password",
                                                              {"new_password": "một-mật-khẩu-dài"}),
                       (f"/centre/devices/{boss.device_id}/revoke", None)):
        r = post(station, path, body)  # a station account administers nothing
        assert r.status_code == 403 and r.json()["code"] == "forbidden_role", path
    assert hello(boss).status_code == 200


@pytest.mark.parametrize(("password", "code"), [
    ("ngắn-7c", "password_too_short"), ("12345678", "password_common"), ("MatKhau123", "password_common"),
    ("zzzzzzzzzz", "password_one_character"), (None, "password_is_username")])
def test_a_reset_password_passes_the_password_rule(centre: Centre, password: str | None, code: str) -> None:
    boss = centre.centre_replica()
    (station,) = centre.station("quy-tac")
    name = username_of(centre, station)
    with pytest.raises(ServerRefused) as refused:
        reset_password(boss.url, boss.token, name, password or name.upper())
    assert refused.value.code == code and "Mật khẩu" in refused.value.vi and "password" in refused.value.en
    assert login(centre.url, name, PASSWORD, device_name="still").token  # nothing changed


def test_reset_password_then_own_change(centre: Centre) -> None:
    boss = centre.centre_replica()
    (station,) = centre.station("doi-mat-khau")
    name = username_of(centre, station)
    reset_password(boss.url, boss.token, name, "tạm-thời-2026")
    with pytest.raises(AuthError):
        login(centre.url, name, PASSWORD, device_name="old")
    assert hello(station).status_code == 200  # a reset keeps the station's computers signed in

    with pytest.raises(ServerRefused) as wrong:
        change_password(station.url, station.token, "không-đúng", "của-riêng-tôi-2026")
    assert wrong.value.code == "current_password_wrong"
    with pytest.raises(ServerRefused) as weak:
        change_password(station.url, station.token, "tạm-thời-2026", "password")
    assert weak.value.code == "password_common"
    with pytest.raises(ServerRefused) as same:
        change_password(station.url, station.token, "tạm-thời-2026", "tạm-thời-2026")
    assert same.value.code == "password_unchanged"
    change_password(station.url, station.token, "tạm-thời-2026", "của-riêng-tôi-2026")
    assert login(centre.url, name, "của-riêng-tôi-2026", device_name="new").token


def test_revoke_a_computer(centre: Centre) -> None:
    boss = centre.centre_replica()
    first, second = centre.station("thu-hoi", pcs=2)
    devices = requests.get(boss.url + p.API + "/centre/devices", timeout=30,
                           headers={**HEADERS, "Authorization": f"Bearer {boss.token}"}).json()
    assert {first.device_id, second.device_id} <= {d["id"] for d in devices}
    revoke_device(boss.url, boss.token, second.device_id)
    r = hello(second)
    assert r.status_code == 401 and r.json()["code"] == "device_revoked"
    assert hello(first).status_code == 200


def test_brute_force_is_slowed_then_locked_with_when_to_retry(centre: Centre) -> None:
    """Five wrong passwords in a row: each answered later than the one before, the fifth with 429 and
    Retry-After; then even the right password waits; the administrator's reset lifts the lock."""
    import time

    boss = centre.centre_replica()
    (station,) = centre.station("do-mat-khau")
    name = username_of(centre, station)
    url = centre.url + p.API + "/auth/login"
    took, answers = [], []
    for n in range(5):
        t0 = time.perf_counter()
        r = requests.post(url, json={"username": name, "password": f"đoán-{n}-xxxx"}, headers=HEADERS, timeout=30)
        took.append(time.perf_counter() - t0)
        answers.append(r)
    assert [r.status_code for r in answers] == [401, 401, 401, 401, 429]
    assert took[3] > took[0] + 1.0  # 2 s against 0.25 s: the delay grows
    locked = answers[4]
    assert locked.json()["code"] == "too_many_attempts"
    assert 800 <= int(locked.headers["Retry-After"]) <= 900 and locked.json()["retry_after_s"] > 800
    assert "15 phút" in locked.json()["message_vi"] and "15 minutes" in locked.json()["message_en"]
    r = requests.post(url, json={"username": name, "password": PASSWORD}, headers=HEADERS, timeout=30)
    assert r.status_code == 429  # locked: not even the right password is checked
    r = requests.post(url, json={"username": name.upper(), "password": PASSWORD}, headers=HEADERS, timeout=30)
    assert r.status_code == 429  # nor the same name in other letters
    users = requests.get(boss.url + p.API + "/centre/users", timeout=30,
                         headers={**HEADERS, "Authorization": f"Bearer {boss.token}"}).json()
    assert next(u for u in users if u["username"] == name)["locked_until"]
    assert hello(station).status_code == 200  # computers already signed in keep syncing

    reset_password(boss.url, boss.token, name, "mới-sau-khi-khoá")
    assert login(centre.url, name, "mới-sau-khi-khoá", device_name="after").token
