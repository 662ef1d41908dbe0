"""The main job: import the bundled documents into the store and write the reports.

What to import and which reports to write is data (``examples/bundle.json``):
the relations the texts do not state themselves (a parent link, a cited
central document) live there, not in code.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from tracker.errors import InputError


@dataclass
class DemoResult:
    imported: list[str]
    kept: list[str]
    reports: list[Path]
    index: Path
    audits: list[Path] = field(default_factory=list)
    histories: list[Path] = field(default_factory=list)


def examples_dir(start: Path) -> Path:
    """The bundled examples: ``./examples`` of the store, else the ones beside the package."""
    for candidate in (start / "examples", Path(__file__).resolve().parent.parent / "examples"):
        if (candidate / "bundle.json").is_file():
            return candidate
    raise InputError("no examples/bundle.json found; run tracker demo from the project folder")


def run_demo(store=None, examples: Path | None = None, reports_dir: Path | None = None,
             echo: Callable[[str], None] = print) -> DemoResult:
    """Import every bundled document not yet stored, then write the history pages, each report and the index."""
    from tracker import store as _store

    root = _store.init(store)
    examples = examples or examples_dir(root)
    reports_dir = reports_dir or root / "reports"
    from tracker.reporting import check_output_path

    check_output_path(reports_dir / "index.html", base=root)  # before any import: a linked reports/ is refused
    bundle = json.loads((examples / "bundle.json").read_text("utf-8"))
    imported, kept = import_bundle(root, examples, bundle["documents"], echo)
    histories = write_histories(root, reports_dir, echo)
    reports = [write_report(root, reports_dir, spec, echo) for spec in bundle["reports"]]
    audits = [write_audit(root, reports_dir, spec, echo) for spec in bundle.get("audits", [])]
    audits += [write_impact(root, reports_dir, spec, echo) for spec in bundle.get("impacts", [])]
    from tracker.reporting import write_index

    index = reports_dir / "index.html"
    write_index(index, reports_dir, root)
    echo(f"index: {index}")
    return DemoResult(imported, kept, reports, index, audits, histories)


def write_audit(root: Path, reports_dir: Path, spec: dict, echo) -> Path:
    """The audit matrix of a bundled parent against all its stored children (and their reports)."""
    from tracker.reporting import write_audit_page

    path = write_audit_page(spec["parent"], root=root, depth=spec.get("depth", 1), reports_dir=reports_dir,
                            progress=False)
    echo(f"audit: {path}")
    return path


def write_impact(root: Path, reports_dir: Path, spec: dict, echo) -> Path:
    """Which stored children a bundled revision of their parent leaves short."""
    from tracker.reporting import write_impact_page

    path = write_impact_page(spec["new"], since=spec.get("since"), root=root, reports_dir=reports_dir, progress=False)
    echo(f"impact: {path}")
    return path


def write_histories(root: Path, reports_dir: Path, echo) -> list[Path]:
    """A history page (指标沿革) for every stored document with more than two versions."""
    from tracker import store as _store
    from tracker.history import history
    from tracker.reporting import history_path, write_history

    written = []
    for doc_id, labels in sorted(_store.versions(root).items()):
        if len(labels) > 2:
            path = write_history(history(doc_id, root), history_path(reports_dir, doc_id), reports_dir)
            echo(f"history: {path}")
            written.append(path)
    return written


def import_bundle(root: Path, examples: Path, documents: list[dict], echo) -> tuple[list[str], list[str]]:
    """Import each document version once; a version already stored is kept as it is."""
    from tracker import store as _store
    from tracker.pipeline import import_document

    imported, kept = [], []
    stored = _store.versions(root)
    for spec in documents:
        ref = f"{spec['id']}@{spec['version']}"
        if spec["version"] in stored.get(spec["id"], []):
            kept.append(ref)
            continue
        import_document(
            examples / spec["file"], spec["id"], status=spec.get("status"), version=spec["version"],
            parent=spec.get("parent"), region=spec.get("region"), root=root,
            overrides={"implements": spec.get("implements", [])},
        )
        imported.append(ref)
        echo(f"imported {ref}")
    if kept:
        echo(f"already stored: {len(kept)} versions")
    return imported, kept


def write_report(root: Path, reports_dir: Path, spec: dict, echo) -> Path:
    """One HTML report of the bundle, from the stored versions; a version pair gets its Word redline too."""
    from tracker.api import diff, load_document
    from tracker.render import render_redline
    from tracker.reporting import history_link, redline_path, render, version_date, write_atomic

    old, new = load_document(spec["old"], store=root), load_document(spec["new"], store=root)
    result = diff(old, new, mode=spec["mode"], old_ref=spec["old"], new_ref=spec["new"])
    path = reports_dir / f"{spec['name']}.html"
    link = history_link(spec["old"], spec["new"], path, reports_dir, root, echo=echo)
    redline = None
    if spec["mode"] == "version":  # a draft → final pair: the Word redline reviewers accept or reject
        redline = redline_path(path)
        write_atomic(redline, render_redline(result, old, new, date=version_date(spec["new"], root)))
        echo(f"redline: {redline}")
    write_atomic(path, render("html", result, old, new, history_href=link,
                              redline_href=redline.name if redline else None).encode("utf-8"))
    counts = ", ".join(f"{k} {v}" for k, v in result.summary.items() if v)
    echo(f"report: {path}  ({counts})")
    return path
