"""Why a backup copy cannot be restored: each says what to do, and that nothing was changed."""

from __future__ import annotations

from ytcs_desktop.store.errors import KnownStoreError


class NotACopyError(KnownStoreError):
    """The file is not a YTCS database (another kind of file, a damaged copy, an empty file)."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            "backup_not_a_copy",
            f"Tệp {path} không phải bản sao lưu dữ liệu YTCS ({detail}); không có gì bị thay đổi.",
            f"The file {path} is not a YTCS backup ({detail}); nothing was changed.",
        )


class OtherStationCopyError(KnownStoreError):
    """The copy holds another station's data (or the centre's, at a station)."""

    def __init__(self, path: str, theirs: str, ours: str) -> None:
        super().__init__(
            "backup_other_station",
            f"Tệp {path} là dữ liệu của {theirs}, không phải của {ours}; không có gì bị thay đổi. "
            "Hãy chọn một bản sao lưu của chính trạm này.",
            f"The file {path} holds the data of {theirs}, not of {ours}; nothing was changed. "
            "Choose a backup of this station.",
        )


class RestoreFailedError(KnownStoreError):
    """Putting the copy in place failed; the current data is as it was."""

    def __init__(self, path: str, detail: str, safety: str | None) -> None:
        kept = (f" Bản sao an toàn: {safety}." if safety else "", f" The safety copy: {safety}." if safety else "")
        super().__init__(
            "restore_failed",
            f"Không khôi phục được dữ liệu vào {path} ({detail}); dữ liệu hiện tại được giữ nguyên.{kept[0]}",
            f"Could not restore the data into {path} ({detail}); the current data was kept as it was.{kept[1]}",
        )
