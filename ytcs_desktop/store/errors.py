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


class NewerDatabaseError(KnownStoreError):
    """The file's schema was written by a newer program: opening it would damage it, so it is left as is."""

    def __init__(self, path: str, written_by: str | None) -> None:
        if written_by:
            vi = (f"Tệp dữ liệu {path} do YTCS {written_by} ghi, mới hơn phiên bản này. "
                  f"Hãy cài YTCS {written_by} hoặc mới hơn; tệp được giữ nguyên.")
            en = (f"The data file {path} was written by YTCS {written_by}, newer than this version. "
                  f"Install YTCS {written_by} or newer; the file was left untouched.")
        else:
            vi = (f"Tệp dữ liệu {path} do một phiên bản YTCS mới hơn ghi. "
                  "Hãy cài phiên bản mới nhất; tệp được giữ nguyên.")
            en = (f"The data file {path} was written by a newer version of YTCS. "
                  "Install the newest version; the file was left untouched.")
        super().__init__("db_newer", vi, en)
        self.written_by = written_by


class BackupFailedError(KnownStoreError):
    """A backup copy could not be made (or failed its check); nothing was changed."""

    def __init__(self, target: str, detail: str) -> None:
        super().__init__(
            "backup_failed",
            f"Không sao lưu được dữ liệu vào {target} ({detail}). Dữ liệu chưa bị thay đổi; "
            "hãy giải phóng dung lượng ổ đĩa rồi thử lại.",
            f"Could not back up the data to {target} ({detail}). Nothing was changed; "
            "free some disk space and try again.",
        )


class UpgradeFailedError(KnownStoreError):
    """Upgrading the file's schema failed; the file was put back as it was before the upgrade."""

    def __init__(self, path: str, backup: str | None, detail: str) -> None:
        kept = (f" Bản sao trước khi nâng cấp: {backup}." if backup else "", f" The copy from before: {backup}."
                if backup else "")
        super().__init__(
            "db_upgrade_failed",
            f"Không nâng cấp được tệp dữ liệu {path} ({detail}); tệp được giữ như trước khi nâng cấp.{kept[0]} "
            "Hãy gửi tệp nhật ký cho trung tâm.",
            f"Could not upgrade the data file {path} ({detail}); the file was kept as it was before.{kept[1]} "
            "Send the log file to the centre.",
        )
