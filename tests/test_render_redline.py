"""The Word redline: NEW with real tracked changes against OLD, comments on every target change.

Checked with consumers that are not tracker: an XML transformation that
accepts or rejects every revision as Word does (tests/redline_support.py),
python-docx reading the file back, and LibreOffice converting it to PDF and
saving it again with every revision intact.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redline_support import W, document_xml, resolved_text
from tracker.api import diff, read_document
from tracker.clean import clean
from tracker.model import RawText
from tracker.render.redline import AUTHOR, BODY_BOOKMARK, render_redline
from tracker.segment import segment

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DRAFT = EXAMPLES / "youyi-county-basic-elderly-care-plan-draft.txt"
FINAL = EXAMPLES / "youyi-county-basic-elderly-care-plan-final-synthetic.txt"
WHEN = dt.datetime(2026, 12, 6, 8, 30, tzinfo=dt.timezone.utc)


def bundled_pairs() -> list[tuple[str, Path, Path, str]]:
    """Every pair the project bundles: the demo's reports and the unseen evaluation corpora."""
    bundle = json.loads((EXAMPLES / "bundle.json").read_text("utf-8"))
    files = {f"{d['id']}@{d['version']}": EXAMPLES / d["file"] for d in bundle["documents"]}
    pairs = [(spec["name"], files[spec["old"]], files[spec["new"]], spec["mode"])
             for spec in bundle["reports"] if spec["old"] in files and spec["new"] in files]
    for corpus in ("unseen", "unseen2", "unseen3"):
        for truth_path in sorted((ROOT / "benchmarks" / corpus / "truth").glob("*.json")):
            truth = json.loads(truth_path.read_text("utf-8"))
            folder = ROOT / "benchmarks" / corpus
            pairs.append((f"{corpus}/{truth_path.stem}", folder / truth["old"], folder / truth["new"], truth["mode"]))
    return pairs


PAIRS = bundled_pairs()


@pytest.fixture(scope="module")
def youyi():
    old, new = read_document(DRAFT), read_document(FINAL)
    result = diff(old, new)
    return result, old, new, render_redline(result, old, new, date=WHEN)


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


# ------------------------------------------------------------ accept / reject


@pytest.mark.parametrize("name,old_path,new_path,mode", PAIRS, ids=[p[0] for p in PAIRS])
def test_accepting_every_revision_gives_new_and_rejecting_gives_old_on_every_bundled_pair(name, old_path, new_path, mode):
    old, new = read_document(old_path), read_document(new_path)
    data = render_redline(diff(old, new, mode=mode), old, new, date=WHEN)
    assert resolved_text(data, "accept") == new.text
    assert resolved_text(data, "reject") == old.text


def document_from(text: str):
    return segment(clean(RawText(text=text, source="generated.txt", format="txt")))


BASE = DRAFT.read_text("utf-8")
LINES = BASE.split("\n")
INSERTS = ["到2027年，护理型床位占比达到65%以上。", "（七）新增一项工作。", "鼓励", "不少于", "2万张", "\n", "。", "（", "8."]


@st.composite
def edited_text(draw):
    """The Youyi draft with random edits: characters, whole lines swapped, dropped or duplicated."""
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["replace", "insert", "delete", "swap", "drop", "dup"]))
        k = draw(st.integers(0, len(lines) - 1))
        line = lines[k]
        if kind in ("replace", "insert", "delete") and line:
            a = draw(st.integers(0, len(line)))
            b = draw(st.integers(a, min(len(line), a + 12)))
            new = draw(st.sampled_from(INSERTS)) if kind != "delete" else ""
            lines[k] = line[:a] + new + line[(a if kind == "insert" else b):]
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[k], lines[j] = lines[j], lines[k]
        elif kind == "drop" and len(lines) > 3:
            del lines[k]
        elif kind == "dup":
            lines.insert(draw(st.integers(0, len(lines))), line)
    return "\n".join(lines)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(old_text=edited_text(), new_text=edited_text())
def test_accept_and_reject_reproduce_both_texts_under_random_edits(old_text, new_text):
    old, new = document_from(old_text), document_from(new_text)
    data = render_redline(diff(old, new), old, new, date=WHEN)
    assert resolved_text(data, "accept") == new.text
    assert resolved_text(data, "reject") == old.text


# ------------------------------------------------------------ what Word sees


def test_every_revision_is_signed_by_tracker_with_the_date(youyi):
    *_, data = youyi
    root = document_xml(data)
    revisions = [e for tag in ("ins", "del", "moveFrom", "moveTo") for e in root.iter(f"{{{W}}}{tag}")]
    assert len(revisions) > 20
    assert {e.get(f"{{{W}}}author") for e in revisions} == {AUTHOR}
    assert {e.get(f"{{{W}}}date") for e in revisions} == {"2026-12-06T08:30:00Z"}
    ids = [e.get(f"{{{W}}}id") for e in revisions]
    assert len(ids) == len(set(ids)), "every revision has its own id"


def test_a_changed_figure_is_a_character_level_revision_not_a_replaced_paragraph(youyi):
    *_, data = youyi
    xml = part(data, "word/document.xml")
    assert re.search(r"<w:del [^>]*><w:r><w:delText[^>]*>55</w:delText></w:r></w:del>", xml)
    assert re.search(r"<w:ins [^>]*><w:r><w:t[^>]*>60</w:t></w:r></w:ins>", xml)


def test_the_swapped_items_are_one_tracked_move_with_both_ends_named_alike(youyi):
    *_, data = youyi
    root = document_xml(data)
    starts = {tag: [e.get(f"{{{W}}}name") for e in root.iter(f"{{{W}}}{tag}RangeStart")] for tag in ("moveFrom", "moveTo")}
    assert starts["moveFrom"] and sorted(starts["moveFrom"]) == sorted(starts["moveTo"])
    for tag in ("moveFrom", "moveTo"):
        assert len(list(root.iter(f"{{{W}}}{tag}RangeEnd"))) == len(starts[tag])
    moved = "".join(t.text for e in root.iter(f"{{{W}}}moveTo") for t in e.iter(f"{{{W}}}t"))
    # of the two swapped items the one that kept its number and text moves; the renumbered one stays, its 20.→22. inline
    assert moved.startswith("21.推进无障碍环境") and "完成时限：持续推进" in moved


def comment_ranges(data: bytes) -> dict[str, str]:
    """comment id → the document text between its range start and end (both sides' text)."""
    xml = part(data, "word/document.xml")
    out = {}
    for match in re.finditer(r'<w:commentRangeStart w:id="(\d+)"/>(.*?)<w:commentRangeEnd w:id="\1"/>', xml, re.S):
        out[match.group(1)] = "".join(re.findall(r"<w:(?:t|delText)[^>]*>([^<]*)<", match.group(2)))
    return out


def test_each_target_change_has_a_comment_with_its_label_and_chinese_reason_on_its_sentence(youyi):
    result, _, _, data = youyi
    changed = [c for c in result.targets if c.change != "unchanged"]
    comments = part(data, "word/comments.xml")
    ranges = comment_ranges(data)
    assert "收紧：数值 55% → 60%" in comments
    assert "放宽：" in comments and "删除：" in comments
    root = document_xml(data)
    anchored = {e.get(f"{{{W}}}id") for e in root.iter(f"{{{W}}}commentReference")}
    assert len(anchored) >= len(changed)
    assert any("60%" in text and "护理型床位" in text for text in ranges.values())
    assert "完成时限：2025年基本建成" in ranges.values()  # the dropped one, anchored on the old text


def test_clause_headings_are_word_headings(youyi):
    from docx import Document as WordDocument

    *_, data = youyi
    word = WordDocument(io.BytesIO(data))
    headings = {p.text: p.style.name for p in word.paragraphs if p.style.name.startswith("Heading")}
    assert headings.get("一、总体要求") == "Heading 1"
    assert any(text.startswith("（一）") and style == "Heading 2" for text, style in headings.items())


def test_python_docx_reads_the_file_back_with_its_comments(youyi):
    from docx import Document as WordDocument

    result, *_, data = youyi
    word = WordDocument(io.BytesIO(data))
    texts = [c.text for c in word.comments]
    assert len(texts) >= len([c for c in result.targets if c.change != "unchanged"])
    assert all(c.author == AUTHOR for c in word.comments)
    assert "指标变化" in [p.text for p in word.paragraphs]  # the dashboard page
    content_types = part(data, "[Content_Types].xml")
    assert "wordprocessingml.comments+xml" in content_types
    assert "relationships/comments" in part(data, "word/_rels/document.xml.rels")
    assert "<w:trackRevisions/>" in part(data, "word/settings.xml")


def test_the_body_starts_at_its_bookmark_after_the_dashboard(youyi):
    *_, data = youyi
    everything = resolved_text(data, "accept", bookmark=None)
    body = resolved_text(data, "accept", bookmark=BODY_BOOKMARK)
    assert everything.endswith(body) and everything.index("指标变化") < everything.index(body[:20])


# ------------------------------------------------------------ the command


def test_report_format_redline_writes_the_docx(tmp_path):
    from tracker.cli import main

    out = tmp_path / "修订稿.docx"
    with pytest.raises(SystemExit) as exit_:
        main(["report", str(DRAFT), str(FINAL), "--format", "redline", "-o", str(out)])
    assert exit_.value.code == 0
    assert resolved_text(out.read_bytes(), "accept") == read_document(FINAL).text


def test_report_format_redline_refuses_stdout_in_one_line(capsys):
    from tracker.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["report", str(DRAFT), str(FINAL), "--format", "redline", "-o", "-"])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


# ------------------------------------------------------------ LibreOffice

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def soffice(tmp_path: Path, source: Path, target: str) -> Path:
    """Convert with a private profile (several conversions may run at once on a shared machine)."""
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    profile = (tmp_path / "lo-profile").as_uri()
    done = subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
                           "--outdir", str(out), str(source)], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    produced = out / (source.stem + "." + target.split(":")[0])
    assert produced.is_file(), f"LibreOffice wrote nothing: {done.stdout} {done.stderr}"
    return produced


@pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice (soffice); .ci/install-libreoffice.sh installs "
                                            "libreoffice-writer-nogui")
def test_libreoffice_converts_the_redline_to_pdf_and_keeps_every_revision_when_it_saves_it(youyi, tmp_path):
    import pdfplumber

    _, old, new, data = youyi
    source = tmp_path / "redline.docx"
    source.write_bytes(data)
    pdf = soffice(tmp_path, source, "pdf")
    with pdfplumber.open(pdf) as document:
        text = "".join(page.extract_text() or "" for page in document.pages)
    assert "指标变化" in text and "护理型床位" in text
    resaved = soffice(tmp_path, source, "docx:MS Word 2007 XML")
    again = resaved.read_bytes()
    assert resolved_text(again, "accept") == new.text
    assert resolved_text(again, "reject") == old.text
    assert "收紧：数值 55% → 60%" in part(again, "word/comments.xml")


def test_a_moved_and_edited_clause_is_deleted_and_inserted_with_a_comment_at_both_ends():
    # the synthetic final swaps items 20 and 21; here item 21 is also edited, so neither is an unedited move
    text = FINAL.read_text("utf-8").replace("推进无障碍环境和信息建设。", "推进城乡无障碍环境和信息建设。")
    old, new = document_from(BASE), document_from(text)
    result = diff(old, new)
    data = render_redline(result, old, new, date=WHEN)
    assert resolved_text(data, "accept") == new.text and resolved_text(data, "reject") == old.text
    comments = part(data, "word/comments.xml")
    assert comments.count("移动并修改") == 2  # one at the old place, one at the new
    root = document_xml(data)
    assert not list(root.iter(f"{{{W}}}moveTo"))  # Word moves carry no edits that LibreOffice keeps: delete + insert
    inserted = "".join(t.text for e in root.iter(f"{{{W}}}ins") for t in e.iter(f"{{{W}}}t"))
    assert "城乡无障碍" in inserted


def test_the_same_diff_and_date_give_the_same_bytes(youyi):
    import time

    result, old, new, data = youyi
    time.sleep(1.1)  # the zip writer stamps entries with the clock
    assert render_redline(result, old, new, date=WHEN) == data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 12, 6, 8, 30, 0)}


# ------------------------------------------------------------ parent mode


def test_a_plan_against_its_parent_is_refused_as_a_redline_before_anything_is_written(tmp_path):
    """A redline says 'this text was revised into that one'; a county plan is not a revision of the
    province's, so the parent's every clause would read as struck out (decision 0512)."""
    import sys

    out = tmp_path / "county-redline.docx"
    run = subprocess.run([sys.executable, "-m", "tracker", "report", str(DRAFT), str(FINAL), "--parent",
                          "--format", "redline", "-o", str(out)], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "use --format docx" in run.stderr
    assert not out.exists()


def test_the_report_layer_refuses_a_parent_mode_redline_but_writes_its_word_table():
    from tracker.errors import InputError
    from tracker.reporting import render

    old, new = read_document(DRAFT), read_document(FINAL)
    result = diff(old, new, mode="parent")
    with pytest.raises(InputError, match="not a revision"):
        render("redline", result, old, new)
    assert render("docx", result, old, new)[:2] == b"PK"
