"""``tracker report`` end to end on the seed documents: files in, one report file out."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from tracker.cli import cli
from tracker.cli.report import report_name

from conftest import seed_path


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def seeds():
    return str(seed_path("heilongjiang")), str(seed_path("youyi"))


def test_parent_report_is_written_to_one_html_file(tmp_path, seeds):
    province, county = seeds
    out = tmp_path / "youyi-vs-province.html"
    result = run("report", province, county, "--parent", "-o", str(out))
    assert result.exit_code == 0, result.output
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("#mode").get_text() == "县级方案 对照 省级措施"
    assert soup.select("table.compare tr.row")
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


def test_default_output_goes_under_reports_named_after_both_documents(tmp_path, seeds, monkeypatch):
    monkeypatch.chdir(tmp_path)
    province, county = seeds
    result = run("report", county, county)
    assert result.exit_code == 0, result.output
    expected = tmp_path / "reports" / (report_name(county, county) + ".html")
    assert expected.is_file() and f"wrote reports/{expected.name}" in result.output


def test_markdown_goes_to_stdout(seeds):
    province, county = seeds
    result = run("report", province, county, "--parent", "--format", "md")
    assert result.exit_code == 0 and result.output.startswith("# 县级方案 对照 省级措施")


def test_docx_is_written_and_refuses_stdout(tmp_path, seeds):
    province, county = seeds
    out = tmp_path / "t.docx"
    assert run("report", province, county, "--format", "docx", "-o", str(out)).exit_code == 0
    assert out.read_bytes()[:2] == b"PK"
    with pytest.raises(SystemExit) as exc:
        from tracker.cli import main
        main(["report", province, county, "--format", "docx", "-o", "-"])
    assert exc.value.code == 2


def test_all_builds_an_index_of_the_store_and_its_reports_folder(tmp_path, seeds, monkeypatch):
    monkeypatch.chdir(tmp_path)
    province, county = seeds
    assert CliRunner().invoke(cli, ["init", str(tmp_path)]).exit_code == 0
    run("report", province, county, "--parent", "-o", "reports/a.html")
    result = CliRunner().invoke(cli, ["report", "--all", "--store", str(tmp_path)])
    assert result.exit_code == 0, result.output
    soup = BeautifulSoup((tmp_path / "reports" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in soup.select("table.index-reports a")] == ["a.html"]


def test_report_names_are_safe_file_names():
    assert report_name("docs/草案 v1.docx", "heilongjiang/youyi@final") == "草案-v1__heilongjiang-youyi@final"


def test_report_help_shows_old_and_new_as_optional_since_all_takes_neither():
    usage = run("report", "--help").output.splitlines()[0]
    assert usage == "Usage: cli report [OPTIONS] [OLD NEW]"
