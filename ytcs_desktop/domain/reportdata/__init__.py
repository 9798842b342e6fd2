"""Report data for the printed forms: pure functions over a Session, no Qt.

Each function returns a dataclass with the NĐ 30 header information, the rows and the totals; the
rendering layer (`ytcs_desktop.reports`) turns it into a PDF, a print job or a workbook.
"""
