"""The audit matrix in a real browser: sticky header row and first column, filters, links to the children's reports."""
from __future__ import annotations

import base64
import io
import logging
from pathlib import Path
from urllib.parse import unquote

import pytest

from corpus_support import git_identity
from test_report_browser import driver, nfkc, pytestmark, screenshot_dir  # noqa: F401  (shared fixture and marks)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PROVINCE = "heilongjiang/elderly-care-reform-measures-2025@final"


@pytest.fixture(scope="module")
def audit_page(tmp_path_factory):
    from tracker.demo import run_demo

    root = tmp_path_factory.mktemp("store")
    with git_identity():
        result = run_demo(root, EXAMPLES, echo=lambda _: None)
    from tracker.corpus.audit import audit

    return result.audits[0], audit(PROVINCE, root=root, jobs=1, progress=False)


@pytest.fixture()
def page(driver, audit_page):  # noqa: F811
    path, audited = audit_page
    driver.set_window_size(1400, 1000)
    driver.get(path.as_uri())
    return driver, audited


def rect(driver, element) -> dict:
    return driver.execute_script("return arguments[0].getBoundingClientRect().toJSON();", element)


def shown_rows(driver):
    return [r for r in driver.find_elements("css selector", "table.matrix tbody tr.mrow") if r.is_displayed()]


def test_header_row_and_first_column_stay_in_place_while_the_matrix_scrolls(page, tmp_path):
    driver, _ = page
    driver.set_window_size(640, 700)  # narrower than the matrix, so it scrolls both ways
    wrap = driver.find_element("css selector", ".matrix-wrap")
    header = driver.find_elements("css selector", "table.matrix thead th.child")[-1]
    first = driver.find_elements("css selector", "table.matrix tbody th.target")[-1]
    size = driver.execute_script("return [arguments[0].scrollWidth - arguments[0].clientWidth,"
                                 " arguments[0].scrollHeight - arguments[0].clientHeight];", wrap)
    assert size[0] > 100 and size[1] > 100
    driver.execute_script("arguments[0].scrollTo(arguments[1], arguments[2]);", wrap, size[0], size[1])
    box = rect(driver, wrap)
    assert abs(rect(driver, header)["top"] - box["top"]) <= 2  # the header row is still at the top
    assert abs(rect(driver, first)["left"] - box["left"]) <= 2  # the first column is still at the left
    corner = driver.find_element("css selector", "table.matrix thead th.corner")
    assert abs(rect(driver, corner)["top"] - box["top"]) <= 2 and abs(rect(driver, corner)["left"] - box["left"]) <= 2
    driver.save_screenshot(str(screenshot_dir(tmp_path) / "audit-scrolled.png"))


def test_label_filter_keeps_exactly_the_targets_some_child_does_not_carry(page):
    driver, audited = page
    for box in driver.find_elements("css selector", "input.f-label"):
        if box.get_attribute("value") != "dropped":
            box.click()
    rows = shown_rows(driver)
    expected = [k for k, row in enumerate(audited.rows) if any(c.change == "dropped" for c in row.cells)]
    assert [r.get_attribute("id") for r in rows] == [f"t-{k + 1}" for k in expected]
    for row in rows:
        visible = [c for c in row.find_elements("css selector", "td.cell") if c.find_element("css selector", ".badge").is_displayed()]
        assert visible and all(c.get_attribute("data-change") == "dropped" for c in visible)
    assert driver.find_element("id", "shown").text == f"显示 {len(expected)} / {len(audited.rows)} 项指标"


def test_child_filter_shows_one_column(page):
    from selenium.webdriver.support.ui import Select

    driver, audited = page
    jixian = audited.children[1].ref
    Select(driver.find_element("id", "f-child")).select_by_value(jixian)
    headers = [h for h in driver.find_elements("css selector", "table.matrix thead th.child") if h.is_displayed()]
    assert [h.get_attribute("data-child") for h in headers] == [jixian]
    cells = [c for c in driver.find_elements("css selector", "table.matrix td.cell") if c.is_displayed()]
    assert cells and {c.get_attribute("data-child") for c in cells} == {jixian}
    assert len(shown_rows(driver)) == len(audited.rows)


def test_a_cell_link_opens_the_childs_report_at_its_clause(page):
    driver, audited = page
    k = next(k for k, row in enumerate(audited.rows) if row.cells[0].change == "tightened")
    child_clause = audited.rows[k].cells[0].target.clause
    driver.find_element("css selector", f"tr#t-{k + 1} td.cell a").click()
    assert "/audit-heilongjiang-elderly-care-reform-measures-2025@final/" in driver.current_url
    assert unquote(driver.current_url).endswith("#new-" + child_clause)
    assert "宝清县" in driver.title or "宝清县" in driver.find_element("css selector", ".doc-new .title").text
    assert driver.find_element("id", f"new-{child_clause}").is_displayed()


def test_printed_matrix_fits_a3_landscape_with_every_child(page, tmp_path):
    import pdfplumber
    from selenium.webdriver.common.print_page_options import PrintOptions

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    driver, audited = page
    options = PrintOptions()
    options.page_width, options.page_height = 42.0, 29.7
    options.background = True
    pdf = base64.b64decode(driver.print_page(options))
    (screenshot_dir(tmp_path) / "audit.pdf").write_bytes(pdf)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for p in doc.pages:
            assert abs(p.width - 1190.5) < 3 and abs(p.height - 842) < 3  # A3 landscape in points
            assert all(w["x1"] <= p.width + 0.5 for w in p.extract_words())
        text = nfkc("".join((p.extract_text() or "").replace("\n", "") for p in doc.pages))
    for word in ("宝清县", "集贤县", "友谊县", "指标落实矩阵", "总量汇总"):
        assert word in text
    assert f"{len(audited.rows)}/{len(audited.rows)}项指标" not in text.replace(" ", "")  # the filter bar is not printed
