"""A sheet of members' cards (PDF, A4): one card per member with their name, role and personal link as a QR code.

Drawn with fpdf2 and the shipped Liberation Serif (Vietnamese needs it); the QR codes are segno's, as PNG.
The file holds the links in the clear, so the chair deletes it once printed (the app says so).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import segno
from fpdf import FPDF

from models.i18n import t
from sessions.export.column_widths import FAMILY, add_fonts
from sessions.report_file import write_report

COLUMNS, ROWS = 2, 4  # 8 cards per A4 page, about 95 × 68 mm each
MARGIN_MM = 10.0
QR_MM = 44.0


@dataclass(frozen=True)
class Card:
    seat: int
    name: str
    role: str
    url: str


def member_cards_pdf(council: str, session: str, cards: list[Card]) -> bytes:
    """The PDF's bytes: ``cards`` laid out eight to a page, with cutting lines."""
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_creator("council")
    pdf.set_title(t("cards.title"))
    add_fonts(pdf)
    width = (210 - 2 * MARGIN_MM) / COLUMNS
    height = (297 - 2 * MARGIN_MM) / ROWS
    for index, card in enumerate(cards):
        if index % (COLUMNS * ROWS) == 0:
            pdf.add_page()
        slot = index % (COLUMNS * ROWS)
        x = MARGIN_MM + (slot % COLUMNS) * width
        y = MARGIN_MM + (slot // COLUMNS) * height
        pdf.set_draw_color(160)
        pdf.set_dash_pattern(dash=1.5, gap=1.5)
        pdf.rect(x, y, width, height)
        pdf.set_dash_pattern()
        image = io.BytesIO()
        segno.make(card.url, error="m", micro=False).save(image, kind="png", scale=8, border=2)
        image.seek(0)
        pdf.image(image, x=x + 3, y=y + (height - QR_MM) / 2, w=QR_MM, h=QR_MM)
        text_x, text_w = x + QR_MM + 6, width - QR_MM - 9
        pdf.set_xy(text_x, y + 5)
        pdf.set_font(FAMILY, "", 9)
        pdf.multi_cell(text_w, 4, f"{council}\n{session}", align="L")
        pdf.set_x(text_x)
        pdf.set_font(FAMILY, "B", 13)
        pdf.multi_cell(text_w, 6, f"{card.seat}. {card.name}", align="L")
        pdf.set_x(text_x)
        pdf.set_font(FAMILY, "", 10)
        pdf.multi_cell(text_w, 5, card.role, align="L")
        pdf.set_xy(text_x, y + height - 24)
        pdf.set_font(FAMILY, "", 8)
        pdf.multi_cell(text_w, 3.6, t("cards.help"), align="L")
    return bytes(pdf.output())


def write_member_cards(folder: Path, session_id: str, pdf: bytes) -> Path:
    """Write the cards beside the exports (atomically); returns the file's path.

    Through the report guard: the cards carry every member's link, and never land inside a data folder.
    """
    return write_report(folder / f"{session_id}-member-cards.pdf", pdf)
