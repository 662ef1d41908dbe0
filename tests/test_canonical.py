"""The canonical stored text: exact round trip, one sentence a line, headers no sentence can fake."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEED_NAMES
from tracker import canonical
from tracker.canonical import dumps, loads
from tracker.model import Clause, Document, Metadata, Responsibility


def sample_document() -> Document:
    """A hand-built document with a preamble, nesting, a responsibility bracket and a hostile line."""
    text = (
        "某县方案\n（征求意见稿）\n一、总体要求\n以人民为中心。坚持原则；加快建设！\n二、重点工作\n"
        "（一）完善清单\n1.明确对象。到2025年，护理型床位占比达到55%。（责任单位：县民政局）\n"
        "§ 二 假标题\n\\转义\n"
    )
    c1 = Clause("一", "一", "总体要求", "总体要求\n以人民为中心。坚持原则；加快建设！", "cn",
                span=(text.index("一、"), text.index("\n二、")))
    item_text = "明确对象。到2025年，护理型床位占比达到55%。"
    item_end = text.index(item_text) + len(item_text)
    c211 = Clause("二.(一).1", "1", "明确对象。", item_text, "arabic",
                  responsibility=Responsibility("（责任单位：县民政局）", ["县民政局"]),
                  span=(text.index("1."), item_end))
    c21 = Clause("二.(一)", "（一）", "完善清单", "完善清单", "paren_cn", children=[c211],
                 span=(text.index("（一）"), item_end))
    c2 = Clause("二", "二", "重点工作", "重点工作", "cn", children=[c21], span=(text.index("二、"), len(text) - 1))
    return Document(Metadata(title="某县方案", status="draft"), [c1, c2], text, source="sample")


def test_hand_built_document_round_trips_exactly():
    doc = sample_document()
    back = loads(dumps(doc), doc.metadata)
    assert back.text == doc.text
    assert back.clauses == doc.clauses  # ids, labels, titles, texts, spans, responsibility, children


def test_text_lines_that_look_like_headers_are_escaped_and_never_become_clauses():
    doc = sample_document()
    stored = dumps(doc)
    assert "\n§ 二 假标题\n" not in stored
    assert '\\"§ 二 假标题"' in stored
    back = loads(stored, doc.metadata)
    assert [c.id for c in back.walk()] == ["一", "二", "二.(一)", "二.(一).1"]
    assert back.text.endswith("§ 二 假标题\n\\转义\n")


def test_every_sentence_sits_on_its_own_line():
    stored = dumps(sample_document())
    lines = stored.splitlines()
    assert "以人民为中心。" in lines and "坚持原则；" in lines and "加快建设！" in lines
    assert "明确对象。" in lines and "到2025年，护理型床位占比达到55%。" in lines


def test_headers_nest_by_the_number_of_section_signs():
    lines = dumps(sample_document()).splitlines()
    assert "§ 一" in lines and "§§ 二.(一)" in lines and "§§§ 二.(一).1" in lines


def test_a_hand_edit_of_one_number_changes_that_clause_and_keeps_later_spans_consistent():
    doc = sample_document()
    edited = dumps(doc).replace("达到55%。", "达到60%以上。")
    back = loads(edited, doc.metadata)
    item = back.clause("二.(一).1")
    assert item.text == "明确对象。到2025年，护理型床位占比达到60%以上。"
    for clause in back.walk():
        start, end = clause.span
        assert back.text[start:end].find(clause.text) >= 0


def test_a_stray_section_sign_line_is_refused_with_its_line_number():
    stored = dumps(sample_document()).replace("§scheme \"arabic\"", "§Scheme arabic")
    with pytest.raises(ValueError, match="line"):
        loads(stored, Metadata())


def test_a_file_without_the_format_line_is_refused():
    with pytest.raises(ValueError, match="tracker.canonical/1"):
        loads("一、总体要求\n", Metadata())


def test_annotate_prefixes_text_lines_with_their_clause_id():
    out = canonical.annotate(dumps(sample_document()))
    assert "二.(一).1 │ 明确对象。" in out.splitlines()


# ---------------------------------------------------------------- property

piece = st.text(alphabet="护理床位占比达到%55。；！？\n §\\\t|”（）一二1.", max_size=12)


@st.composite
def documents(draw):
    """Random trees whose own texts, labels and gaps are cut from one text, as a segmenter would."""
    head = draw(piece)
    specs = draw(st.lists(st.tuples(st.integers(0, 2), piece, piece, piece, st.booleans()), max_size=8))
    text, roots, stack = head, [], []
    for n, (depth, before, own, tail, odd_span) in enumerate(specs):
        depth = min(depth, len(stack))
        start = len(text) + len(before)
        text += before + own + tail
        span = (start - len(before), start + len(own) + (1 if odd_span else 0))
        clause = Clause(f"c{n}", str(n), canonical._first_sentence(own), own, "s", span=span)
        del stack[depth:]
        (stack[-1].children if stack else roots).append(clause)
        stack.append(clause)
    return Document(Metadata(), roots, text)


@settings(max_examples=300, deadline=None)
@given(documents())
def test_any_document_round_trips_exactly(doc):
    back = loads(dumps(doc), doc.metadata)
    assert back.text == doc.text
    assert back.clauses == doc.clauses


# ------------------------------------------------------------------- seeds


@pytest.mark.parametrize("name", sorted(SEED_NAMES))
def test_seed_round_trips_to_the_same_tree_text_and_targets(seed_documents, name):
    doc = seed_documents[name]
    back = loads(dumps(doc), doc.metadata)
    assert back.text == doc.text
    assert back.clauses == doc.clauses
    from tracker.api import extract_targets

    expected = extract_targets(doc)
    assert extract_targets(back) == expected  # same offsets too: Target.start points into back.text
