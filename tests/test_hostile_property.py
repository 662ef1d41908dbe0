"""Property tests (issue 19): random bytes and random Unicode through every reader and every output.

Random bytes under each extension: a reader returns text or refuses with a
one-line InputError, nothing else. Random Unicode weighted towards what has
broken tracker before (C0/C1 controls, escape sequences, bidi controls, lone
surrogates, CJK and numbering): every rendering — the terminal views of
show/targets/diff, JSON, CSV, HTML, Markdown, Word 对照表 and redline — is produced without an
exception, and nothing that reaches a terminal carries a raw control sequence.
HOSTILE_EXAMPLES=300 runs more examples than the suite's default.
"""
from __future__ import annotations

from dataclasses import replace

import io
import os
import re
import string

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from tracker.errors import InputError, TrackerError

UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ud800-\udfff]")

OWN_COLOURS = re.compile(r"\x1b\[[0-9;]*m")
CONTROL = st.characters(min_codepoint=0, max_codepoint=0x1F) | st.characters(min_codepoint=0x7F, max_codepoint=0x9F)
BIDI = st.sampled_from("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
SURROGATE = st.integers(min_value=0xD800, max_value=0xDFFF).map(chr)
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
POLICY_BITS = st.sampled_from([
    "一、", "（二）", "3.", "第四条", "①", "\n", "。", "，", "55%", "不低于", "达到", "2万张", "到2025年底前", "确保",
    "力争", "护理型床位占比", "<", ">", "</script>", "\x1b]52;c;YQ==\x07", "\x1b]0;t\x1b\\", "\x1b[8m", "\x9b2J", "|", " ",
])
UNICODE = st.lists(st.one_of(CONTROL, BIDI, SURROGATE, CJK, POLICY_BITS, st.characters()), max_size=60).map("".join)

FUZZ = settings(max_examples=int(os.environ.get("HOSTILE_EXAMPLES", 40)), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def assert_terminal_safe(name: str, text: str) -> None:
    bad = UNSAFE.findall(text)
    assert not bad, (name, bad[:5])
    text.encode("utf-8")  # printable on a UTF-8 terminal: no lone surrogate left


def document(text: str, name: str = "fuzz.txt"):
    from tracker.clean import clean
    from tracker.model import RawText
    from tracker.segment import segment

    return segment(clean(RawText(text=text, source=name, format="txt")))


def every_rendering(old, new) -> dict[str, str | bytes]:
    """Each output tracker gives of one document and of a pair, by its library functions."""
    from tracker.api import diff, extract_targets
    from tracker.cli.diff import render as render_diff_text
    from tracker.jsonio import diff_to_dict, document_to_dict, dumps, targets_to_dict
    from tracker.render import render_docx, render_html, render_markdown, render_redline
    from tracker.render.terminal import render_targets, render_tree

    targets = extract_targets(new)
    result = diff(old, new)
    return {
        "show": render_tree(new),
        "show-json": dumps(document_to_dict(new)),
        "targets": render_targets(new, targets),
        "targets-json": dumps(targets_to_dict(new, targets, new.source)),
        "diff": render_diff_text(result, color=False),
        "diff-en": render_diff_text(result, show_all=True, lang="en", color=False),
        # tracker's own colours are the only control sequences allowed: SGR, which the check removes first
        "diff-coloured": OWN_COLOURS.sub("", render_diff_text(result, show_all=True)),
        "diff-json": dumps(diff_to_dict(result)),
        "html": render_html(result, old, new),
        "md": render_markdown(result, old, new),
        "docx": render_docx(result, old, new),
        "redline": render_redline(result, old, new),
    }


def check_renderings(old, new) -> None:
    import docx as python_docx

    for name, output in every_rendering(old, new).items():
        if isinstance(output, bytes):
            python_docx.Document(io.BytesIO(output))  # Word can open it
        else:
            assert_terminal_safe(name, output)


@FUZZ
@given(UNICODE, UNICODE)
def test_random_unicode_through_the_pipeline_renders_everywhere_without_raw_controls(a, b):
    old, new = document(a + "\n一、护理型床位占比达到55%。"), document(b)
    assert not UNSAFE.search(new.text)  # cleaning removed them all
    check_renderings(old, new)


@FUZZ
@given(UNICODE)
def test_a_document_that_still_holds_controls_after_storage_is_rendered_safely(text):
    """Renderers neutralise on their own: a document can come from a store written before cleaning removed them."""
    doc = document("一、护理型床位占比达到55%。\n二、到2025年底前完成。")
    def spoiled(clause):
        return replace(clause, text=clause.text + text, title=text, children=[spoiled(c) for c in clause.children])

    doc = replace(doc, text=doc.text + text, metadata=replace(doc.metadata, title=text),
                  clauses=[spoiled(c) for c in doc.clauses])
    check_renderings(document("一、护理型床位占比达到60%。"), doc)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".docx", ".pdf", ".bin"])
@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes_under_every_extension_are_read_or_refused_in_one_line(tmp_path, suffix, data):
    from tracker.readers import read

    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    try:
        raw = read(path)
    except InputError as exc:
        message = str(exc)
        assert message.startswith(str(path)) and "\n" not in message
        return
    assert raw.text.strip()


@FUZZ
@given(text=UNICODE)
def test_random_unicode_inside_html_and_docx_is_read_and_rendered_safely(tmp_path, text):
    import html as html_lib

    from tracker.api import read_document
    from readers_support import DocxBuilder

    xml_legal = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "", text)
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><div><p>一、总体要求</p><p>{html_lib.escape(text)}&#27;]0;t&#7;</p></div></body></html>",
                    encoding="utf-8", errors="surrogatepass")
    builder = DocxBuilder()
    builder.para("一、总体要求")
    builder.para(xml_legal + "护理型床位占比达到55%。")
    word = tmp_path / "plan.docx"
    word.write_bytes(builder.to_bytes())
    docs = []
    for path in (page, word):
        try:
            docs.append(read_document(path))
        except InputError:
            continue
    for doc in docs:
        assert not UNSAFE.search(doc.text)
        check_renderings(document("一、总体要求"), doc)


# ------------------------------------------------------------------- the CLI


def run_cli(*args: str) -> tuple[int, str, str]:
    """Run ``tracker ARGS`` in this process through main(), as the console script does."""
    from tracker.cli import main

    runner = CliRunner()
    with runner.isolation() as (out, err, _):
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0
    return code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8")


TEXT_COMMANDS = (
    ("show",), ("show", "--format", "json"), ("targets",), ("targets", "--format", "csv"), ("targets", "--format", "json"),
)


@settings(max_examples=int(os.environ.get("HOSTILE_EXAMPLES", 25)), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(raw=st.one_of(st.binary(max_size=300), UNICODE.map(lambda s: s.encode("utf-8", "surrogatepass"))))
def test_every_terminal_command_on_random_files_exits_0_or_2_and_prints_nothing_raw(tmp_path, raw):
    path = tmp_path / "in.txt"
    path.write_bytes(raw)
    base = tmp_path / "base.txt"
    base.write_text("一、护理型床位占比达到55%。\n", encoding="utf-8")
    commands = [(*c, str(path)) for c in TEXT_COMMANDS] + [
        ("diff", str(base), str(path)), ("diff", str(base), str(path), "--format", "json"),
        ("report", str(base), str(path), "--format", "md"),
    ]
    for args in commands:
        code, out, err = run_cli(*args)
        assert code in (0, 2), (args, code, err)
        assert "unexpected" not in err and "Traceback" not in err, (args, err)
        assert_terminal_safe(" ".join(args[:3]), out.replace("\r\n", "\n") if "csv" in args else out)
        assert_terminal_safe(" ".join(args[:3]), err)
        if code == 2:
            assert len(err.strip().splitlines()) == 1, err
