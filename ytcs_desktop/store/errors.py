"""Errors of the store, sorted as the user sees them: something to tell the user, or a bug."""

from __future__ import annotations

from ytcs_desktop.messages import PerLanguage, Refusal, msg, plain


class StoreError(Exception):
    """Base of the store's errors."""


class KnownStoreError(StoreError, Refusal):
    """A condition the user can act on (file missing, disk full, database locked by another program)."""

    def __init__(self, code: str, text: PerLanguage) -> None:
        Refusal.__init__(self, code, text)


class NotInitialisedError(KnownStoreError):
    def __init__(self, path: str) -> None:
        super().__init__(
            "db_missing",
            msg("db_missing", path=path),
        )


class NewerDatabaseError(KnownStoreError):
    """The file's schema was written by a newer program: opening it would damage it, so it is left as is."""

    def __init__(self, path: str, written_by: str | None) -> None:
        text = (msg("db_newer", path=path, version=written_by) if written_by
                else msg("db_newer.unknown_version", path=path))
        super().__init__("db_newer", text)
        self.written_by = written_by


class BackupFailedError(KnownStoreError):
    """A backup copy could not be made (or failed its check); nothing was changed."""

    def __init__(self, target: str, detail: str) -> None:
        super().__init__(
            "backup_failed",
            msg("backup_failed", target=target, detail=detail),
        )


class UpgradeFailedError(KnownStoreError):
    """Upgrading the file's schema failed; the file was put back as it was before the upgrade."""

    def __init__(self, path: str, backup: str | None, detail: str) -> None:
        kept = msg("db_upgrade_failed.kept", backup=backup) if backup else plain("")
        super().__init__("db_upgrade_failed", msg("db_upgrade_failed", path=path, detail=detail, kept=kept))


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f}" if n < 10_000_000 else f"{n // 1_000_000}"


class DamagedDatabaseError(KnownStoreError):
    """SQLite finds the file damaged (a bad header, a malformed page): nothing is written to it.

    `backup` is the newest copy in the backups folder beside the file and `made` when it was made;
    restoring it is what the user can do (the next sync brings back what the centre has since)."""

    def __init__(self, path: str, detail: str, backup: str | None = None, made: str | None = None,
                 backups: str | None = None) -> None:
        todo = (msg("db_damaged.restore", made=made, backup=backup) if backup
                else msg("db_damaged.no_backup", folder=backups or "backups"))
        super().__init__("db_damaged", msg("db_damaged", path=path, detail=detail, todo=todo))
        self.path = path
        self.detail = detail
        self.backup = backup


class DiskFullError(KnownStoreError):
    """The disk holding `folder` has no room for the write; the write was undone as a whole."""

    def __init__(self, folder: str, free: int, needed: int | None = None) -> None:
        need = msg("disk_full.need", mb=_mb(needed)) if needed else plain("")
        super().__init__("disk_full", msg("disk_full", folder=folder, free=_mb(free), need=need))
        self.folder = folder
        self.free = free
        self.needed = needed


class DiskReadError(KnownStoreError):
    """The operating system could not read or write the file (a failing disk, a removed stick)."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            "disk_io",
            msg("disk_io", path=path, detail=detail),
        )


class DatabaseLockedError(KnownStoreError):
    """Another program holds the write lock longer than the busy timeout."""

    def __init__(self, path: str) -> None:
        super().__init__(
            "db_locked",
            msg("db_locked", path=path),
        )
