"""Hostile and unlucky input (issue 19): each is read to its expected result, or refused in one line.

Behaviour only; how long each takes is measured by benchmarks/adversarial.py,
never here.
"""
from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

from tracker.api import extract_targets, read_document
from tracker.extract.numbers import parse_number
from tracker.readers import docx as docx_reader
from tracker.readers import pdf as pdf_reader

from readers_support import reportlab_pdf


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tracker", *args], capture_output=True, text=True, timeout=120)


def assert_refused(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def _docx_with(document_xml: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def test_a_long_digit_run_stays_in_its_clause_and_is_no_target_value(tmp_path: Path):
    path = tmp_path / "digits.txt"
    run_of_digits = "1" * 100_000
    path.write_text(f"一、总体目标\n到2025年，全县养老床位达到{run_of_digits}张。\n", encoding="utf-8")
    document = read_document(path)
    clause = next(c for c in document.walk() if c.id == "一")
    assert run_of_digits in clause.text
    assert all(t.value is None or len(str(t.value)) < 30 for t in extract_targets(document))


def test_a_long_digit_run_is_printed_by_show_and_targets(tmp_path: Path):
    path = tmp_path / "digits.txt"
    path.write_text("一、总体目标\n护理型床位占比不低于" + "1" * 100_000 + "%。\n", encoding="utf-8")
    for command in ("show", "targets"):
        result = run(command, str(path))
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr


def test_more_than_eighteen_digits_is_no_number_but_eighteen_are():
    assert parse_number("9" * 18) == int("9" * 18)
    assert parse_number("9" * 19) is None
    assert parse_number("1,000,000,000") == 1_000_000_000


def test_truncation_cue_still_reads_the_page_count_after_a_digit_run(tmp_path: Path):
    path = tmp_path / "preview.txt"
    path.write_text("一、总体目标\n床位达到" + "1" * 50_000 + "张。\n共 12 页 3 下载\n", encoding="utf-8")
    warnings = read_document(path).metadata.warnings
    assert any("has 12 pages" in w for w in warnings), warnings


def test_a_fronted_date_repeated_thousands_of_times_still_dates_the_number(tmp_path: Path):
    path = tmp_path / "dates.txt"
    path.write_text("一、总体目标\n" + "到2025年底前，" * 3_000 + "护理型床位占比达到60%。\n", encoding="utf-8")
    targets = extract_targets(read_document(path))
    share = [t for t in targets if t.kind == "quantity"]
    assert len(share) == 1
    assert share[0].value == 60 and share[0].unit == "%" and share[0].deadline == "2025-12-31"


def test_many_numbers_in_one_phrase_are_each_read(tmp_path: Path):
    path = tmp_path / "run.txt"
    path.write_text("一、总体目标\n" + "不低于60%、" * 2_000 + "。\n", encoding="utf-8")
    targets = extract_targets(read_document(path))
    assert len(targets) == 2_000
    assert {(t.comparator, t.value, t.unit) for t in targets} == {(">=", 60, "%")}


def test_a_docx_whose_xml_inflates_past_the_limit_is_refused_as_a_zip_bomb(tmp_path: Path):
    para = "<w:p><w:r><w:t>护理型床位占比不低于60%。</w:t></w:r></w:p>".encode()
    xml = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    xml += para * (docx_reader.MAX_XML // len(para) + 10) + b"</w:body></w:document>"
    path = tmp_path / "bomb.docx"
    path.write_bytes(_docx_with(xml))
    assert path.stat().st_size < 1_000_000  # small on disk, large unpacked
    result = run("show", str(path))
    assert_refused(result, "bomb.docx", "zip bomb", "word/document.xml")


def test_a_docx_of_too_many_parts_is_refused(tmp_path: Path, monkeypatch):
    from tracker.errors import InputError

    monkeypatch.setattr(docx_reader, "MAX_PARTS", 3)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for i in range(5):
            z.writestr(f"part{i}.xml", "<x/>")
    try:
        docx_reader.check_unpacked_size(buf.getvalue())
    except InputError as exc:
        assert "5 parts" in str(exc)
    else:
        raise AssertionError("not refused")


def test_a_pdf_over_the_page_limit_is_refused_before_it_is_parsed(tmp_path: Path):
    pages = [[f"第{n}页：护理型床位占比不低于60%。"] for n in range(pdf_reader.MAX_PAGES + 1)]
    path = tmp_path / "long.pdf"
    path.write_bytes(reportlab_pdf(pages))
    result = run("targets", str(path))
    assert_refused(result, "long.pdf", f"{pdf_reader.MAX_PAGES + 1} pages", f"up to {pdf_reader.MAX_PAGES} pages")


def test_a_pdf_at_the_page_limit_is_read_whole(tmp_path: Path):
    pages = [[f"（{n}）护理型床位占比不低于60%。"] for n in range(1, 6)]
    path = tmp_path / "short.pdf"
    path.write_bytes(reportlab_pdf(pages))
    text = read_document(path).text
    assert all(f"（{n}）" in text for n in range(1, 6))


def test_a_long_digit_run_is_diffed_and_reported(tmp_path: Path):
    """Comparing a clause with a 100,000-digit run: the 万 rewrite rule no longer retries each digit."""
    path = tmp_path / "digits.txt"
    path.write_text("一、总体目标\n到2025年，全县养老床位达到" + "1" * 100_000 + "张。\n", encoding="utf-8")
    result = run("diff", str(path), str(path))
    assert result.returncode == 0, result.stderr
    report = tmp_path / "report.html"
    result = run("report", str(path), str(path), "-o", str(report))
    assert result.returncode == 0, result.stderr
    assert report.exists()


def test_wan_is_still_written_out_after_the_digit_run_fix():
    from tracker.normalise import canonical_numbers

    assert canonical_numbers("床位2万张，补贴1.5万元") == "床位20000张，补贴15000元"
    assert canonical_numbers("编号" + "1" * 1000 + "张") == "编号" + "1" * 1000 + "张"


def test_a_clause_with_more_figures_than_any_real_clause_is_refused_before_it_is_read(tmp_path: Path):
    from tracker.extract.extract import MAX_FIGURES_PER_CLAUSE
    path = tmp_path / "law.txt"
    article = "超过二十人的单位，处二万元以上十万元以下罚款；" * (MAX_FIGURES_PER_CLAUSE // 2)
    path.write_text(f"某某管理条例\n第一条\u3000{article}\n第二条\u3000本条例自公布之日起施行。\n", encoding="utf-8")
    for command in ("targets", "diff"):
        result = run(command, *([str(path)] * (2 if command == "diff" else 1)))
        assert_refused(result, "law.txt", "第一条", f"{MAX_FIGURES_PER_CLAUSE:,} figures")


def test_a_document_with_more_targets_than_any_real_text_is_refused_not_read_in_part(tmp_path: Path, monkeypatch):
    from tracker.errors import InputError
    from tracker.extract import extract as extract_module
    monkeypatch.setattr(extract_module, "MAX_TARGETS", 100)
    path = tmp_path / "many.txt"
    path.write_text("".join(f"{n}. 护理型床位占比不低于{n % 50 + 10}%。\n" for n in range(1, 200)), encoding="utf-8")
    try:
        extract_targets(read_document(path))
    except InputError as exc:
        assert "many.txt" in str(exc) and "more than 100 numeric targets" in str(exc)
    else:
        raise AssertionError("a document past the target limit was read")


def test_a_refused_import_writes_nothing_to_the_store(tmp_path: Path):
    from tracker.extract.extract import MAX_FIGURES_PER_CLAUSE
    store = tmp_path / "store"
    assert run("init", str(store)).returncode == 0
    path = tmp_path / "law.txt"
    path.write_text("某某管理条例\n第一条\u3000" + "处二万元罚款；" * (MAX_FIGURES_PER_CLAUSE + 1) + "\n", encoding="utf-8")
    before = subprocess.run(["git", "-C", str(store), "rev-parse", "HEAD"], capture_output=True, text=True).stdout
    result = subprocess.run([sys.executable, "-m", "tracker", "import", str(path), "--id", "law"], cwd=store,
                            capture_output=True, text=True, timeout=120)
    assert_refused(result, "law.txt", "第一条")
    after = subprocess.run(["git", "-C", str(store), "rev-parse", "HEAD"], capture_output=True, text=True).stdout
    assert before == after and not (store / "documents" / "law").exists()


def test_dates_do_not_count_toward_the_figure_limit_of_a_clause(tmp_path: Path):
    from tracker.extract.extract import MAX_FIGURES_PER_CLAUSE
    path = tmp_path / "dates.txt"
    path.write_text("一、总体目标\n" + "到2025年底前，" * (MAX_FIGURES_PER_CLAUSE + 5_000) + "建成10个。\n", encoding="utf-8")
    targets = extract_targets(read_document(path))  # a result, not a refusal
    assert [(t.value, t.deadline) for t in targets] == [(10, "2025-12-31")]
