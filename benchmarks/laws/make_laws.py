"""Build the real-revision law corpus from a LawRefBook/Laws snapshot.

Why: tracker must be measured on laws and regulations in the form the national
law database (flk.npc.gov.cn) publishes them — title, preamble in full-width
parentheses, a 目录 before the body, 第X条 followed by a full-width space —
and on real revisions, not on synthetic mutations.  This script converts every
document of the snapshot that has two or more published versions (files named
``名称(YYYY-MM-DD).md`` side by side, or an undated current file beside them)
into that form and records where each version came from (manifest.csv).

Usage: python benchmarks/laws/make_laws.py [--repo /work/.mirror/LawRefBook+Laws/repo]

Reserved documents (issue 14) are never written; judicial interpretations
(司法解释) are not laws or regulations and are left out; a version whose
articles are not numbered 1..N without gaps, or that has fewer than five
articles (a truncated scrape), is left out.
"""
from __future__ import annotations

import argparse
import csv
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_REPO = "/work/.mirror/LawRefBook+Laws/repo"
# documents reserved for independent checks: listed outside benchmarks/ so no benchmark names them
RESERVED = tuple(line.strip() for line in (Path(__file__).resolve().parents[2] / "docs" / "reserved-documents.txt")
                 .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))
SKIPPED_DIRS = ("司法解释", "案例", "部门规章", "scripts")
MAX_BYTES = 150_000          # skip versions of the very largest codes
MIN_ARTICLES = 5             # fewer articles than this: a truncated scrape
FW = "\u3000"                # full-width space used by the national database

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUM = "零〇一二两三四五六七八九十百千"
ARTICLE_RE = re.compile(rf"^第([{CN_NUM}]+)条(之[{CN_NUM}]+)?(?:[\s\u3000]+|$)(.*)$")
HEADING_RE = re.compile(rf"^第([{CN_NUM}]+)(编|分编|章|节)(?:[\s\u3000]+(.*))?$")
DATE_RE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
NAME_RE = re.compile(r"^(?P<dir>.*/)?(?P<name>[^/]+?)(?:\((?P<date>\d{4}-\d{2}-\d{2})\))?\.md$")


def cn_to_int(text: str) -> int:
    """Chinese numeral (一百二十三, 十五, 二百零五) to int."""
    total, digit = 0, 0
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        else:
            total += (digit or 1) * CN_UNITS[ch]
            digit = 0
    return total + digit


def int_to_cn(n: int) -> str:
    """Small int (1..99) to a Chinese numeral as chapter numbers are written."""
    digits = "零一二三四五六七八九"
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else digits[tens]) + "十" if tens else "") + (digits[ones] if ones else "")


def restore_lost_chapters(body: list[str]) -> list[str]:
    """Put back a 第X章 marker the scrape lost, leaving only its title.

    A few source files show a chapter title as a bare line between two articles
    (农业技术推广体系; 卷烟纸、滤嘴棒、烟用丝束、 / 烟草专用机械的生产和销售) while
    the chapter numbers jump (第一章 … 第三章).  When a run of lines without
    closing punctuation sits exactly in such a gap, it is that chapter's title.
    """
    chapter_at = {}
    for i, line in enumerate(body):
        h = HEADING_RE.match(line)
        if h and h[2] == "章" and not ARTICLE_RE.match(line):
            chapter_at[i] = cn_to_int(h[1])
    out, i = [], 0
    while i < len(body):
        line = body[i]
        j = i
        while (j < len(body) and not HEADING_RE.match(body[j]) and not ARTICLE_RE.match(body[j])
               and not re.search(r"[。；：，）”]$", body[j]) and not body[j].startswith("（")
               and (j == i or body[j - 1].endswith("、"))):
            j += 1
        if j > i and j < len(body) and ARTICLE_RE.match(body[j]) and out and not HEADING_RE.match(out[-1]):
            before = [n for k, n in chapter_at.items() if k < i]
            after = [n for k, n in chapter_at.items() if k > i]
            if before and after and min(after) == max(before) + 2:
                out.append(f"第{int_to_cn(max(before) + 1)}章 " + "".join(body[i:j]))
                i = j
                continue
        out.append(line)
        i += 1
    return out


def git(repo: str, *args: str) -> str:
    return subprocess.run(["git", "-C", repo, "-c", "core.quotepath=false", *args],
                          check=True, capture_output=True).stdout.decode("utf-8")


def list_groups(repo: str) -> dict[str, list[tuple[str | None, str]]]:
    """Documents of the snapshot with two or more files (dated or current)."""
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for path in git(repo, "ls-tree", "-r", "--name-only", "HEAD").splitlines():
        m = NAME_RE.match(path)
        if not m or path.endswith("_index.md") or path.startswith(SKIPPED_DIRS):
            continue
        groups[(m["dir"] or "", m["name"])].append((m["date"], path))
    out = {}
    for (_d, name), files in groups.items():
        if len(files) < 2 or any(r in name for r in RESERVED):
            continue
        if name in out:
            raise SystemExit(f"two documents named {name}")
        out[name] = files
    return out


def clean_line(line: str) -> str:
    """One source line in the database's form: no zero-width junk, full-width
    brackets, and full-width ，： after Chinese text (some scrapes mix widths)."""
    line = line.replace("\u200b", "").replace("\ufeff", "").strip().lstrip("#").strip()
    line = line.replace("(", "（").replace(")", "）")
    line = re.sub(r"(?<=[\u4e00-\u9fff）》”])([,:])", lambda m: {",": "，", ":": "："}[m[1]], line)
    return re.sub(r"[ \t]+", " ", line)


def parse_md(text: str) -> dict:
    """Split a LawRefBook markdown file into title, preamble lines and body lines."""
    if "<!-- INFO END -->" not in text:
        raise ValueError("no <!-- INFO END --> marker")
    head, body = text.split("<!-- INFO END -->", 1)
    head_lines = [clean_line(l) for l in head.splitlines() if clean_line(l)]
    title = head_lines[0]
    preamble = [l.strip("（）() ") for l in head_lines[1:]]
    return {"title": title, "preamble": [p for p in preamble if p],
            "body": [clean_line(l) for l in body.splitlines() if clean_line(l)]}


def version_date(parsed: dict) -> str | None:
    dates = [f"{y}-{int(m):02d}-{int(d):02d}" for p in parsed["preamble"] for y, m, d in DATE_RE.findall(p)]
    return max(dates) if dates else None


def render(parsed: dict) -> tuple[str, list[int]]:
    """Write the flk.npc.gov.cn form; return the text and the article numbers seen."""
    out = [parsed["title"], ""]
    if parsed["preamble"]:
        pre = FW.join(re.sub(r"(日) +", r"\1", p).replace(" ", "") for p in parsed["preamble"])
        out += [f"（{pre}）", ""]
    headings, body, numbers = [], [], []
    open_heading = None          # index in body of a heading not yet followed by an article
    for line in restore_lost_chapters(parsed["body"]):
        h = HEADING_RE.match(line)
        a = ARTICLE_RE.match(line)
        if h and not a:
            label = f"第{h[1]}{h[2]}"
            name = FW.join((h[3] or "").split())
            heading = f"{label}{FW}{name}" if name else label
            headings.append([h[2], heading])
            body += ["", heading, ""] if body else [heading, ""]
            open_heading = len(body) - 2
        elif a:
            open_heading = None
            if not a[2]:
                numbers.append(cn_to_int(a[1]))
            rest = a[3].strip()
            body.append(f"第{a[1]}条{a[2] or ''}{FW}{rest}" if rest else f"第{a[1]}条{a[2] or ''}")
        elif open_heading is not None:
            # A long heading wrapped onto a second line in the scrape
            # (第二章 听取和审议人民政府、人民法院和 / 人民检察院的专项工作报告).
            sep = "" if FW in body[open_heading] else FW
            body[open_heading] += sep + line.replace(" ", "")
            headings[-1][1] = body[open_heading]
        else:
            body.append(line.replace(" ", FW) if re.match(r"^（[一二三四五六七八九十]+） ", line) else line)
    if any(kind == "章" for kind, _ in headings):
        out.append(f"目{FW}{FW}录")
        out += [(FW * 2 if kind == "节" else "") + h for kind, h in headings]
        out.append("")
    out += body
    return "\n".join(out).rstrip() + "\n", numbers


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repo", default=DEFAULT_REPO)
    args = ap.parse_args()
    commit = git(args.repo, "rev-parse", "HEAD").strip()
    texts = HERE / "texts"
    rows, skipped = [], []
    for name, files in sorted(list_groups(args.repo).items()):
        versions = {}
        for fdate, path in files:
            raw = git(args.repo, "show", f"HEAD:{path}")
            try:
                parsed = parse_md(raw)
            except ValueError as exc:
                skipped.append((path, str(exc))); continue
            label = fdate or version_date(parsed)
            if label is None:
                skipped.append((path, "no date in the preamble")); continue
            text, numbers = render(parsed)
            if len(numbers) < MIN_ARTICLES or numbers != list(range(1, len(numbers) + 1)):
                skipped.append((path, f"articles not numbered 1..N ({len(numbers)} seen)")); continue
            if len(text.encode("utf-8")) > MAX_BYTES:
                skipped.append((path, "over size limit")); continue
            if label in versions:
                skipped.append((path, f"second file for version {label}")); continue
            versions[label] = (text, path)
        if len(versions) < 2:
            skipped.append((name, "fewer than two usable versions")); continue
        for label, (text, path) in sorted(versions.items()):
            out = texts / name / f"{label}.txt"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
            rows.append([name, label, out.relative_to(HERE).as_posix(), path, commit])
    with open(HERE / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["law_id", "version", "file", "source_path", "source_commit"])
        w.writerows(rows)
    for path, why in skipped:
        print(f"skipped {path}: {why}", file=sys.stderr)
    print(f"{len({r[0] for r in rows})} documents, {len(rows)} versions written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
