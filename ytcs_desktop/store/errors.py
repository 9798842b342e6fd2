"""Errors of the store, sorted as the user sees them: something to tell the user, or a bug."""

from __future__ import annotations


class StoreError(Exception):
    """Base of the store's errors."""


class KnownStoreError(StoreError):
    """A condition the user can act on (file missing, disk full, database locked by another program)."""

    def __init__(self, code: str, vi: str, en: str) -> None:
        super().__init__(en)
        self.code = code
        self.vi = vi
        self.en = en


class NotInitialisedError(KnownStoreError):
    def __init__(self, path: str) -> None:
        super().__init__(
            "db_missing",
            f"Chưa có cơ sở dữ liệu tại {path}. Hãy chạy `ytcs init` hoặc `ytcs demo` trước.",
            f"No database at {path}. Run `ytcs init` or `ytcs demo` first.",
        )
