"""Every bad input gets one line on stderr naming the file and the problem, exit 2, no traceback.

The CLI runs as a subprocess, as a user or a CI job would run it.
"""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tracker", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def assert_one_line_error(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    made = {
        "empty": tmp_path / "empty.txt",
        "blank": tmp_path / "blank.txt",
        "binary": tmp_path / "binary.txt",
        "unknown": tmp_path / "plan.xyz",
        "broken_docx": tmp_path / "broken.docx",
        "protected_docx": tmp_path / "protected.docx",
        "not_a_zip_docx": tmp_path / "fake.docx",
    }
    made["empty"].write_bytes(b"")
    made["blank"].write_text("   \n\t\n  \n", encoding="utf-8")
    made["binary"].write_bytes(bytes(range(256)) * 40)
    made["unknown"].write_text("一、总体要求", encoding="utf-8")
    with zipfile.ZipFile(made["broken_docx"], "w") as z:
        z.writestr("word/document.xml", "<not xml")
    data = made["broken_docx"].read_bytes()
    made["broken_docx"].write_bytes(data[: len(data) // 2])
    made["protected_docx"].write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    made["not_a_zip_docx"].write_text("这不是Word文件", encoding="utf-8")
    return made


def test_missing_file_is_named(tmp_path):
    assert_one_line_error(run("show", str(tmp_path / "nope.txt")), "nope.txt", "no such file")


def test_directory_given_as_a_file_is_refused(tmp_path):
    assert_one_line_error(run("targets", str(tmp_path)), "directory")


def test_binary_data_with_a_text_extension_is_refused(files):
    assert_one_line_error(run("show", str(files["binary"])), "binary.txt", "binary")


def test_unknown_extension_lists_what_tracker_reads(files):
    assert_one_line_error(run("show", str(files["unknown"])), "plan.xyz", ".docx")


def test_truncated_docx_is_refused_as_damaged(files):
    assert_one_line_error(run("show", str(files["broken_docx"])), "broken.docx")


def test_password_protected_docx_says_to_remove_the_password(files):
    assert_one_line_error(run("show", str(files["protected_docx"])), "protected.docx", "password")


def test_text_file_named_docx_is_refused(files):
    assert_one_line_error(run("show", str(files["not_a_zip_docx"])), "fake.docx")


def test_file_over_the_size_limit_is_refused_at_once(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    assert_one_line_error(run("show", str(big)), "big.txt", "MB")


def test_empty_and_blank_files_are_refused_naming_the_file(files):
    """Issue 19: an empty document used to show as "(untitled)" and import; there is nothing to compare."""
    assert_one_line_error(run("show", str(files["empty"])), "empty.txt", "empty")
    assert_one_line_error(run("targets", str(files["blank"])), "blank.txt", "no text")


def test_text_without_numbering_is_one_clause(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("为加快发展养老服务，制定本通知。请各地认真贯彻执行。", encoding="utf-8")
    result = run("show", str(path), "--format", "json")
    assert result.returncode == 0
    assert result.stdout.count('"id"') == 1


def test_bad_option_is_a_usage_error_with_exit_2(tmp_path):
    result = run("show", "--format", "yaml", str(tmp_path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_scanned_pdf_without_text_layer_says_to_run_ocr(tmp_path):
    from readers_support import image_only_pdf

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(image_only_pdf())
    assert_one_line_error(run("targets", str(scan)), "scan.pdf", "OCR")


def test_encrypted_pdf_is_refused_in_one_line(tmp_path):
    from readers_support import encrypted_pdf

    locked = tmp_path / "locked.pdf"
    locked.write_bytes(encrypted_pdf())
    assert_one_line_error(run("show", str(locked)), "locked.pdf")


@pytest.mark.parametrize("bad_id", ["../evil", "/etc/passwd", "a/../../b", "x" * 300, "Upper/Case", "a\tb"])
def test_bad_document_id_on_import_is_one_line(tmp_path, bad_id):
    source = tmp_path / "plan.txt"
    source.write_text("一、总体要求\n坚持以人民为中心。\n", encoding="utf-8")
    store = tmp_path / "store"
    assert run("init", str(store)).returncode == 0
    assert_one_line_error(run("import", str(source), "--id", bad_id, "--store", str(store)), "id")


def test_a_folder_that_is_not_a_git_repository_is_not_a_store(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    assert_one_line_error(run("list", "--store", str(plain)), "git")


def test_an_unknown_stored_reference_is_one_line(tmp_path):
    store = tmp_path / "store"
    assert run("init", str(store)).returncode == 0
    assert_one_line_error(run("show", "county/plan@draft", "--store", str(store)), "county/plan")


def test_hostile_html_source_shows_as_text_in_every_report_format(tmp_path):
    page = tmp_path / "hostile.html"
    page.write_text(
        "<html><body><div><p>一、总体要求</p>"
        "<p>到2025年护理型床位占比达到55%。&lt;script&gt;alert(1)&lt;/script&gt;"
        "&lt;img src=x onerror=alert(2)&gt;&lt;a href=\"javascript:alert(3)\"&gt;链接&lt;/a&gt;"
        "&lt;div style=\"width:expression(alert(4))\"&gt;</p></div></body></html>",
        encoding="utf-8",
    )
    clean = tmp_path / "clean.txt"
    clean.write_text("一、总体要求\n到2025年护理型床位占比达到60%。\n", encoding="utf-8")
    html = tmp_path / "r.html"
    assert run("report", str(clean), str(page), "-o", str(html)).returncode == 0
    text = html.read_text("utf-8")
    for live in ("<script>alert", "<img src=x", 'href="javascript:', "<div style=\"width:expression"):
        assert live not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    md = run("report", str(clean), str(page), "--format", "md")
    assert md.returncode == 0 and "<script>alert" not in md.stdout and "<img src=x" not in md.stdout
    docx = tmp_path / "r.docx"
    assert run("report", str(clean), str(page), "--format", "docx", "-o", str(docx)).returncode == 0
    import docx as python_docx

    body = "\n".join(cell.text for table in python_docx.Document(docx).tables for row in table.rows for cell in row.cells)
    assert "<script>alert(1)</script>" in body  # inert text in a Word cell


def test_python_ignored_exception_reports_never_reach_the_user_unless_debugging(capsys, monkeypatch):
    import sys as _sys
    from types import SimpleNamespace

    from tracker.cli import _quiet_unraisable
    report = SimpleNamespace(exc_type=OSError, exc_value=OSError(9, "Bad file descriptor"), exc_traceback=None,
                             err_msg="Exception ignored in", object=None)
    monkeypatch.delenv("TRACKER_DEBUG", raising=False)
    _quiet_unraisable(report)
    assert capsys.readouterr().err == ""
    seen = []
    monkeypatch.setattr(_sys, "__unraisablehook__", seen.append)
    monkeypatch.setenv("TRACKER_DEBUG", "1")
    _quiet_unraisable(report)
    assert seen == [report]
