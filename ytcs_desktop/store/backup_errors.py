"""Why a backup copy cannot be restored: each says what to do, and that nothing was changed."""

from __future__ import annotations

from ytcs_desktop.messages import PerLanguage, msg, plain
from ytcs_desktop.store.errors import KnownStoreError


class NotACopyError(KnownStoreError):
    """The file is not a YTCS database (another kind of file, a damaged copy, an empty file)."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            "backup_not_a_copy",
            msg("backup_not_a_copy", path=path, detail=detail),
        )


class OtherStationCopyError(KnownStoreError):
    """The copy holds another station's data (or the centre's, at a station)."""

    def __init__(self, path: str, theirs: PerLanguage, ours: PerLanguage) -> None:
        super().__init__(
            "backup_other_station",
            msg("backup_other_station", path=path, theirs=theirs, ours=ours),
        )


class RestoreFailedError(KnownStoreError):
    """Putting the copy in place failed; the current data is as it was."""

    def __init__(self, path: str, detail: str | PerLanguage, safety: str | None) -> None:
        kept = msg("restore_failed.kept", safety=safety) if safety else plain("")
        super().__init__("restore_failed", msg("restore_failed", path=path, detail=detail, kept=kept))
