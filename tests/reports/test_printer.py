"""The printer path (QPrinter, as the app's print preview uses it), here printing to a PDF file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from tests.reports import dataset
from tests.reports.conftest import Fixture, assert_font_embedded, pdf_pages, pdf_text
from tests.reports.helpers import build
from ytcs_desktop.reports.output import ensure_gui_app, print_document
from ytcs_desktop.reports.registry import get


def test_print_document_on_a_qprinter(realistic: Fixture, tmp_path: Path) -> None:
    ensure_gui_app()
    data = build(realistic, "stock-movement", dataset.FROM, dataset.TO)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    pages = print_document(get("stock-movement").document(data), printer)
    assert pages == len(pdf_pages(out))
    text = pdf_text(out)
    assert "BÁO CÁO XUẤT – NHẬP – TỒN THUỐC, VẬT TƯ Y TẾ" in text
    for row in data.rows:
        assert row.lot_no in text
    assert_font_embedded(out)
    size = printer.pageLayout().fullRectPoints()
    assert (round(size.width()), round(size.height())) == (842, 595)  # A4 landscape
