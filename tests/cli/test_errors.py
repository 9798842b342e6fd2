"""Every usage mistake of `ytcs`, at the top level as in a subcommand: one clear line on stderr (no
usage block), exit 2, in the user's language."""

from __future__ import annotations

import pytest

from tests.cli.conftest import Runner


@pytest.mark.parametrize("args", [
    ("frobnicate",),
    ("--bogus",),
    ("--lang", "xx", "stock"),
    ("stock", "frob"),
    ("stock", "receive", "--qty"),
    ("stock", "on-hand", "--nonsense"),
])
def test_usage_mistakes_are_one_line_and_exit_2(ytcs: Runner, args: tuple[str, ...]) -> None:
    result = ytcs(*args)
    assert result.code == 2, result
    assert len(result.err_lines) == 1, result.err
    assert result.err_lines[0].startswith("ytcs") and "usage:" not in result.err
    assert result.out == ""


def test_an_unknown_command_is_named_with_the_commands_in_either_language(ytcs_process: Runner) -> None:
    vi = ytcs_process("nhap-kho")
    assert vi.code == 2 and vi.err_lines == [vi.err.strip()]
    assert "không có lệnh “nhap-kho”" in vi.err and "stock" in vi.err and "ytcs --help" in vi.err
    en = ytcs_process("--lang", "en", "nhap-kho")
    assert en.code == 2 and en.err_lines == [en.err.strip()]
    assert "there is no command “nhap-kho”" in en.err and "stock" in en.err
