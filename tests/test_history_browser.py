"""The history page in a real browser (headless Chromium): the inline SVG charts draw under the
page's Content-Security-Policy, carry the label colours of the page's own CSS, and print on A4.

Skipped only when Debian's chromium / chromedriver are missing (.ci/install-browser.sh).
"""
from __future__ import annotations

import base64
import io
import logging
from pathlib import Path

import pytest

from test_report_browser import driver, nfkc, pytestmark, screenshot_dir  # noqa: F401  (the driver fixture)
from tracker.history import chain
from tracker.pipeline import diff, extract_targets, read_document
from tracker.render.history import render_history_html

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FILES = ["youyi-county-basic-elderly-care-plan-draft.txt", "youyi-county-basic-elderly-care-plan-final-synthetic.txt",
         "youyi-county-basic-elderly-care-plan-amended-synthetic.txt"]
REFS = [f"youyi@{label}" for label in ("draft", "final", "amended")]


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    docs = [read_document(EXAMPLES / name) for name in FILES]
    targets = [extract_targets(doc) for doc in docs]
    diffs = [diff(docs[i], docs[i + 1], old_ref=REFS[i], new_ref=REFS[i + 1], old_targets=targets[i],
                  new_targets=targets[i + 1]) for i in range(2)]
    history = chain(REFS, diffs, title=docs[-1].metadata.title, doc_id="youyi")
    path = tmp_path_factory.mktemp("history") / "history.html"
    path.write_text(render_history_html(history), encoding="utf-8")
    return path


def test_charts_draw_under_the_policy_with_the_label_colours(driver, page, tmp_path):
    driver.get(page.as_uri())
    charts = driver.find_elements("css selector", "svg.spark")
    assert len(charts) >= 4
    for chart in charts:
        assert chart.size["width"] > 100 and chart.size["height"] > 50  # laid out, not collapsed
    # the page's stylesheet applied (its hash is in the policy): a tightened point takes the tightened colour
    colour = driver.execute_script(
        "return getComputedStyle(document.querySelector('svg.spark circle.lbl-tightened')).color")
    tightened = driver.execute_script(
        "return getComputedStyle(document.querySelector('.badge.lbl-tightened')).color")
    assert colour == tightened and colour not in ("rgb(0, 0, 0)", "")
    labels = [t.text for t in driver.find_elements("css selector", "svg.spark text.pl")]
    assert {"55%", "60%", "65%"} <= set(labels)
    driver.set_window_size(1400, 1600)
    path = screenshot_dir(tmp_path) / "history.png"
    assert driver.save_screenshot(str(path)) and path.stat().st_size > 10_000


def test_history_page_prints_on_a4_with_its_charts(driver, page, tmp_path):
    import pdfplumber
    from selenium.webdriver.common.print_page_options import PrintOptions

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    driver.get(page.as_uri())
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    options.background = True
    pdf = base64.b64decode(driver.print_page(options))
    (screenshot_dir(tmp_path) / "history.pdf").write_bytes(pdf)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = nfkc("".join(p.extract_text() or "" for p in doc.pages))
        for p in doc.pages:
            assert abs(p.width - 595) < 3
            assert all(w["x1"] <= p.width + 0.5 for w in p.extract_words())  # nothing cut at the right edge
        lines = sum(len(p.lines) + len(p.curves) for p in doc.pages)
    assert "护理型床位占比" in text and "65%" in text  # a chart's point label is printed text
    assert lines > 0  # the charts' strokes are on paper
