"""`ytcs centre …` with a server database it cannot open: one line on stderr, no traceback, no password."""

from __future__ import annotations

import socket

from tests.cli.conftest import Runner


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_unreachable_postgres_is_one_line_without_the_password(ytcs: Runner) -> None:
    url = f"postgresql+psycopg://ytcs:secret-pw@127.0.0.1:{_closed_port()}/centre"
    for args in (("centre", "devices", "--database", url), ("centre", "add-station", "TYT-X", "X", "--database", url)):
        result = ytcs(*args)
        assert result.code == 1, result
        assert len(result.err_lines) == 1 and "Traceback" not in result.err
        assert "Không mở được cơ sở dữ liệu của máy chủ" in result.err and "secret-pw" not in result.err


def test_malformed_database_url_is_bad_input(ytcs: Runner) -> None:
    result = ytcs("centre", "devices", "--database", "nosuchdb://x")
    assert result.code == 2 and len(result.err_lines) == 1, result
