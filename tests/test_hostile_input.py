"""Issue 19: input an attacker or an unlucky user would give, and where output must never go.

Each test pins one fault found on what had landed: the refusal (one line,
exit 2, naming the file) or the safe result, and that nothing was written
where it should not be. The CLI runs as a subprocess, as a user runs it.
"""
from __future__ import annotations

from dataclasses import replace

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.characters import neutralise, strip_unsafe

POLICY = "一、总体要求\n到2025年，护理型床位占比达到55%。\n二、保障措施\n各地要加强组织领导。\n"


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tracker", *args], capture_output=True, text=True, cwd=cwd, timeout=120,
                          encoding="utf-8", errors="surrogateescape")


def refused(result: subprocess.CompletedProcess, *words: str) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------- wrong acceptance


def test_a_png_signature_followed_by_nul_bytes_is_refused_as_an_image_not_read_as_chinese(tmp_path):
    fake = tmp_path / "plan.txt"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    refused(run("show", str(fake)), "plan.txt", "PNG image")


@pytest.mark.parametrize("magic, what", [
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG"), (b"GIF89a\x01\x00", "GIF"), (b"\x1f\x8b\x08\x00", "gzip"),
    (b"\x7fELF\x02\x01\x01", "ELF"), (b"SQLite format 3\x00", "SQLite"), (b"{\\rtf1\\ansi ", "RTF"),
])
def test_other_known_binary_formats_are_named_when_refused(tmp_path, magic, what):
    fake = tmp_path / "notice.txt"
    fake.write_bytes(magic + "一、总体要求".encode("utf-8"))
    refused(run("targets", str(fake)), "notice.txt", what)


def test_random_bytes_that_gb18030_happens_to_decode_are_refused(tmp_path):
    import random

    rng = random.Random(19)
    data = bytes(rng.choice(range(0x81, 0xFF)) for _ in range(4000))  # high bytes only: gb18030 decodes them
    data.decode("gb18030")
    noise = tmp_path / "noise.txt"
    noise.write_bytes(data)
    refused(run("show", str(noise)), "noise.txt")


def test_a_big5_text_is_not_taken_for_gbk(tmp_path):
    """GB18030 decodes Big5 bytes too, as nonsense; detection is asked when the result is not Chinese as written."""
    text = "第一條　為了規範養老服務，促進養老服務業發展，制定本辦法。護理型床位占比達到百分之五十五。" * 2
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    result = run("show", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "養老服務" in result.stdout


def test_a_text_with_a_few_stray_control_characters_is_still_read_and_says_so(tmp_path):
    path = write(tmp_path / "plan.txt", POLICY.replace("护理型", "护理\x01型"))
    result = run("targets", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "护理型床位占比" in result.stdout
    assert "removed control character" in result.stderr and "plan.txt" in result.stderr


# ------------------------------------------------------------- terminal output

TERMINAL_ATTACKS = {
    "osc52-clipboard": "\x1b]52;c;cm0gLXJmIH4K\x07",
    "osc0-title": "\x1b]0;pwned\x1b\\",
    "csi-conceal": "\x1b[8m",
    "csi-clear": "\x1b[2J",
    "c1-csi": "\x9b31m",
    "dcs": "\x1bP1$r\x1b\\",
    "bare-escape": "\x1bc",
}


def assert_no_raw_control(output: str) -> None:
    r"""Nothing a terminal would act on: no ESC, no C0 but \t \n, no C1, no bidi control."""
    bad = re.findall(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]", output)
    assert not bad, bad


def test_escape_sequences_in_the_text_never_reach_the_terminal(tmp_path):
    seq = "".join(TERMINAL_ATTACKS.values())  # every kind in one document: one run of each command
    old = write(tmp_path / "old.txt", POLICY)
    filler = "".join(f"（{n}）各地要完善养老服务体系，加强组织领导，落实工作责任。\n" for n in range(1, 90))
    new = write(tmp_path / "new.txt", POLICY.replace("55%", f"60%{seq}").replace("组织领导", f"组织{seq}领导") + filler)
    for args in (("show", str(new)), ("targets", str(new)), ("targets", str(new), "--format", "csv"),
                 ("targets", str(new), "--format", "json"), ("diff", str(old), str(new)),
                 ("diff", str(old), str(new), "--format", "json"), ("report", str(old), str(new), "--format", "md")):
        result = run(*args)
        assert result.returncode == 0, (args, result.stderr)
        assert_no_raw_control(result.stdout)
        assert_no_raw_control(result.stderr)
    assert "removed terminal control sequence" in run("show", str(new)).stdout


def test_escape_sequences_are_removed_whole_so_no_payload_is_left_in_the_text():
    text, warnings = strip_unsafe("达到60%\x1b]52;c;cm0gLXJmIH4K\x07。")
    assert text == "达到60%。"
    assert warnings and "terminal control sequence" in warnings[0]


def test_neutralise_shows_every_control_as_visible_notation():
    assert neutralise("a\x1b]0;t\x07b\u202ec\x9b") == "a\\x1b]0;t\\x07b\\u202ec\\x9b"
    assert neutralise("中文\t表\n") == "中文\t表\n"


def test_a_stored_document_that_still_holds_controls_is_neutralised_when_shown(tmp_path):
    """Terminal renderings neutralise on their own, whatever cleaning did (a document stored before the rule)."""
    from tracker.api import read_document
    from tracker.render.terminal import render_targets, render_tree
    from tracker.api import extract_targets

    doc = read_document(write(tmp_path / "plan.txt", POLICY))
    first = replace(doc.clauses[0], title="总体\x1b[8m要求\u202e")
    doc = replace(doc, metadata=replace(doc.metadata, title="标题\x1b]0;x\x07"), clauses=[first, *doc.clauses[1:]])
    assert_no_raw_control(render_tree(doc))
    assert_no_raw_control(render_targets(doc, extract_targets(doc)))


# ------------------------------------------------------------------------- bidi


def test_bidi_overrides_are_removed_with_a_warning_that_says_where(tmp_path):
    # U+202E displays "%55" as "55%": the reader would see another figure than the text holds
    path = write(tmp_path / "plan.txt", POLICY.replace("55%", "\u202e%06\u202c"))
    result = run("targets", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "\u202e" not in result.stdout and "\\u202e" not in result.stdout
    assert "removed bidi control" in result.stderr and "U+202E" in result.stderr
    shown = run("show", str(path))
    assert "removed bidi control" in shown.stdout
    assert_no_raw_control(shown.stdout)


@pytest.mark.parametrize("mark", ["\u202a", "\u202b", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"])
def test_every_bidi_control_is_removed(mark):
    text, warnings = strip_unsafe(f"占比达到{mark}55%")
    assert text == "占比达到55%" and warnings


# ----------------------------------------------------------------- comparators


def test_a_gt_left_by_a_broken_script_tag_is_not_a_comparator(tmp_path):
    path = write(tmp_path / "scrape.txt", "x</script>护理型床位占比达到65%。\n")
    result = run("targets", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert '"comparator": "="' in result.stdout and '"comparator": ">"' not in result.stdout


def test_a_gt_touching_the_number_is_still_a_comparator(tmp_path):
    from tracker.api import extract_targets, read_document

    doc = read_document(write(tmp_path / "plan.txt", "一、护理型床位占比>65%，空置率< 10%。\n"))
    assert [t.comparator for t in extract_targets(doc)] == [">", "<"]


# ------------------------------------------------------------------- Word output


def test_a_control_character_in_a_stored_text_no_longer_breaks_the_word_report(tmp_path):
    """The .docx renderer writes what XML cannot hold as visible \\x01, and the CLI warns."""
    from tracker.api import diff, read_document
    from tracker.render import render_docx

    old = read_document(write(tmp_path / "old.txt", POLICY))
    new = read_document(write(tmp_path / "new.txt", POLICY.replace("55%", "60%")))
    first = replace(new.clauses[0], text=new.clauses[0].text.replace("到2025年", "到\x012025年"))
    new = replace(new, clauses=[first, *new.clauses[1:]], text=new.text.replace("到2025年", "到\x012025年"))
    data = render_docx(diff(old, new), old, new)
    import io
    import docx as python_docx

    body = "\n".join(cell.text for t in python_docx.Document(io.BytesIO(data)).tables for r in t.rows for cell in r.cells)
    assert "\x01" not in body


def test_word_report_of_a_text_with_a_control_character_is_written_with_a_warning(tmp_path):
    old = write(tmp_path / "old.txt", POLICY)
    new = write(tmp_path / "new.txt", POLICY.replace("55%", "60%").replace("组织领导", "组织\x01领导"))
    out = tmp_path / "r.docx"
    result = run("report", str(old), str(new), "--format", "docx", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:2] == b"PK"
    assert "warning" in result.stderr and "control character" in result.stderr


# ------------------------------------------------------------ where output goes


def test_a_report_is_never_written_over_one_of_its_inputs(tmp_path):
    old = tmp_path / "a.html"
    old.write_text(f"<html><body><p>{POLICY}</p></body></html>", encoding="utf-8")
    new = write(tmp_path / "b.txt", POLICY.replace("55%", "60%"))
    before = old.read_bytes()
    refused(run("report", str(old), str(new), "-o", str(old)), "a.html", "input")
    refused(run("report", str(old), str(new), "-o", "a.html", cwd=tmp_path), "a.html", "input")
    refused(run("report", str(old), str(new), "--format", "md", "-o", str(new)), "b.txt", "input")
    assert old.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.txt"]


def commit_reports_symlink(store: Path, outside: Path) -> None:
    """A store whose committed ``reports`` is a symbolic link to a folder outside it."""
    assert run("init", str(store)).returncode == 0
    shutil.rmtree(store / "reports", ignore_errors=True)
    (store / "reports").symlink_to(outside, target_is_directory=True)
    git = ["git", "-C", str(store), "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "core.hooksPath=/dev/null"]
    subprocess.run([*git, "add", "-A"], check=True, capture_output=True)
    subprocess.run([*git, "commit", "-qm", "reports elsewhere"], check=True, capture_output=True)


def test_a_symlinked_reports_folder_cannot_carry_the_report_out_of_the_store(tmp_path):
    store, outside = tmp_path / "store", tmp_path / "outside"
    outside.mkdir()
    commit_reports_symlink(store, outside)
    old = write(tmp_path / "old.txt", POLICY)
    new = write(tmp_path / "new.txt", POLICY.replace("55%", "60%"))
    refused(run("report", str(old), str(new), cwd=store), "reports", "symbolic link")
    refused(run("report", "--all", cwd=store), "reports", "symbolic link")
    assert list(outside.iterdir()) == []


def test_report_all_outside_a_store_is_refused_and_writes_nothing(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    result = run("report", "--all", cwd=plain)
    refused(result)
    assert list(plain.iterdir()) == []


def test_targets_csv_of_a_document_without_targets_has_the_contract_header(tmp_path):
    from tracker.jsonio import TARGET_FIELDS, target_to_dict
    from tracker.model import Target

    path = write(tmp_path / "plain.txt", "各地要加强组织领导。\n")
    result = run("targets", str(path), "--format", "csv")
    assert result.returncode == 0 and result.stdout.splitlines()[0] == ",".join(TARGET_FIELDS)
    blank = Target("1", "quantity", None, None, None, None, None, None, None, None, None, "")
    assert tuple(target_to_dict(blank)) == TARGET_FIELDS



def test_store_listings_and_textconv_never_print_a_raw_control_sequence(tmp_path):
    """A title given on the command line is cleaned; whatever a store still holds is shown inert by list, log and textconv."""
    store = tmp_path / "store"
    assert run("init", str(store)).returncode == 0
    source = write(tmp_path / "plan.txt", POLICY)
    title = "标题\x1b]0;pwned\x07\u202e"
    imported = run("import", str(source), "--id", "county/plan", "--title", title, "--store", str(store))
    assert imported.returncode == 0, imported.stderr
    for args in (("list", "--store", str(store)), ("log", "county/plan", "--store", str(store)),
                 ("textconv", str(store / "documents/county/plan/text.txt"))):
        result = run(*args)
        assert result.returncode == 0, result.stderr
        assert_no_raw_control(result.stdout)
    meta = (store / "documents/county/plan/meta.json").read_text("utf-8")
    assert '"title": "标题",' in meta  # the override is cleaned like the text
