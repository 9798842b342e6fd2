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


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f}" if n < 10_000_000 else f"{n // 1_000_000}"


class DamagedDatabaseError(KnownStoreError):
    """SQLite finds the file damaged (a bad header, a malformed page): nothing is written to it.

    `backup` is the newest copy in the backups folder beside the file and `made` when it was made;
    restoring it is what the user can do (the next sync brings back what the centre has since)."""

    def __init__(self, path: str, detail: str, backup: str | None = None, made: str | None = None,
                 backups: str | None = None) -> None:
        if backup:
            vi_do = (f"Hãy khôi phục bản sao lưu gần nhất ({made}): ytcs restore {backup}. "
                     "Lần đồng bộ sau sẽ lấy lại những gì Trung tâm đã nhận.")
            en_do = (f"Restore the last backup (made {made}): ytcs restore {backup}. "
                     "The next sync brings back what the centre has received since.")
        else:
            where = backups or "backups"
            vi_do = (f"Không có bản sao lưu nào trong {where}: hãy giữ nguyên tệp và gửi cho Trung tâm "
                     "(nếu đã có bản sao ở nơi khác: ytcs restore TỆP).")
            en_do = (f"There is no backup in {where}: keep the file as it is and send it to the centre "
                     "(if you have a copy elsewhere: ytcs restore FILE).")
        super().__init__(
            "db_damaged",
            f"Tệp dữ liệu {path} bị hỏng ({detail}); không ghi gì vào tệp. {vi_do}",
            f"The data file {path} is damaged ({detail}); nothing was written to it. {en_do}",
        )
        self.path = path
        self.detail = detail
        self.backup = backup


class DiskFullError(KnownStoreError):
    """The disk holding `folder` has no room for the write; the write was undone as a whole."""

    def __init__(self, folder: str, free: int, needed: int | None = None) -> None:
        need_vi = f"; thao tác này cần khoảng {_mb(needed)} MB" if needed else ""
        need_en = f"; this needs about {_mb(needed)} MB" if needed else ""
        super().__init__(
            "disk_full",
            f"Ổ đĩa chứa {folder} đã đầy (còn trống {_mb(free)} MB{need_vi}). Không có gì bị ghi dở; "
            "hãy giải phóng dung lượng rồi thử lại.",
            f"The disk holding {folder} is full ({_mb(free)} MB free{need_en}). Nothing was half-written; "
            "free some space and try again.",
        )
        self.folder = folder
        self.free = free
        self.needed = needed


class DiskReadError(KnownStoreError):
    """The operating system could not read or write the file (a failing disk, a removed stick)."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            "disk_io",
            f"Không đọc/ghi được tệp dữ liệu {path} ({detail}). Hãy kiểm tra ổ đĩa (USB đã rút ra? ổ đĩa lỗi?) "
            "rồi thử lại; nếu vẫn lỗi, chạy ytcs check.",
            f"Could not read or write the data file {path} ({detail}). Check the disk (a stick removed? a failing "
            "disk?) and try again; if it still fails, run ytcs check.",
        )


class DatabaseLockedError(KnownStoreError):
    """Another program holds the write lock longer than the busy timeout."""

    def __init__(self, path: str) -> None:
        super().__init__(
            "db_locked",
            f"Tệp dữ liệu {path} đang bị một chương trình khác giữ (cửa sổ YTCS khác, đồng bộ, sao lưu). "
            "Hãy đợi chương trình đó xong hoặc đóng nó rồi thử lại; không có gì bị ghi.",
            f"The data file {path} is held by another program (another YTCS window, a sync, a backup). "
            "Wait for it to finish or close it, then try again; nothing was written.",
        )
