"""The report as CSV and PDF. PDF is drawn with fpdf2 (pure Python, no system libraries) in its
built-in Helvetica, so text is brought into Latin-1 first."""

import csv
import io

from fpdf import FPDF

CSV_COLUMNS = [
    "Domain",
    "Criterion",
    "Self level",
    "Peer level",
    "Gap (self minus peer)",
    "Strengths",
    "Areas to develop",
    "Evidence seen",
]

REPLACEMENTS = {"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "•": "-"}


def _latin1(text) -> str:
    text = "" if text is None else str(text)
    for old, new in REPLACEMENTS.items():
        text = text.replace(old, new)
    return text.encode("latin-1", "replace").decode("latin-1")


def report_csv(cycle, rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        finding = row.finding
        writer.writerow(
            [
                row.criterion.domain.title,
                row.criterion.title,
                row.self_level or "",
                row.peer_level or "",
                "" if row.gap is None else row.gap,
                _safe_cell(finding.strengths if finding else ""),
                _safe_cell(finding.areas_to_develop if finding else ""),
                _safe_cell(finding.evidence_seen if finding else ""),
            ]
        )
    return buffer.getvalue()


def _safe_cell(text: str) -> str:
    """Spreadsheets run cells starting =, +, - or @ as formulas: quote them."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


def report_pdf(cycle, report, rows) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_title(_latin1(f"Peer review report: {cycle.network.title}"))
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(width, 8, _latin1(f"Peer review report: {cycle.network.title}"))
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(
        width,
        6,
        _latin1(
            f"Review cycle {cycle.number}, {cycle.framework_version}. Confidential to the "
            "network, its peer team and the national broker."
        ),
    )
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(width, 7, "Summary")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(width, 5, _latin1(report.summary))
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(width, 7, "Levels by criterion")
    pdf.set_font("Helvetica", "", 9)
    with pdf.table(
        col_widths=(90, 25, 25, 30), text_align=("LEFT", "CENTER", "CENTER", "CENTER")
    ) as table:
        table.row(["Criterion", "Self", "Peer", "Gap"])
        for row in rows:
            table.row(
                [
                    _latin1(row.criterion.title),
                    str(row.self_level or "-"),
                    str(row.peer_level or "-"),
                    "-" if row.gap is None else f"{row.gap:+d}",
                ]
            )
    for row in rows:
        pdf.ln(3)
        pdf.set_font("Helvetica", "B", 11)
        pdf.multi_cell(width, 6, _latin1(row.criterion.title))
        if row.finding:
            for heading, text in (
                ("Strengths", row.finding.strengths),
                ("Areas to develop", row.finding.areas_to_develop),
                ("Evidence seen", row.finding.evidence_seen),
            ):
                pdf.set_font("Helvetica", "B", 9)
                pdf.multi_cell(width, 5, heading)
                pdf.set_font("Helvetica", "", 9)
                pdf.multi_cell(width, 5, _latin1(text))
    return bytes(pdf.output())
