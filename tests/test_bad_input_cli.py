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


def test_empty_and_blank_files_give_an_empty_tree_not_an_error(files):
    for name in ("empty", "blank"):
        result = run("show", str(files[name]), "--format", "json")
        assert result.returncode == 0, result.stderr
        assert '"clauses": []' in result.stdout


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
