"""PDF export of a briefing with clickable sources.

QGIS's layout labels do not make PDF links (an HTML label on 3.22 is drawn by QtWebKit, on later
versions as text fragments), so the layout's pages are drawn by QgsLayoutExporter.renderPage onto a
QPdfWriter and each source list is drawn over its page by a QTextDocument, whose anchors Qt's PDF
engine writes as /Link annotations with the whole URL, however the line wraps. The layout keeps
the same lists as plain labels (ids "sources_page…"), for the layout designer and PNG export.
"""

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, List, Optional, Sequence

from qgis.core import QgsLayoutExporter, QgsLayoutRenderContext, QgsRenderContext
from qgis.PyQt.QtCore import QMarginsF, QRectF, QSizeF, QUrl
from qgis.PyQt.QtGui import QFont, QImage, QPageSize, QPainter, QPdfWriter, QTextDocument

from ..domain.urls import is_web_url

DPI = 300
MM_PER_INCH = 25.4
SOURCE_LABEL_PREFIX = "sources_page"


@dataclass
class Block:
    """A source list drawn on one page: the rectangle in mm from the page's corner, the HTML."""
    page: int
    rect_mm: QRectF
    html: str
    font_pt: float


def entry_html(number: int, line: str, url: str) -> str:
    """One numbered source; its address (http(s) only) a link to the whole URL."""
    escaped = html.escape(line)
    shown = html.escape(_shown_url(line, url)) if url else ""
    if url and is_web_url(url) and shown and escaped.endswith(shown):
        # The href percent-encoded (ASCII): Qt writes the /URI string as Latin-1.
        href = bytes(QUrl(url).toEncoded()).decode("ascii")
        escaped = escaped[: -len(shown)] + '<a href="{}">{}</a>'.format(html.escape(href, quote=True), shown)
    return "<p>[{}] {}</p>".format(number, escaped)


def _shown_url(line: str, url: str) -> str:
    last = line.rsplit(" ", 1)[-1]
    return last if last.startswith(("http://", "https://")) else url


def _document(body: str, font_pt: float, width_px: float, device) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    font = QFont("Noto Sans")
    font.setPointSizeF(font_pt)
    document.setDefaultFont(font)
    # Any letter spacing turns ligatures off: a URL copied from the PDF keeps "fi", not "ﬁ".
    document.setDefaultStyleSheet("p { margin-top: 0; margin-bottom: %dpx; letter-spacing: 0.1px; } "
                                  "a { color: #1f4e99; }"
                                  % round(font_pt * 0.35 * DPI / 72))
    document.setDocumentMargin(0)
    document.setHtml(body)
    document.setTextWidth(width_px)
    return document


def _measuring_device() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.setDotsPerMeterX(round(DPI / MM_PER_INCH * 1000))
    image.setDotsPerMeterY(round(DPI / MM_PER_INCH * 1000))
    return image


def paginate(entries: Sequence[str], heading: str, width_mm: float, height_mm: float,
             font_pt: float) -> List[List[str]]:
    """The entries (HTML paragraphs) split into pages that each fit the box under the heading,
    measured by the same QTextDocument layout that draws them."""
    device = _measuring_device()
    px = DPI / MM_PER_INCH
    pages, current = [], []
    for entry in entries:
        trial = current + [entry]
        height = _document(heading + "".join(trial), font_pt, width_mm * px, device).size().height() / px
        if current and height > height_mm:
            pages.append(current)
            current = [entry]
        else:
            current = trial
    pages.append(current)
    return pages


def heading_html(text: str, font_pt: float) -> str:
    return '<p style="font-size:{:.1f}pt; font-weight:bold">{}</p>'.format(font_pt * 1.3, html.escape(text))


def export_pdf(layout, output: Path, blocks: Sequence[Block], title: str = "",
               page_hook: Optional[Callable[[QPainter, QPdfWriter], None]] = None) -> Path:
    """Every page of the layout, then its source lists over their pages; `page_hook`, when given,
    draws the pages instead (the atlas) and returns nothing."""
    output = Path(output)
    first = layout.pageCollection().page(0).pageSize()
    writer = QPdfWriter(str(output))
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QSizeF(first.width(), first.height()), QPageSize.Unit.Millimeter))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setTitle(title)
    writer.setCreator("KPA Deployment Tracker (QGIS)")
    context = layout.renderContext()
    saved = (context.flags(), context.textRenderFormat(), context.dpi())
    context.setFlag(QgsLayoutRenderContext.FlagForceVectorOutput, True)
    context.setTextRenderFormat(QgsRenderContext.TextFormatAlwaysText)  # searchable text
    context.setDpi(DPI)
    hidden = [item for item in layout.items() if hasattr(item, "id") and item.id().startswith(SOURCE_LABEL_PREFIX)
              and item.isVisible()]
    for item in hidden:
        item.setVisibility(False)
    painter = QPainter(writer)
    try:
        exporter = QgsLayoutExporter(layout)
        if page_hook is not None:
            page_hook(painter, writer, exporter)
        else:
            for index in range(layout.pageCollection().pageCount()):
                if index:
                    writer.newPage()
                exporter.renderPage(painter, index)
                draw_blocks(painter, [b for b in blocks if b.page == index])
    finally:
        painter.end()
        for item in hidden:
            item.setVisibility(True)
        context.setFlags(saved[0])
        context.setTextRenderFormat(saved[1])
        context.setDpi(saved[2])
    return output


def draw_blocks(painter: QPainter, blocks: Sequence[Block]) -> None:
    px = DPI / MM_PER_INCH
    for block in blocks:
        document = _document(block.html, block.font_pt, block.rect_mm.width() * px, painter.device())
        painter.save()
        painter.translate(block.rect_mm.x() * px, block.rect_mm.y() * px)
        document.drawContents(painter, QRectF(0, 0, block.rect_mm.width() * px, block.rect_mm.height() * px))
        painter.restore()
