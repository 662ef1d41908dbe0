"""Adversarial inputs: does every file under the 20 MB limit finish in bounded time and memory?

Generates hostile and unlucky inputs (long digit runs, repeated dates, repeated
numbering labels, one huge line, deep nesting, a 19 MB plain text, a zip bomb
.docx, many-page PDFs...) and runs each through the five commands a user runs
on a file -- ``show``, ``targets``, ``diff``, ``import`` and ``report`` -- each
as its own process, timing it whole and reading the child's peak resident
memory (``ru_maxrss`` from ``wait4``). The goal (issue 19): every input
handled, by a result or a one-line refusal with exit 2, in <= 10 s and <= 1 GB.

Then the cost of plain text by size (1, 4, 16 MB): seconds per MB for
``show`` and ``targets``, which should stay flat (linear cost), and the
in-process read -> clean -> segment rate in MB/s.

Every time is printed beside Python start-up measured in the same run (the
anchor), because the machine is shared and noisy.

    python benchmarks/adversarial.py               # everything
    python benchmarks/adversarial.py --only digits --commands show,targets
    python benchmarks/adversarial.py --timeout 60  # how long a slow run may go on
"""
from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "youyi-county-basic-elderly-care-plan-draft.txt"
COMMANDS = ("show", "targets", "diff", "import", "report")
GOAL_SECONDS, GOAL_MB = 10.0, 1024.0
MB = 1024 * 1024


# ------------------------------------------------------------------ inputs


def _seed() -> str:
    return SEED.read_text(encoding="utf-8")


def _to_size(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` bytes of UTF-8."""
    return unit * max(1, size // len(unit.encode("utf-8")))


def plain(size: int) -> bytes:
    """The county plan repeated: an ordinary document, only very long."""
    return _to_size(_seed() + "\n", size).encode("utf-8")


def gen_digits() -> bytes:
    return ("一、总体目标\n到2025年，全县养老床位达到" + "1" * 100_000 + "张。\n").encode()


def gen_digits_1m() -> bytes:
    return ("一、总体目标\n护理型床位占比不低于" + "1" * 1_000_000 + "%以上。\n").encode()


def gen_digit_groups() -> bytes:
    """Digits broken by separators: dotted versions, page-like numbers, thousands."""
    body = "第" + "1-" * 100_000 + "页 " + "1.1." * 50_000 + " " + "1,000," * 30_000 + "张"
    return ("一、主要指标\n养老床位达到" + body + "。\n").encode()


def gen_dates() -> bytes:
    return ("一、总体目标\n" + "到2025年底前，" * 30_000 + "护理型床位占比达到60%。\n").encode()


def gen_dates_mixed() -> bytes:
    unit = "力争到2025年6月底前完成不少于80%，确保2026年底前达到"
    return ("一、总体目标\n" + unit * 20_000 + "90%。\n").encode()


def gen_percent_run() -> bytes:
    return ("一、总体目标\n" + "不低于60%、" * 60_000 + "。\n").encode()


def gen_plain_19mb() -> bytes:
    return plain(19 * MB)


def gen_plain_19mb_edited() -> bytes:
    """The 19 MB plan as a reviser leaves it: three figures changed, a sentence reworded, a line
    deleted, one inserted and one moved far away. Diffed against gen_plain_19mb (PAIRED): the
    sides are near-identical, not identical, so nothing can short-cut on equal inputs."""
    lines = gen_plain_19mb().decode("utf-8").split("\n")
    n = len(lines)
    for at in (n // 10, n // 2, n * 7 // 10):
        k = next(i for i in range(at, n) if re.search(r"\d+%", lines[i]))
        lines[k] = re.sub(r"(\d+)%", lambda m: f"{int(m.group(1)) + 5}%", lines[k], count=1)
    k = next(i for i in range(n * 3 // 4, n) if "确保" in lines[i])
    lines[k] = lines[k].replace("确保", "力争", 1) + "并加强督导检查。"
    del lines[n * 2 // 5]
    lines.insert(n * 3 // 5, "（九）新增措施。到2026年底，全县新建社区养老服务站不少于12个。")
    lines.insert(n // 3 + 5000, lines.pop(n // 3))
    return "\n".join(lines).encode("utf-8")


def gen_one_line() -> bytes:
    return _to_size(_seed().replace("\n", ""), 5 * MB).encode("utf-8")


#: one article of a law whose single line repeats every kind of numeric provision
LAW_PROVISIONS = ("超过二十人的单位，处二万元以上十万元以下罚款；情节严重的，处五日以上十日以下拘留；自受理之日起二十日内"
                  "作出决定，可以延长十日；每年至少组织一次检查，每半年进行评估；不足五十万元的，免于缴纳；安全距离不得小于"
                  "三百米；从事相关工作五年以上；消费者有权自收到商品之日起七日内退货；有前款情形的，处二万元罚款；")


def gen_law_one_line() -> bytes:
    return ("某某管理条例\n第一条\u3000" + _to_size(LAW_PROVISIONS, 5 * MB) + "\n第二条\u3000本条例自公布之日起施行。\n").encode("utf-8")


def gen_labels() -> bytes:
    """10,000 numbering labels, one clause each, in about 375 KB."""
    lines = []
    for i in range(10_000):
        lines.append(f"{i + 1}．床位达到{i}张，占比{i % 100}%。")
    return ("一、主要任务\n" + "\n".join(lines) + "\n").encode()


def gen_labels_inline() -> bytes:
    """The same labels run together on one line, as a one-line web scrape has them."""
    return ("一、主要任务 " + "".join(f"（{i % 99 + 1}）床位{i}张；" for i in range(20_000)) + "\n").encode()


def gen_labels_bare() -> bytes:
    return ("".join(f"（{'一二三四五六七八九十'[i % 10]}）" for i in range(100_000)) + "\n").encode()


def gen_deep_levels() -> bytes:
    """Every level of the numbering hierarchy, nested again and again."""
    unit = "一、总则\n（一）目标\n1．床位\n（1）护理型\n①占比不低于60%。\n第一章 总则\n第一条 床位\n"
    return _to_size(unit, 2 * MB).encode("utf-8")


def gen_brackets() -> bytes:
    return ("一、目标\n" + "（" * 200_000 + "60%" + "）" * 200_000 + "\n").encode()


def gen_html_nested() -> bytes:
    return ("<html><body>" + "<div>" * 200_000 + "床位达到60%" + "</div>" * 200_000 + "</body></html>").encode()


def gen_html_big() -> bytes:
    para = "".join(f"<p>{line}</p>" for line in _seed().splitlines())
    return ("<html><body>" + _to_size(para, 15 * MB) + "</body></html>").encode("utf-8")


def _docx(document_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal .docx around ``document_xml`` (deflated, as Word writes it)."""
    ct = (
        b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        b'<Default Extension="xml" ContentType="application/xml"/>'
        b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        b'Target="word/document.xml"/></Relationships>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", document_xml)
        for name, body in (extra or {}).items():
            z.writestr(name, body)
    return buf.getvalue()


W_OPEN = b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
W_CLOSE = b"</w:body></w:document>"


def gen_docx_bomb() -> bytes:
    """document.xml inflating to 200 MB from well under 1 MB."""
    para = "<w:p><w:r><w:t>到2025年，全县养老床位达到1200张，护理型床位占比不低于60%。</w:t></w:r></w:p>".encode()
    return _docx(W_OPEN + para * (200 * MB // len(para)) + W_CLOSE)


def gen_docx_bomb_parts() -> bytes:
    """Many side parts, each modest, together inflating far beyond the limit."""
    filler = b"<x>" + b"a" * (8 * MB) + b"</x>"
    parts = {f"word/media/blob{i}.xml": filler for i in range(40)}
    para = "<w:p><w:r><w:t>护理型床位占比不低于60%。</w:t></w:r></w:p>".encode()
    return _docx(W_OPEN + para + W_CLOSE, parts)


def gen_docx_nested() -> bytes:
    """Tables nested inside table cells, 5,000 deep."""
    depth = 5_000
    inner = "<w:p><w:r><w:t>床位达到60%</w:t></w:r></w:p>"
    xml = "<w:tbl><w:tr><w:tc>" * depth + inner + "</w:tc></w:tr></w:tbl>" * depth
    return _docx(W_OPEN + xml.encode() + W_CLOSE)


def gen_docx_big() -> bytes:
    """A real, large document: 15 MB of text in paragraphs (an ordinary file, just long)."""
    lines = [line for line in _seed().splitlines() if line.strip()]
    xml = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    return _docx(W_OPEN + _to_size(xml, 30 * MB).encode() + W_CLOSE)


def gen_docx_12mb() -> bytes:
    """An ordinary document just under the XML limit: 12 MB of document.xml."""
    lines = [line for line in _seed().splitlines() if line.strip()]
    xml = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    return _docx(W_OPEN + _to_size(xml, 12 * MB).encode() + W_CLOSE)


def _pdf(pages: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    lines = [line for line in _seed().splitlines() if line.strip()]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    k = 0
    for page in range(pages):
        c.setFont("STSong-Light", 12)
        y = 800
        while y > 60:
            text = lines[k % len(lines)][:38]
            k += 1
            c.drawString(50, y, text)
            y -= 18
        c.drawString(290, 30, f"- {page + 1} -")
        c.showPage()
    c.save()
    return buf.getvalue()


def gen_pdf_297() -> bytes:
    return _pdf(297)


def gen_pdf_2000() -> bytes:
    return _pdf(2000)


INPUTS = {
    "digits": ("digits.txt", gen_digits, "'1'*100000 inside a sentence"),
    "digits-1m": ("digits-1m.txt", gen_digits_1m, "'1'*1000000 before %以上"),
    "digit-groups": ("digit-groups.txt", gen_digit_groups, "1-1-…页, 1.1.1…, 1,000,1,000…"),
    "dates": ("dates.txt", gen_dates, "'到2025年底前，'*30000"),
    "dates-mixed": ("dates-mixed.txt", gen_dates_mixed, "力争/确保 + dates + %, 20000×"),
    "percent-run": ("percent-run.txt", gen_percent_run, "'不低于60%、'*60000"),
    "plain-19mb": ("plain-19mb.txt", gen_plain_19mb, "19 MB ordinary plain text"),
    "plain-19mb-edited": ("plain-19mb-edited.txt", gen_plain_19mb_edited, "the 19 MB text with a few edits (diffed against it)"),
    "one-line": ("one-line.txt", gen_one_line, "one 5 MB line"),
    "law-one-line": ("law-one-line.txt", gen_law_one_line, "a law article of one 5 MB line of numeric provisions"),
    "labels": ("labels.txt", gen_labels, "10,000 labelled clauses, 375 KB"),
    "labels-inline": ("labels-inline.txt", gen_labels_inline, "20,000 （n） items on one line"),
    "labels-bare": ("labels-bare.txt", gen_labels_bare, "100,000 bare （一） labels"),
    "deep-levels": ("deep-levels.txt", gen_deep_levels, "一、（一）1.（1）①第一章第一条 × 2 MB"),
    "brackets": ("brackets.txt", gen_brackets, "200,000 nested （"),
    "html-nested": ("html-nested.html", gen_html_nested, "200,000 nested <div>"),
    "html-big": ("html-big.html", gen_html_big, "15 MB of <p>"),
    "docx-bomb": ("docx-bomb.docx", gen_docx_bomb, "document.xml inflating to 200 MB"),
    "docx-bomb-parts": ("docx-bomb-parts.docx", gen_docx_bomb_parts, "40 parts of 8 MB each"),
    "docx-nested": ("docx-nested.docx", gen_docx_nested, "tables nested 5,000 deep"),
    "docx-big": ("docx-big.docx", gen_docx_big, "30 MB document.xml, ordinary"),
    "docx-12mb": ("docx-12mb.docx", gen_docx_12mb, "12 MB document.xml, ordinary"),
    "pdf-100": ("pdf-100.pdf", lambda: _pdf(100), "100-page PDF (the page limit)"),
    "pdf-297": ("pdf-297.pdf", gen_pdf_297, "297-page PDF"),
    "pdf-2000": ("pdf-2000.pdf", gen_pdf_2000, "2,000-page PDF"),
}


#: inputs whose diff and report compare them with another input (old side) instead of with themselves
PAIRED = {"plain-19mb-edited": "plain-19mb"}

# ------------------------------------------------------------------ running


def tracker_exe() -> str:
    exe = Path(sys.executable).with_name("tracker")
    return str(exe) if exe.exists() else shutil.which("tracker") or "tracker"


def run(argv: list[str], cwd: Path, timeout: float) -> tuple[float, float, float, int | None, str]:
    """Wall seconds, CPU seconds (user + system), peak RSS in MB, exit code (None when killed
    at the timeout), last stderr line. CPU time is what the command itself cost; wall time
    also holds what other processes on the shared machine took from it."""
    err_path = cwd / ".stderr"
    with open(err_path, "wb") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = -9
                elapsed = time.perf_counter() - t0
                return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, None, "killed at timeout"
            time.sleep(0.01)
        elapsed = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    lines = err_path.read_text(errors="replace").strip().splitlines()
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, cpu, usage.ru_maxrss / 1024, proc.returncode, (lines[-1] if lines else "")


def command_argv(command: str, path: Path, work: Path, old: Path | None = None) -> list[str]:
    """The command line of ``command`` on ``path``; diff and report compare ``old`` (default: itself) with it."""
    exe = tracker_exe()
    old = old or path
    if command == "show":
        return [exe, "show", str(path)]
    if command == "targets":
        return [exe, "targets", str(path)]
    if command == "diff":
        return [exe, "diff", str(old), str(path)]
    if command == "report":
        return [exe, "report", str(old), str(path), "-o", str(work / "report.html")]
    if command == "import":
        return [exe, "import", str(path), "--id", f"bench/{path.stem}", "--store", str(work / "store")]
    raise ValueError(command)


def fresh_store(work: Path) -> None:
    store = work / "store"
    if store.exists():
        shutil.rmtree(store)
    store.mkdir()
    subprocess.run(["git", "init", "-q", str(store)], check=True)
    subprocess.run([tracker_exe(), "init", str(store)], check=True, stdout=subprocess.DEVNULL)


def startup() -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        best = min(best, time.perf_counter() - t0)
    return best


def fmt_result(seconds: float, cpu: float, peak: float, code: int | None) -> str:
    flag = "" if code is not None and seconds <= GOAL_SECONDS and peak <= GOAL_MB else "!"
    shown = f">{seconds:.0f}" if code is None else f"{seconds:.1f}"
    return f"{shown}/{cpu:.1f}s {peak:.0f}M x{code if code is not None else '-'}{flag}"


def adversarial(names: list[str], commands: list[str], timeout: float, folder: Path) -> dict:
    worst = {c: (0.0, 0.0, 0.0, "") for c in commands}
    width = 26
    print(f"{'input':<16} {'size':>7}  " + "  ".join(f"{c:<{width}}" for c in commands))
    for name in names:
        filename, generate, _ = INPUTS[name]
        path = folder / filename
        # generated in a child process: a forked command would otherwise start with this
        # process's memory (the 200 MB bomb text) and report it as its own peak
        subprocess.run([sys.executable, __file__, "--generate", name, str(path)], check=True)
        old = folder / INPUTS[PAIRED[name]][0] if name in PAIRED else None
        if old is not None:
            subprocess.run([sys.executable, __file__, "--generate", PAIRED[name], str(old)], check=True)
        cells = []
        notes = []
        for command in commands:
            if command == "import":
                fresh_store(folder)
            seconds, cpu, peak, code, last = run(command_argv(command, path, folder, old), folder, timeout)
            cells.append(fmt_result(seconds, cpu, peak, code))
            if code not in (0,) and last and last not in notes:
                notes.append(last)
            t, c, m, _ = worst[command]
            worst[command] = (max(t, seconds), max(c, cpu), max(m, peak), name if seconds >= t else worst[command][3])
        size = path.stat().st_size / MB
        print(f"{name:<16} {size:>6.2f}M  " + "  ".join(f"{c:<{width}}" for c in cells), flush=True)
        for note in notes:
            print(f"{'':<26}{note[:150]}")
        path.unlink()
        if old is not None:
            old.unlink()
    return worst


def linear(folder: Path, timeout: float) -> None:
    print("\nplain text by size (seconds per MB should stay flat):")
    print(f"{'size':>6} {'show s':>8} {'s/MB':>6} {'targets s':>10} {'s/MB':>6} {'CPU s/MB':>8} {'peak MB':>8} {'read+clean+segment MB/s (CPU)':>30}")
    for mb in (1, 4, 16):
        path = folder / f"plain-{mb}.txt"
        subprocess.run([sys.executable, __file__, "--generate", f"plain-{mb}MB", str(path)], check=True)
        show_s, _, _, _, _ = run(command_argv("show", path, folder), folder, timeout)
        targets_s, targets_cpu, peak, _, _ = run(command_argv("targets", path, folder), folder, timeout)
        rate = _in_process_rate(path)
        print(f"{mb:>4}MB {show_s:>8.2f} {show_s / mb:>6.2f} {targets_s:>10.2f} {targets_s / mb:>6.2f} "
              f"{targets_cpu / mb:>8.2f} {peak:>8.0f} {rate:>30.1f}")
        path.unlink()


def _in_process_rate(path: Path) -> float:
    """MB of text per second through read -> clean -> segment, in a child so imports are warm and apart."""
    code = (
        "import sys,time\n"
        "from tracker.readers import read\nfrom tracker.clean import clean\nfrom tracker.segment import segment\n"
        "p=sys.argv[1]; t0=time.process_time(); raw=read(p); doc=segment(clean(raw)); dt=time.process_time()-t0\n"
        "print(len(raw.text.encode('utf-8'))/1048576/dt)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=600)
    try:
        return float(out.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default="", help="comma-separated input names (default: all)")
    parser.add_argument("--commands", default=",".join(COMMANDS))
    parser.add_argument("--timeout", type=float, default=30.0, help="kill a run after this many seconds")
    parser.add_argument("--no-linear", action="store_true", help="skip the 1/4/16 MB plain-text series")
    parser.add_argument("--generate", nargs=2, metavar=("NAME", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        name, path = args.generate
        Path(path).write_bytes(plain(int(name[6:-2]) * MB) if name.startswith("plain-") and name not in INPUTS
                               else INPUTS[name][1]())
        return
    names = [n for n in args.only.split(",") if n] or list(INPUTS)
    unknown = [n for n in names if n not in INPUTS]
    if unknown:
        parser.error(f"unknown inputs {unknown}; known: {', '.join(INPUTS)}")
    commands = [c for c in args.commands.split(",") if c]
    anchor = startup()
    print(f"anchor: python start-up {anchor * 1000:.0f} ms; goal per run: <= {GOAL_SECONDS:.0f} s and <= {GOAL_MB:.0f} MB")
    print("cell: wall/CPU seconds, peak RSS, exit code (x2 = refused with a one-line error); '!' misses the goal\n")
    with tempfile.TemporaryDirectory(prefix="tracker-adversarial-") as tmp:
        folder = Path(tmp)
        worst = adversarial(names, commands, args.timeout, folder)
        print("\nworst per command:")
        for command, (seconds, cpu, peak, name) in worst.items():
            print(f"  {command:<8} {seconds:6.1f} s wall  {cpu:6.1f} s CPU  {peak:6.0f} MB  (slowest: {name})")
        if not args.no_linear:
            linear(folder, args.timeout)
    print(f"\nanchor again: python start-up {startup() * 1000:.0f} ms")


if __name__ == "__main__":
    main()
