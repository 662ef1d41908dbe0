"""The HTML report in a real browser: headless Chromium driven by Selenium.

Skipped only when Debian's chromium / chromedriver are not installed
(.ci/install-browser.sh installs them in CI). Screenshots go to a temporary
folder (or $TRACKER_SCREENSHOT_DIR) for a human to look at.
"""
from __future__ import annotations

import base64
import io
import logging
import os
import unicodedata
from pathlib import Path

import pytest

from test_render_fixtures import clause, hostile_result, version_result
from tracker.jsonio import diff_to_dict
from tracker.model import ClauseChange
from tracker.render import render_html

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)),
                       reason="needs Debian's chromium and chromium-driver (.ci/install-browser.sh)"),
]

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,1000")


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield browser
    browser.quit()


def long_result():
    """The 友谊县 fixture plus a section of five unchanged clauses, so a run folds."""
    result, old, new = version_result()
    extra = [clause(f"四.({n})", f"（{n}）", f"第{n}项未变的工作要求：各相关单位要按照职责分工，明确落实措施和进度安排。")
             for n in "一二三四五"]
    for doc in (old, new):
        doc.clauses.append(clause("四", "四", "其他事项", extra))
    result.clauses.append(ClauseChange("unchanged", "四", "四", 1.0, "其他事项", "其他事项"))
    result.clauses.extend(ClauseChange("unchanged", c.id, c.id, 1.0, c.text, c.text) for c in extra)
    return result, old, new


@pytest.fixture()
def report(tmp_path, driver):
    result, old, new = long_result()
    path = tmp_path / "report.html"
    path.write_text(render_html(result, old, new), encoding="utf-8")
    driver.get(path.as_uri())
    return driver, result


def visible_rows(driver):
    return [r for r in driver.find_elements("css selector", "table.compare tr.row") if r.is_displayed()]


def screenshot_dir(tmp_path) -> Path:
    target = os.environ.get("TRACKER_SCREENSHOT_DIR")
    return Path(target) if target else tmp_path


def test_dashboard_counts_match_the_json_diff(report):
    driver, result = report
    shown = {el.get_attribute("data-count"): int(el.text)
             for el in driver.find_elements("css selector", "[data-count]")}
    assert shown == diff_to_dict(result)["summary"]


def test_only_changed_filter_hides_every_unchanged_row(report, tmp_path):
    driver, result = report
    all_rows = driver.find_elements("css selector", "table.compare tr.row")
    changed = [r for r in all_rows if r.get_attribute("data-change") != "unchanged"]
    assert len(visible_rows(driver)) < len(all_rows)  # the unchanged run starts folded
    driver.find_element("css selector", "label[for], .toolbar label").click()  # 只看有变化的条款
    assert driver.find_element("id", "f-changed").is_selected()
    shown = visible_rows(driver)
    assert [r.get_attribute("id") for r in shown] == [r.get_attribute("id") for r in changed]
    assert all(r.get_attribute("data-change") != "unchanged" for r in shown)
    assert driver.find_element("id", "shown").text == f"显示 {len(changed)} / {len(all_rows)} 行"
    driver.save_screenshot(str(screenshot_dir(tmp_path) / "report-only-changed.png"))


def test_only_targets_filter_keeps_rows_holding_targets(report):
    driver, _ = report
    driver.find_element("id", "f-targets").click()
    shown = visible_rows(driver)
    assert shown and all(int(r.get_attribute("data-targets")) > 0 for r in shown)
    expected = [r for r in driver.find_elements("css selector", "table.compare tr.row")
                if int(r.get_attribute("data-targets")) > 0]
    assert len(shown) == len(expected)


def test_folded_unchanged_clauses_expand_on_click(report):
    driver, _ = report
    folded = driver.find_element("id", "new-四.(三)")
    assert not folded.is_displayed()
    driver.find_element("css selector", "tbody.run-unchanged tr.fold button").click()
    assert folded.is_displayed()


def test_a_permalink_to_a_folded_clause_opens_it(report):
    driver, _ = report
    driver.get(driver.current_url.split("#")[0] + "#new-四.(四)")
    assert driver.find_element("id", "new-四.(四)").is_displayed()


def test_screenshot_of_the_report(report, tmp_path):
    driver, _ = report
    driver.set_window_size(1400, 2400)
    path = screenshot_dir(tmp_path) / "report.png"
    assert driver.save_screenshot(str(path)) and path.stat().st_size > 10_000


def test_hostile_document_script_never_runs(tmp_path, driver):
    from selenium.common.exceptions import NoAlertPresentException

    result, old, new = hostile_result()
    path = tmp_path / "hostile.html"
    path.write_text(render_html(result, old, new), encoding="utf-8")
    driver.get(path.as_uri())
    title = driver.title
    assert "pwned" not in title.replace("document.title='pwned'", "")
    assert title.startswith("</title><script>")  # the metadata title, shown as text
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text
    leaf = driver.find_element("id", "new-二.(五).17").text
    assert "<script>document.title='pwned';alert(1)</script>" in leaf
    assert driver.execute_script("return document.querySelectorAll('img, [onerror]').length") == 0
    csp = driver.execute_script(
        "return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content")
    assert "default-src 'none'" in csp
    # the report's own script did run under that policy
    assert driver.execute_script("return document.documentElement.classList.contains('js')")


def test_printed_report_fits_a4_and_keeps_the_right_column(report, tmp_path):
    import pdfplumber
    from selenium.webdriver.common.print_page_options import PrintOptions

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # CID fonts without FontBBox: noise only
    driver, _ = report
    driver.find_element("id", "expand-all").click()
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    options.background = True
    pdf = base64.b64decode(driver.print_page(options))
    (screenshot_dir(tmp_path) / "report.pdf").write_bytes(pdf)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert len(doc.pages) >= 2
        texts = [nfkc(page.extract_text() or "") for page in doc.pages]
        for page in doc.pages:
            assert abs(page.width - 595) < 3  # A4 portrait in points
            assert all(w["x1"] <= page.width + 0.5 for w in page.extract_words())
        first = next(i for i, t in enumerate(texts) if "新旧对照表" in t)
        # the right-hand column starts where the repeated header's 修改后 starts on the next page
        header = next(w for w in doc.pages[first + 1].extract_words() if nfkc(w["text"]).startswith("修改后"))
        right = "".join(nfkc(c["text"]) for page in doc.pages for c in page.chars if c["x0"] >= header["x0"] - 1)
    # text that only the right-hand (修改后) column holds made it onto paper, unclipped
    for new_only in ("纳入年度考核", "评估结果全县互认", "特殊困难老年人居家适老化改造不少于200"):
        assert new_only in right
    joined = "".join(t.replace("\n", "") for t in texts)
    assert "只看有变化的条款" not in joined  # filters are not printed
    for text in texts[first + 1:]:  # the header row repeats on every page the table continues onto
        head = text.split("\n")[:3]
        assert any("修改前" in line and "修改后" in line for line in head), head


def nfkc(text: str) -> str:
    """PDF text often maps CJK characters to Kangxi radicals (⽂ for 文); NFKC folds them back.

    (Not all: 户 comes back as the radical 戶, so expected strings avoid it.)
    """
    return unicodedata.normalize("NFKC", text)
