"""The `ytcs` command: a stable contract for scripts and tests.

Each area registers its subcommands from its own module (`register(subparsers)`); every error is
one clear line on stderr, exit code 2 for bad input, and nothing half-written.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from ytcs_desktop.cli.common import CliError, add_common_options, language, run_handler
from ytcs_desktop.cli.setup import _lang_from_env, one_line_errors
from ytcs_desktop.logs import setup_logging
from ytcs_desktop.messages import msg

log = logging.getLogger(__name__)
EXIT_INTERNAL = 3  # a bug, not the user's input: see the log file

# Modules that contribute subcommands; each defines register(subparsers).
COMMAND_MODULES = (
    "ytcs_desktop.cli.setup",
    "ytcs_desktop.cli.signin",
    "ytcs_desktop.cli.stock",
    "ytcs_desktop.cli.requests",
    "ytcs_desktop.cli.programme",
    "ytcs_desktop.cli.referrals",
    "ytcs_desktop.cli.outreach",
    "ytcs_desktop.cli.items",
    "ytcs_desktop.cli.station",
    "ytcs_desktop.cli.data",
    "ytcs_desktop.cli.backup",
    "ytcs_desktop.cli.sync",
    "ytcs_desktop.cli.account",
    "ytcs_desktop.cli.centre",
    "ytcs_desktop.cli.report",
    "ytcs_desktop.cli.diagnostics",
    "ytcs_desktop.cli.audit",
    "ytcs_desktop.cli.gui",
)


def build_parser() -> argparse.ArgumentParser:
    # Usage mistakes at the top level (an unknown command or option) are one line too, like the
    # subcommands' (argparse would print its usage line first).
    parser = one_line_errors(argparse.ArgumentParser(prog="ytcs", description="YTCS Desktop — trạm y tế cơ sở"))
    _name_unknown_commands(parser)
    add_common_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # that area is not built yet
                continue
            raise
        module.register(sub)
    return parser


def _name_unknown_commands(parser: argparse.ArgumentParser) -> None:
    """An unknown command is named, with the list of commands, in the user's language."""
    plain = parser.error

    def error(message: str) -> NoReturn:
        unknown = re.match(r"argument COMMAND: invalid choice: '([^']*)'", message)
        if unknown:
            names = ", ".join(sub_actions(parser))
            message = msg("cli.unknown_command", name=unknown[1], names=names).text(_lang_from_env())
        plain(message)

    parser.error = error  # type: ignore[method-assign]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        gui = next((a for a in sub_actions(parser) if a == "gui"), None)
        if gui is None:
            parser.print_help()
            return 0
        args = parser.parse_args([*(argv or sys.argv[1:]), "gui"])
    log_path = setup_logging()
    try:
        return run_handler(args)
    except CliError as exc:
        log.info("ytcs %s refused: %s", getattr(args, "command", ""), exc.en, exc_info=exc.__cause__)
        print(f"ytcs: {exc.message(language(args))}", file=sys.stderr)
        return exc.exit_code
    except Exception as exc:  # a bug: the traceback goes to the log file, the user gets one line
        log.exception("ytcs %s failed", getattr(args, "command", ""))
        where = str(log_path) if log_path else "-"
        print(msg("cli.unexpected_error", kind=type(exc).__name__, error=exc, where=where).text(language(args)),
              file=sys.stderr)
        return EXIT_INTERNAL


def sub_actions(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


if __name__ == "__main__":
    sys.exit(main())
