"""reports/index.html from plain data, and reading reports back for it."""
from __future__ import annotations

from bs4 import BeautifulSoup

from test_render_fixtures import version_result
from tracker.render import render_html
from tracker.render.index import IndexDocument, IndexReport, IndexVersion, render_index, scan_reports


def test_index_lists_documents_with_versions_and_parent_link():
    docs = [
        IndexDocument("heilongjiang/measures", "黑龙江省深化养老服务改革发展的若干措施", level="province",
                      versions=[IndexVersion("final", "2025-04-02")]),
        IndexDocument("heilongjiang/youyi/plan", "友谊县关于推进基本养老服务体系建设的实施方案", level="county",
                      parent="heilongjiang/measures",
                      versions=[IndexVersion("draft", "2024-06-01"), IndexVersion("final", "2024-09-20")]),
    ]
    soup = BeautifulSoup(render_index(docs, []), "html.parser")
    rows = soup.select("table.index-docs tbody tr")
    assert len(rows) == 2
    assert rows[1].select_one("a")["href"] == "#doc-heilongjiang/measures"
    assert soup.find(id="doc-heilongjiang/measures") is not None
    assert [li.get_text() for li in rows[1].select("li")] == ["draft · 2024-06-01", "final · 2024-09-20"]
    assert "县级" in rows[1].get_text() and "省级" in rows[0].get_text()


def test_index_finds_generated_reports_and_skips_itself(tmp_path):
    result, old, new = version_result()
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "youyi.html").write_text(render_html(result, old, new), encoding="utf-8")
    (tmp_path / "index.html").write_text(render_index([], []), encoding="utf-8")
    (tmp_path / "notes.html").write_text("<html><head><title>x</title></head></html>", encoding="utf-8")
    reports = scan_reports(tmp_path)
    assert [r.href for r in reports] == ["sub/youyi.html"]
    assert reports[0].old_ref == "youyi@1" and reports[0].counts["dropped"] == 1
    soup = BeautifulSoup(render_index([], reports), "html.parser")
    link = soup.select_one("table.index-reports a")
    assert link["href"] == "sub/youyi.html" and "友谊县" in link.get_text()
    assert "删除 1" in soup.select_one("table.index-reports").get_text()


def test_index_escapes_titles_and_runs_no_script():
    docs = [IndexDocument("x/y", "<script>alert(1)</script>", parent="<img src=x onerror=alert(2)>")]
    reports = [IndexReport("a.html", "version", "<b>旧</b>", "a", "<i>新</i>", "b", {})]
    html = render_index(docs, reports)
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all("script") and not soup.find_all("img") and not soup.find_all(["b", "i"])
    assert "script-src 'none'" in soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]


def test_empty_index_says_what_to_do():
    text = BeautifulSoup(render_index([], []), "html.parser").get_text()
    assert "还没有文件" in text and "tracker report OLD NEW" in text


def test_parent_mode_reports_say_not_carried_rather_than_deleted_in_the_index():
    from tracker.render.index import IndexReport, render_index

    page = render_index([], [IndexReport(href="a.html", mode="parent", old_title="省", old_ref="p", new_title="县", new_ref="c",
                                         counts={"dropped": 3})])
    assert "未落实 3" in page and "删除 3" not in page
