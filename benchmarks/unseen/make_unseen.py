"""Build the binary members of the unseen corpus from their sources in src/.

county-health-opinion-*.txt  : GBK-encoded .txt (CRLF line ends, as Windows Notepad saves)
rural-revitalization-plan-*.docx : python-docx; lines `| a | b |` become one Word table
Usage: .venv/bin/python benchmarks/unseen/make_unseen.py
"""
from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"


def gbk(name: str) -> None:
    text = (SRC / f"{name}.src").read_text(encoding="utf-8")
    (HERE / f"{name}.txt").write_bytes(text.replace("\n", "\r\n").encode("gbk"))


def word(name: str) -> None:
    lines = (SRC / f"{name}.src").read_text(encoding="utf-8").splitlines()
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
    document.save(HERE / f"{name}.docx")


if __name__ == "__main__":
    for n in ("county-health-opinion-draft", "county-health-opinion-final"):
        gbk(n)
    for n in ("rural-revitalization-plan-draft", "rural-revitalization-plan-final"):
        word(n)
