"""Typed refusals of the domain layer, each with a message a station nurse can act on, in Vietnamese
and English. The UI shows `message(lang)` next to the field named by `field`; the CLI prints it on
one line and exits 2; the server answers it as a per-mutation `rejected` with `code`."""

from __future__ import annotations


class DomainError(Exception):
    """A rule refused the input. Nothing was written."""

    def __init__(self, code: str, vi: str, en: str, field: str | None = None) -> None:
        super().__init__(en)
        self.code = code
        self.vi = vi
        self.en = en
        self.field = field

    def message(self, lang: str = "vi") -> str:
        return self.en if lang.startswith("en") else self.vi


class ValidationError(DomainError):
    """Malformed or missing input (a date that is not a date, a negative quantity…)."""


class NotFoundError(DomainError):
    """The record named does not exist (unknown item code, request id…)."""


class RuleError(DomainError):
    """Well-formed input that a rule refuses (over-issue, expired lot, closed period…)."""


class PermissionDenied(DomainError):
    """The actor's role may not do this (a station approving its own requisition…)."""
