"""Clause alignment pins: renumbering is not a change, moves need order changes, splits and merges."""
from tracker.align import align_by_content, align_versions, in_order, Pairing
from tracker.normalise import normalise
from tracker.model import Clause

TEXTS = [
    "明确基本养老服务对象。到2025年，基本养老服务制度体系基本健全。",
    "完善落实基本养老服务清单。各乡镇各部门要尽职履职，对标对表清单。",
    "实行动态调整机制。逐步拓展基本养老服务内容，提高服务标准。",
    "建立精准服务主动响应机制。建立老年人状况统计调查和发布制度。",
    "加强基本养老服务机构建设。推进公办养老机构改革，提升护理能力。",
    "完善兜底保障制度。对特困老年人实行集中供养，落实最低生活保障。",
]


def flat(texts, prefix="二"):
    """Clauses numbered 1..n under one section, as the segmenter would number them."""
    return [Clause(id=f"{prefix}.{k + 1}", label=str(k + 1), title=t.split("。")[0] + "。", text=t, scheme="arabic") for k, t in enumerate(texts)]


def changes(al):
    return [(p.change, [al.old[i].id for i in p.old], [al.new[j].id for j in p.new], p.rule) for p in al.pairs]


def test_normalise_drops_width_space_and_punctuation_differences():
    assert normalise("到 2025 年，护理型床位占比达到75％以上。") == normalise("到2025年,护理型床位占比达到75%以上")


def test_renumbering_alone_is_not_a_change():
    new = flat(["新增一条：推进智慧养老服务平台建设，整合各类数据资源。"] + TEXTS)
    al = align_versions(flat(TEXTS), new)
    kinds = {p.change for p in al.pairs}
    assert kinds == {"unchanged"}
    assert ("unchanged", ["二.1"], ["二.2"], "exact") in changes(al)
    assert list(al.unpaired_new) == [0]


def test_moved_only_when_order_changed_relative_to_neighbours():
    moved = TEXTS[1:5] + [TEXTS[0]] + TEXTS[5:]
    al = align_versions(flat(TEXTS), flat(moved))
    got = {(p.change, al.old[p.old[0]].id) for p in al.pairs}
    assert ("moved", "二.1") in got
    assert sum(1 for p in al.pairs if p.change == "moved") == 1


def test_moved_across_sections_with_edited_text():
    old = flat(TEXTS[:3], "二") + flat(TEXTS[3:], "三")
    edited = TEXTS[0].replace("基本健全", "全面健全")
    new = flat(TEXTS[1:3], "二") + flat(TEXTS[3:5] + [edited] + TEXTS[5:], "三")
    al = align_versions(old, new)
    row = [c for c in changes(al) if c[1] == ["二.1"]]
    assert len(row) == 1 and row[0][:3] == ("moved", ["二.1"], ["三.3"]) and row[0][3] in {"label", "move"}


def test_modified_clause_is_paired_in_place_with_its_similarity():
    new = list(TEXTS)
    new[2] = "实行动态调整机制。根据经济社会发展水平，逐步拓展基本养老服务内容。"
    al = align_versions(flat(TEXTS), flat(new))
    p = next(p for p in al.pairs if p.old == [2])
    assert p.change == "modified" and p.new == [2]
    assert 0 < p.similarity < 1 and p.rule in {"label", "structural", "fuzzy"}


def test_heavily_rewritten_clause_with_same_lead_sentence_is_still_paired_by_label():
    new = list(TEXTS)
    new[3] = "建立精准服务主动响应机制。依托大数据平台，定期开展老年人能力综合评估，做到精准识别、主动发现。"
    new.insert(1, "强化组织领导。各地区要把养老服务体系建设纳入重要议事日程。")
    al = align_versions(flat(TEXTS), flat(new))
    p = next(p for p in al.pairs if p.old == [3])
    assert (p.rule, p.change, p.new) == ("label", "modified", [4])


def test_split_clause_pairs_one_old_with_consecutive_new():
    long_ = TEXTS[4] + "鼓励社会力量参与，支持连锁化、品牌化运营。"
    old = flat(TEXTS[:4] + [long_] + TEXTS[5:])
    new = flat(TEXTS[:4] + [TEXTS[4], "鼓励社会力量参与，支持连锁化、品牌化运营。"] + TEXTS[5:])
    al = align_versions(old, new)
    p = next(p for p in al.pairs if 4 in p.old)
    assert p.change == "split" and p.new == [4, 5]


def test_merged_clauses_pair_several_old_with_one_new():
    new = flat(TEXTS[:2] + [TEXTS[2] + TEXTS[3]] + TEXTS[4:])
    al = align_versions(flat(TEXTS), new)
    p = next(p for p in al.pairs if 2 in p.old)
    assert p.change == "merged" and p.old == [2, 3]


def test_unrelated_replacement_is_removed_and_added_not_paired():
    new = list(TEXTS)
    new[3] = "加快发展银发经济。培育老年用品市场，发展适老化改造产业。"
    al = align_versions(flat(TEXTS), flat(new))
    assert 3 in al.unpaired_old and 3 in al.unpaired_new
    assert not any(3 in p.old for p in al.pairs)


def test_far_weak_match_is_not_claimed_as_a_move():
    weak = TEXTS[0][:14] + "并不断完善服务保障机制，逐步扩大覆盖范围。"
    new = flat(TEXTS[1:] + [weak])
    al = align_versions(flat(TEXTS), new)
    assert not any(p.change == "moved" for p in al.pairs)


def test_in_order_keeps_the_longest_chain():
    pairs = [Pairing([0], [1], "exact", 1, 1), Pairing([1], [2], "exact", 1, 1), Pairing([2], [0], "exact", 1, 1)]
    assert in_order(pairs) == {0, 1}


def test_parent_clause_gets_several_child_clauses_by_content():
    parent = [Clause("三.(六)", "（六）", "提升机构护理能力。", "提升机构护理能力。到2029年全省养老机构护理型床位占比达到75%以上，推进医养结合，支持养老机构内设医疗机构。", "paren")]
    child = flat([
        "加强组织领导。成立工作专班。",
        "提升护理型床位占比。到2025年，全县养老机构护理型床位占比达到55%。",
        "推进医养结合。支持养老机构内设医疗机构，与医疗机构签约合作。",
        "加强人才队伍建设。开展养老护理员培训。",
    ])
    al = align_by_content(parent, child)
    p = al.pairs[0]
    assert p.old == [0] and p.new == [1, 2] and p.change == "split" and p.rule == "content"


def test_long_clause_absorbing_a_short_neighbour_is_merged_though_still_similar_to_itself():
    # the merged clause keeps its lead sentence and resembles its old self (≥ 0.85): it must still be a merge
    long_ = TEXTS[4] + "推动公建民营改革，引导社会力量参与公办养老机构运营，提升服务质量和运营效率，强化安全监管。" * 2
    short = "推进无障碍环境建设。优化老年人出行环境。"
    old = flat(TEXTS[:4] + [long_, short] + TEXTS[5:])
    new = flat(TEXTS[:4] + [long_ + short] + TEXTS[5:])
    al = align_versions(old, new)
    p = next(p for p in al.pairs if 4 in p.old)
    assert p.change == "merged" and p.old == [4, 5] and p.new == [4]
    assert not al.unpaired_old


def test_edited_clause_next_to_a_removed_one_is_not_a_merge():
    # the removed neighbour's words are nowhere in the new clause: modified + removed, not merged
    edited = TEXTS[2].replace("提高服务标准", "提高服务水平")
    new = flat(TEXTS[:2] + [edited] + TEXTS[4:])
    al = align_versions(flat(TEXTS), new)
    p = next(p for p in al.pairs if 2 in p.old)
    assert p.change == "modified" and p.old == [2]
    assert 3 in al.unpaired_old


def test_a_shortened_clause_next_to_an_unrelated_new_one_is_not_called_a_split(tmp_path):
    from tracker.api import diff, read_document

    head = "某市老旧小区改造方案\n一、改造内容\n（一）基础类改造。主要包括：\n"
    old = head + "①燃气管道更新，完成老化燃气管道更新改造35公里；\n②小区道路和照明设施修缮，改造后道路完好率达到95%以上，并同步完成消防通道标识施划。\n"
    new = head + ("①燃气管道更新，完成老化燃气管道更新改造35公里；\n②小区道路和照明设施修缮，改造后道路完好率达到95%以上；\n"
                  "③新建公共停车位200个，增设电动自行车充电设施，2025年底前完成。\n")
    (tmp_path / "a.txt").write_text(old, encoding="utf-8")
    (tmp_path / "b.txt").write_text(new, encoding="utf-8")
    changes = {c.change for c in diff(read_document(tmp_path / "a.txt"), read_document(tmp_path / "b.txt")).clauses}
    assert "split" not in changes and {"modified", "added"} <= changes


def test_repeated_identical_clauses_pair_in_order_when_both_sides_hold_them_equally_often():
    """A plan pasted twice (or a table of identical rows) is not every clause removed and added."""
    texts = TEXTS * 3
    al = align_versions(flat(texts), flat(texts))
    assert {(p.change, p.rule) for p in al.pairs} == {("unchanged", "exact")}
    assert [(p.old, p.new) for p in al.pairs] == [([k], [k]) for k in range(len(texts))]
    assert not al.unpaired_old and not al.unpaired_new


def test_a_repeated_clause_edited_in_one_copy_is_paired_in_place_not_by_count():
    """Unequal counts (one copy edited) leave that text to the passes that look at position."""
    texts = TEXTS * 3
    edited = list(texts)
    edited[9] = texts[9].replace("统计调查", "统计监测")
    al = align_versions(flat(texts), flat(edited))
    assert [(p.old, p.new) for p in al.pairs] == [([k], [k]) for k in range(len(texts))]
    assert [p.change for p in al.pairs if p.change != "unchanged"] == ["modified"]
    assert next(p for p in al.pairs if p.change == "modified").old == [9]
