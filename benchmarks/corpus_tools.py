"""Shared by the corpus scripts (unseen/make_unseen.py, unseen2/make_unseen2.py): source lines → files."""
from __future__ import annotations

from pathlib import Path


def lines_to_docx(lines: list[str], path: Path) -> None:
    """A .docx whose first line is the heading, ``| a | b |`` lines are table rows, the rest paragraphs."""
    import docx

    document = docx.Document()
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, cells in enumerate(rows):
                for c, cell in enumerate(cells):
                    table.cell(r, c).text = cell
            rows.clear()

    for i, line in enumerate(lines):
        if line.startswith("|"):
            rows.append([c.strip() for c in line.strip("|").split("|")])
            continue
        flush()
        if i == 0:
            document.add_heading(line, level=1)
        else:
            document.add_paragraph(line)
    flush()
    document.save(path)
