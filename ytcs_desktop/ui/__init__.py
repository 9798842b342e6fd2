"""Qt widgets, dialogs, item models and background workers. No SQL or rules here."""

# PySide6 6.12 on Python 3.11 drops a reference to None on every void Qt call; a window making
# thousands of such calls would abort. The reports package carries the work-around; load it first.
import ytcs_desktop.reports.qtcompat  # noqa: F401
