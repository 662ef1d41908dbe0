"""Build the binary members of the unseen corpus from their sources in src/.

county-health-opinion-*.txt  : GBK-encoded .txt (CRLF line ends, as Windows Notepad saves)
rural-revitalization-plan-*.docx : python-docx; lines `| a | b |` become one Word table
Usage: .venv/bin/python benchmarks/unseen/make_unseen.py
"""
from pathlib import Path

import sys

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus_tools import lines_to_docx  # noqa: E402

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"


def gbk(name: str) -> None:
    text = (SRC / f"{name}.src").read_text(encoding="utf-8")
    (HERE / f"{name}.txt").write_bytes(text.replace("\n", "\r\n").encode("gbk"))


def word(name: str) -> None:
    lines_to_docx((SRC / f"{name}.src").read_text(encoding="utf-8").splitlines(), HERE / f"{name}.docx")


if __name__ == "__main__":
    for n in ("county-health-opinion-draft", "county-health-opinion-final"):
        gbk(n)
    for n in ("rural-revitalization-plan-draft", "rural-revitalization-plan-final"):
        word(n)
