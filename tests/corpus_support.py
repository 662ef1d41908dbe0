"""Small authored corpora for the audit, roll-up and impact tests: a province and its counties."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from store_support import IDENTITY

PROVINCE = "mou/elderly-care-plan"

PROVINCE_V1 = """某省养老服务体系建设实施方案
一、主要目标
（一）到2027年年底，全省家庭养老床位总量达到3000张以上。
（二）到2027年年底，全省养老机构护理型床位占比达到60%以上。
（三）到2027年年底，全省培育品牌养老服务机构不少于50家。
（四）到2027年年底，全省老年助餐服务覆盖率达到50%以上。
"""
# the revision: 护理型床位占比 60% → 70% (tightened), 助餐覆盖率 50% → 40% (loosened),
# 失能老年人健康服务率 80% (added)
PROVINCE_V2 = """某省养老服务体系建设实施方案
一、主要目标
（一）到2027年年底，全省家庭养老床位总量达到3000张以上。
（二）到2027年年底，全省养老机构护理型床位占比达到70%以上。
（三）到2027年年底，全省培育品牌养老服务机构不少于50家。
（四）到2027年年底，全省老年助餐服务覆盖率达到40%以上。
（五）到2027年年底，全省失能老年人健康服务率达到80%以上。
"""


def county(name: str, lines: list[str]) -> str:
    numbers = "一二三四五六七八九"
    body = "\n".join(f"（{numbers[k]}）{line}" for k, line in enumerate(lines))
    return f"{name}养老服务体系建设工作方案\n一、主要目标\n{body}\n"


COUNTIES = {
    # meets everything the revision asks
    "mou/jia/plan": county("甲县", ["到2027年年底，全县家庭养老床位总量达到2000张以上。",
                                   "到2027年年底，全县养老机构护理型床位占比达到75%以上。",
                                   "到2027年年底，全县老年助餐服务覆盖率达到45%以上。",
                                   "到2027年年底，全县失能老年人健康服务率达到85%以上。"]),
    # stricter than the old 60%, looser than the new 70%
    "mou/yi/plan": county("乙县", ["到2027年年底，全县家庭养老床位总量达到1200张。",
                                  "到2027年年底，全县养老机构护理型床位占比达到65%以上。",
                                  "到2027年年底，全县培育品牌养老服务机构不少于3家。",
                                  "到2027年年底，全县老年助餐服务覆盖率达到40%以上。",
                                  "到2027年年底，全县失能老年人健康服务率达到85%以上。"]),
    # carries the new 70% but not the added target; its 助餐 30% is loose against both versions
    "mou/bing/plan": county("丙县", ["到2027年年底，全县养老机构护理型床位占比达到70%以上。",
                                    "到2027年年底，全县老年助餐服务覆盖率达到30%以上。"]),
}


@contextmanager
def git_identity():
    saved = {k: os.environ.get(k) for k in IDENTITY}
    os.environ.update(IDENTITY)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def build_store(root: Path, *, revised: bool = True) -> Path:
    """The province (final, and v2 when ``revised``) and its three counties, imported through the pipeline."""
    from tracker import pipeline, store

    sources = root.parent / (root.name + "-sources")
    sources.mkdir(parents=True, exist_ok=True)
    with git_identity():
        store.init(root)
        pipeline.import_document(write(sources, "province-v1.txt", PROVINCE_V1), PROVINCE, version="final",
                                 status="final", root=root, overrides={"level": "province"})
        for doc_id, text in COUNTIES.items():
            pipeline.import_document(write(sources, doc_id.replace("/", "-") + ".txt", text), doc_id, version="final",
                                     status="final", parent=PROVINCE, root=root, overrides={"level": "county"})
        if revised:
            pipeline.import_document(write(sources, "province-v2.txt", PROVINCE_V2), PROVINCE, version="v2",
                                     status="final", root=root, overrides={"level": "province"})
    return root
