"""Typed refusals of the domain layer, each with a message a station nurse can act on, rendered from
the message catalogue in Vietnamese or English. The UI shows `message(lang)` next to the field named by
`field`; the CLI prints it on one line and exits 2; the server answers it as a per-mutation `rejected`
with `code`."""

from __future__ import annotations

from ytcs_desktop.messages import PerLanguage, Refusal


class DomainError(Refusal):
    """A rule refused the input. Nothing was written."""

    def __init__(self, code: str, text: PerLanguage, *, field: str | None = None) -> None:
        super().__init__(code, text)
        self.field = field


class ValidationError(DomainError):
    """Malformed or missing input (a date that is not a date, a negative quantity…)."""


class NotFoundError(DomainError):
    """The record named does not exist (unknown item code, request id…)."""


class RuleError(DomainError):
    """Well-formed input that a rule refuses (over-issue, expired lot, closed period…)."""


class PermissionDenied(DomainError):
    """The actor's role may not do this (a station approving its own requisition…)."""
