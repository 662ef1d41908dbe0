"""Legal texts as the national law database publishes them: 目录, 编/分编/章/节/条, 款, 附则."""
from __future__ import annotations

from pathlib import Path

from tracker.api import read_document
from tracker.clean import clean
from tracker.model import RawText
from tracker.render.terminal import render_tree
from tracker.segment import segment

ROOT = Path(__file__).resolve().parent.parent
U = "\u3000"

LAW = f"""中华人民共和国测试管理条例

（2001年3月1日国务院令第1号公布{U}2019年3月2日国务院令第2号修订）

目{U}{U}录
第一章{U}总{U}{U}则
第二章{U}管{U}{U}理
{U}{U}第一节{U}一般规定
{U}{U}第二节{U}特别规定
第三章{U}附{U}{U}则

第一章{U}总{U}{U}则
第一条{U}为了加强测试管理，制定本条例。
第二条{U}本条例适用于全国。
第二章{U}管{U}{U}理
第一节{U}一般规定
第三条{U}经营者应当具备下列条件：
（一）有固定场所；
（二）有专业人员。
申请人应当自受理之日起二十日内提交材料。
第二节{U}特别规定
第四条
经营者违反本条例的，处一万元以上五万元以下罚款。
第三章{U}附{U}{U}则
第五条{U}本条例自公布之日起施行。
"""


def doc_of(text: str):
    return segment(clean(RawText(text=text, source="t.txt", format="txt")))


def ids(doc):
    return [c.id for c in doc.walk() if c.scheme != "preamble"]


def test_table_of_contents_is_one_clause_and_never_the_body_chapters():
    doc = doc_of(LAW)
    toc = doc.clause("目录")
    assert toc is not None and toc.scheme == "toc" and toc.children == []
    assert "第二节" in toc.text and "第三章" in toc.text
    assert ids(doc)[1:4] == ["第一章", "第一章.第一条", "第一章.第二条"]
    assert "第三章.第五条" in ids(doc)
    assert not any("numbering" in w for w in doc.metadata.warnings)


def test_sections_nest_in_chapters_and_a_new_chapter_closes_them():
    doc = doc_of(LAW)
    assert "第二章.第一节.第三条" in ids(doc)
    assert "第二章.第二节.第四条" in ids(doc)
    assert [c.id for c in doc.clause("第二章").children] == ["第二章.第一节", "第二章.第二节"]


def test_a_paragraph_after_the_items_is_a_kuan_of_the_article_not_part_of_the_last_item():
    doc = doc_of(LAW)
    article = doc.clause("第二章.第一节.第三条")
    assert [c.id.split(".")[-1] for c in article.children] == ["(一)", "(二)", "第二款"]
    assert doc.clause("第二章.第一节.第三条.(二)").text == "有专业人员。"
    assert doc.clause("第二章.第一节.第三条.第二款").text.startswith("申请人应当自受理之日起二十日内")


def test_article_number_on_a_line_of_its_own_takes_the_next_line_as_its_text():
    doc = doc_of(LAW)
    assert doc.clause("第二章.第二节.第四条").text.startswith("经营者违反本条例的")


def test_parts_and_subparts_nest_above_chapters_and_chapters_restart_in_each_part():
    text = (
        "某法典\n第一编 总则\n第一章 基本规定\n第一条 甲。\n第二章 主体\n第二条 乙。\n"
        "第二编 物权\n第一分编 通则\n第一章 一般规定\n第三条 丙。\n第二分编 所有权\n第二章 所有权\n第四条 丁。\n"
        "附　则\n第五条 戊。\n"
    )
    doc = doc_of(text)
    assert ids(doc) == [
        "第一编", "第一编.第一章", "第一编.第一章.第一条", "第一编.第二章", "第一编.第二章.第二条",
        "第二编", "第二编.第一分编", "第二编.第一分编.第一章", "第二编.第一分编.第一章.第三条",
        "第二编.第二分编", "第二编.第二分编.第二章", "第二编.第二分编.第二章.第四条",
        "附则", "附则.第五条",
    ]


def test_the_civil_code_segments_into_seven_parts_subparts_and_1260_articles():
    doc = read_document(ROOT / "benchmarks" / "data" / "civil-code.txt")
    schemes = [c.scheme for c in doc.walk()]
    assert schemes.count("part") == 7
    assert schemes.count("subpart") == 8
    assert schemes.count("article") == 1260
    assert [c.id for c in doc.clauses if c.scheme == "part"] == [f"第{n}编" for n in "一二三四五六七"]
    assert doc.clauses[-1].id == "附则" and len(doc.clauses[-1].children) == 2
    assert not any("numbering" in w for w in doc.metadata.warnings)


def test_show_prints_the_table_of_contents_as_one_block_and_the_body_as_the_tree():
    tree = render_tree(doc_of(LAW), color=False)
    lines = tree.split("\n")
    start = lines.index("目录")
    assert lines[start + 1 : start + 6] == ["  第一章 总 则", "  第二章 管 理", "  第一节 一般规定", "  第二节 特别规定", "  第三章 附 则"]
    assert any(line.startswith("  第一章.第一条") for line in lines)


def test_an_unchanged_law_with_a_table_of_contents_diffs_without_false_modified(tmp_path):
    from tracker.api import diff

    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(LAW, encoding="utf-8")
    new.write_text(LAW.replace("二十日内", "十五日内"), encoding="utf-8")
    result = diff(read_document(old), read_document(new))
    changed = [(c.change, c.old) for c in result.clauses if c.change != "unchanged"]
    assert changed == [("modified", "第二章.第一节.第三条.第二款")]
