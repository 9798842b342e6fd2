"""Printed forms and exports: report data -> HTML/QTextDocument -> PDF or printer; Excel."""

from ytcs_desktop.reports import qtcompat as _qtcompat  # noqa: F401  (PySide6 6.12 on Python 3.11)
