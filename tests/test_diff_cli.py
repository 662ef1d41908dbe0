"""The diff command: a thin layer over tracker.api.diff, JSON per the contract, one-line errors."""
import json

from click.testing import CliRunner

from tracker.cli import cli

PLAN = """友谊县养老服务实施方案
一、重点工作
1.提升护理能力。到2025年，全县养老机构护理型床位占比达到55%。
2.发展家庭养老床位。到2025年，全县家庭养老床位达到200张。
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_json_output_follows_the_contract_and_counts_every_label(tmp_path):
    old = write(tmp_path, "old.txt", PLAN)
    new = write(tmp_path, "new.txt", PLAN.replace("1.提升", "1.加强组织领导。成立专班。\n2.提升").replace("2.发展", "3.发展").replace("55%", "60%"))
    result = CliRunner().invoke(cli, ["diff", old, new, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["schema"] == "tracker.diff/1" and data["mode"] == "version"
    assert set(data["summary"]) == {"tightened", "loosened", "dropped", "added", "mixed", "changed", "unchanged"}
    rows = {(c["change"], c["old"], c["new"]) for c in data["clauses"]}
    assert ("unchanged", "一.2", "一.3") in rows  # renumbered only
    assert ("modified", "一.1", "一.2") in rows
    assert data["summary"]["tightened"] == 1


def test_text_output_has_counts_then_one_line_per_target_change_without_colour_in_a_pipe(tmp_path):
    old = write(tmp_path, "old.txt", PLAN)
    new = write(tmp_path, "new.txt", PLAN.replace("2025年，全县养老机构", "2026年，全县养老机构"))
    result = CliRunner().invoke(cli, ["diff", old, new])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1].startswith("tightened 0  loosened 1")
    assert any(line.strip().startswith("loosened") and "一.1" in line for line in lines)
    assert "\x1b[" not in result.output


def test_parent_flag_switches_to_parent_mode(tmp_path):
    province = write(tmp_path, "p.txt", "黑龙江省若干措施\n一、重点任务\n（一）提升机构护理能力。到2029年年底，全省养老机构护理型床位占比达到75%以上。\n")
    result = CliRunner().invoke(cli, ["diff", province, write(tmp_path, "c.txt", PLAN), "--parent", "--format", "json"])
    data = json.loads(result.output)
    assert data["mode"] == "parent"
    assert [t["change"] for t in data["targets"] if t["old"]] == ["mixed"]


def test_missing_file_is_one_line_error_exit_2(tmp_path):
    from tracker.cli import main

    import pytest

    with pytest.raises(SystemExit) as exc:
        main(["diff", str(tmp_path / "nope.txt"), str(tmp_path / "nope2.txt")])
    assert exc.value.code == 2


def test_reasons_come_in_chinese_in_text_and_both_languages_in_json(tmp_path):
    old = write(tmp_path, "old.txt", PLAN)
    new = write(tmp_path, "new.txt", PLAN.replace("到2025年，全县养老机构", "到2026年，全县养老机构").replace("55%", "60%"))
    text = CliRunner().invoke(cli, ["diff", old, new])
    assert "数值 55% → 60%：目标值类指标数值提高，要求收紧" in text.output  # 达到55% is a target value (=)
    assert "期限 2025年12月31日 → 2026年12月31日：期限推后，要求放宽" in text.output
    english = CliRunner().invoke(cli, ["diff", old, new, "--lang", "en"])
    assert "deadline 2025-12-31 → 2026-12-31: later is looser" in english.output
    data = json.loads(CliRunner().invoke(cli, ["diff", old, new, "--format", "json"]).output)
    [change] = [t for t in data["targets"] if t["change"] != "unchanged"]
    assert change["change"] == "mixed"
    assert len(change["reasons"]) == len(change["reasons_zh"]) == 2
    assert change["reasons"][1] == "deadline 2025-12-31 → 2026-12-31: later is looser"
    assert change["reasons_zh"][1] == "期限 2025年12月31日 → 2026年12月31日：期限推后，要求放宽"


def test_terminal_diff_explains_its_pairing_rules_and_names_the_draft():
    from pathlib import Path

    from click.testing import CliRunner

    from tracker.cli.diff import diff

    examples = Path(__file__).resolve().parent.parent / "examples"
    out = CliRunner().invoke(diff, [str(examples / "youyi-county-basic-elderly-care-plan-draft.txt"),
                                    str(examples / "youyi-county-basic-elderly-care-plan-final-synthetic.txt")]).output
    assert out.splitlines()[0].startswith("version diff: 友谊县关于推进基本养老服务体系建设的实施方案（征求意见稿） →")
    assert "paired by: [exact] 文字相同" in out


def test_the_garbage_collector_is_paused_during_a_diff_and_restored_after_it_even_on_failure(tmp_path, monkeypatch):
    import gc

    from tracker import pipeline

    seen = []
    real = pipeline.diff
    monkeypatch.setattr(pipeline, "diff", lambda *a, **k: (seen.append(gc.isenabled()), real(*a, **k))[1])
    monkeypatch.setattr("tracker.api.diff", pipeline.diff)
    old, new = write(tmp_path, "a.txt", PLAN), write(tmp_path, "b.txt", PLAN.replace("60%", "65%"))
    assert CliRunner().invoke(cli, ["diff", old, new]).exit_code == 0
    assert seen == [False] and gc.isenabled()
    assert CliRunner().invoke(cli, ["diff", old, str(tmp_path / "missing.txt")]).exit_code != 0
    assert gc.isenabled()


def test_the_terminal_diff_reads_the_same_whether_or_not_unchanged_rows_were_built():
    """Without --all the terminal skips unchanged clauses with no note: their rows are not built at all."""
    from pathlib import Path

    from tracker.api import diff, read_document
    from tracker.render.terminal import render_diff
    from tracker.render.view import build_view

    examples = Path(__file__).resolve().parent.parent / "examples"
    fewer = []
    for old, new, mode in (("youyi-county-basic-elderly-care-plan-draft.txt", "youyi-county-basic-elderly-care-plan-final-synthetic.txt", "version"),
                           ("heilongjiang-2025-elderly-care-reform-measures.txt", "heilongjiang-2025-elderly-care-reform-measures-revised-synthetic.txt", "version"),
                           ("heilongjiang-2025-elderly-care-reform-measures.txt", "jixian-county-elderly-care-measures-synthetic.txt", "parent")):
        result = diff(read_document(examples / old), read_document(examples / new), mode)
        whole = render_diff(build_view(result, inline=False), color=False)
        assert render_diff(build_view(result, inline=False, unchanged_rows=False), color=False) == whole
        fewer.append(len(build_view(result, inline=False, unchanged_rows=False).rows) < len(build_view(result, inline=False).rows))
    assert fewer[:2] == [True, True]  # the revisions have unchanged clauses; the parent pair has none
