"""Metadata read from the seed texts themselves."""
from __future__ import annotations


def test_youyi_draft_status_level_and_the_three_documents_it_implements(seed_documents):
    meta = seed_documents["youyi"].metadata
    assert meta.title == "友谊县关于推进基本养老服务体系建设的实施方案"
    assert meta.status == "draft"
    assert meta.level == "county"
    assert [ref.split("（")[-1] for ref in meta.implements] == ["中办发〔2022〕42号）", "黑办发〔2023〕20号）", "双政办规〔2024〕3号）"]


def test_weihai_number_date_level_and_cited_parent(seed_documents):
    meta = seed_documents["weihai"].metadata
    assert meta.number == "威政办字〔2025〕1号"
    assert meta.date == "2025-01-05"
    assert meta.level == "city"
    assert meta.implements == ["《山东省养老服务高质量发展三年行动计划（2024—2026年）》（鲁政办字〔2023〕207号）"]


def test_weihai_injected_spam_is_reported_with_its_count_and_kept(seed_documents):
    doc = seed_documents["weihai"]
    warning = next(w for w in doc.metadata.warnings if "injected" in w)
    assert "懂球帝官网，懂球帝直播" in warning and "9 times" in warning
    assert doc.text.count("懂球帝官网，懂球帝直播") == 9


def test_heilongjiang_forwarded_title_issuer_date_and_truncation_warning(seed_documents):
    meta = seed_documents["heilongjiang"].metadata
    assert meta.title == "黑龙江省深化养老服务改革发展的若干措施"
    assert meta.issuer == "黑龙江省老龄工作委员会"
    assert meta.date == "2025-04-02"
    assert meta.level == "province"
    assert meta.implements == ["《中共中央、国务院关于深化养老服务改革发展的意见》"]
    assert any("10 pages" in w for w in meta.warnings)
    assert any("mid-sentence" in w for w in meta.warnings)


def test_qitaihe_own_number_is_not_mistaken_for_the_cited_one(seed_documents):
    meta = seed_documents["qitaihe"].metadata
    assert meta.number == "七政办规〔2020〕7号"
    assert meta.issuer == "七台河市人民政府办公室"
    assert meta.implements == ["《黑龙江省人民政府办公厅关于推进养老服务发展的实施意见》（黑政办规〔2020〕8号）"]


def test_xinjiang_issuer_from_news_lead_and_date_from_page(seed_documents):
    meta = seed_documents["xinjiang"].metadata
    assert meta.title == "关于积极应对人口老龄化全面深化养老服务改革发展的实施方案"
    assert meta.issuer == "自治区党委、自治区人民政府"
    assert meta.level == "province"
    assert meta.date == "2025-09-16"


def test_a_forwarding_notice_does_not_make_the_document_its_own_parent(seed_documents):
    meta = seed_documents["xinjiang"].metadata
    assert meta.title not in "".join(meta.implements)
