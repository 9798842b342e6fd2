"""Where a Document goes: a PDF file (QPdfWriter, A4) or a printer (QPrinter, also used by
QPrintPreviewDialog in the app). Both refuse to start if the form font cannot draw every character."""

from __future__ import annotations

import atexit
import os
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter

import ytcs_desktop.reports.qtcompat  # noqa: F401  (before any Qt call)
from ytcs_desktop.domain.errors import ValidationError
from ytcs_desktop.messages import msg
from ytcs_desktop.reports import fonts
from ytcs_desktop.reports.document import Document
from ytcs_desktop.reports.engine import Engine

PDF_DPI = 300
_app: list[QGuiApplication] = []  # the application made here lives until exit


def ensure_gui_app() -> QGuiApplication:
    """A QGuiApplication for painting; with no display, the offscreen platform (CLI, tests, servers)."""
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("QT_QPA_PLATFORM") and not (os.environ.get("DISPLAY")
                                                          or os.environ.get("WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QGuiApplication(["ytcs-report"])
        _app.append(app)
        atexit.register(fonts.forget)  # font objects go before the application does
    assert isinstance(app, QGuiApplication)
    return app


def setup_page(device: QPagedPaintDevice, landscape: bool) -> None:
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0),
                         QPageLayout.Unit.Millimeter)
    if not device.setPageLayout(layout):
        device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        device.setPageOrientation(orientation)
        device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def render(doc: Document, device: QPagedPaintDevice, font_dir: Path | None = None) -> int:
    """Paint `doc` on a device already set to A4 with zero margins. Returns the page count."""
    ensure_gui_app()
    form_font = fonts.load(font_dir)
    form_font.check(doc.texts())
    return Engine(device, form_font, doc.landscape).run(doc)


def write_pdf(doc: Document, path: Path, font_dir: Path | None = None, title: str | None = None) -> int:
    """Write `doc` as an A4 PDF with the form font embedded. Nothing is left behind on failure."""
    ensure_gui_app()
    form_font = fonts.load(font_dir)
    form_font.check(doc.texts())  # before creating the file
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.open("wb").close()  # a clear refusal now rather than a painter that will not start
    except OSError as exc:
        raise ValidationError(
            "output_unwritable", msg("output_unwritable.write_pdf", path=path, strerror=exc.strerror),
            field="out") from exc
    try:
        pages = _paint_pdf(doc, tmp, form_font, title)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, path)
    return pages


def _paint_pdf(doc: Document, path: Path, form_font: fonts.FormFont, title: str | None) -> int:
    # The writer lives only in this frame: its file is complete and closed when the frame ends.
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setCreator("YTCS Desktop")
    writer.setTitle(title or (doc.header.title if doc.header else "YTCS"))
    setup_page(writer, doc.landscape)
    return Engine(writer, form_font, doc.landscape).run(doc)


def print_document(doc: Document, printer: object) -> int:
    """Print on a QPrinter (QtPrintSupport is imported by the caller, the app's print dialog)."""
    from PySide6.QtPrintSupport import QPrinter

    assert isinstance(printer, QPrinter)
    printer.setFullPage(True)
    setup_page(printer, doc.landscape)
    return render(doc, printer)
