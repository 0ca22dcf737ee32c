"""Render a Document as Markdown."""

from __future__ import annotations

from sessions.export.document import (
    Document,
    Footnote,
    Header,
    Heading,
    Paragraph,
    Signatures,
    Table,
    Title,
)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def _table(columns: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(_cell(c) for c in columns) + " |", "|" + "|".join("---" for _ in columns) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def render_markdown(document: Document) -> str:
    """The minutes as Markdown text, ending with a newline."""
    out: list[str] = []
    for block in document.blocks:
        if isinstance(block, Header):
            left = [f"**{line}**" for line in block.left] + ([block.number] if block.number else [])
            right = [f"**{line}**" for line in block.right] + [f"*{block.place_date}*"]
            height = max(len(left), len(right))
            left += [""] * (height - len(left))
            right += [""] * (height - len(right))
            out += _table([left[0], right[0]], [[a, b] for a, b in zip(left[1:], right[1:], strict=True)])
        elif isinstance(block, Title):
            out.append("# " + block.lines[0])
            out += [f"**{line}**  " for line in block.lines[1:]]
            if block.note:
                out.append(f"**{block.note}**  ")
        elif isinstance(block, Heading):
            out.append("#" * (block.level + 1) + " " + block.text)
        elif isinstance(block, Paragraph):
            # Remarks typed on several lines keep their lines (a Markdown hard break).
            text = block.text.replace("\n", "  \n")
            if block.bold and text:
                text = f"**{text}**"
            elif block.italic and text:
                text = f"*{text}*"
            out.append(f"**{block.label.strip()}** {text}".rstrip() if block.label else text)
        elif isinstance(block, Table):
            rows = block.rows + ([block.total_row] if block.total_row else [])
            out += _table(block.columns, rows)
        elif isinstance(block, Signatures):
            out += _table([f"**{title}**" for title, _ in block.blocks], [["" for _ in block.blocks]] * 3)
            out.append("| " + " | ".join(f"**{name}**" for _, name in block.blocks) + " |")
        elif isinstance(block, Footnote):
            out.append(f"<sub>{block.text}</sub>")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
