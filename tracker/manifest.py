"""``tracker import --manifest corpus.csv``: a whole corpus into the store in one process.

A manifest is a CSV with a header row: ``file`` and ``id`` are required;
``version, status, parent, title, issuer, level, date, number, region`` are
optional; files are relative to the CSV. Every row is read and checked in
worker processes (:func:`tracker.pipeline.prepare_version`, the very step a
single ``tracker import`` runs), then all the good rows are committed at once,
one commit and one tag per version (:func:`tracker.store.commit_versions`).

All or nothing per row: a row that cannot be read or named (missing file, bad
id, a duplicate ``id@version``, a label already stored) is reported with its
line and reason and leaves nothing behind; the other rows are committed.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from tracker import store as docstore
from tracker.errors import InputError, TrackerError

REQUIRED = ("file", "id")
OPTIONAL = ("version", "status", "parent", "title", "issuer", "level", "date", "number", "region")
#: columns that become metadata overrides (as ``tracker import --title …`` would)
OVERRIDE_COLUMNS = ("title", "issuer", "level", "date", "number")


@dataclass(frozen=True)
class ManifestRow:
    line: int  # line of the CSV the row starts on (the header is line 1)
    file: str  # as written in the manifest
    path: Path  # resolved against the manifest's folder
    id: str
    version: str | None = None
    status: str | None = None
    parent: str | None = None
    region: str | None = None
    overrides: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class RowFailure:
    line: int
    file: str
    reason: str


@dataclass(frozen=True)
class ManifestResult:
    manifest: Path
    imported: tuple[tuple[int, str, str], ...]  # (line, tag, commit) in manifest order
    failed: tuple[RowFailure, ...]

    @property
    def ok(self) -> bool:
        return not self.failed


def read_manifest(path: str | Path) -> tuple[list[ManifestRow], list[RowFailure]]:
    """The rows of a manifest, and the rows refused before anything is read (duplicate id@version).

    A manifest that cannot be read at all (not UTF-8, no header, no ``file`` or
    ``id`` column, an unknown column) is an InputError: nothing is imported.
    """
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError("no such manifest", path=str(path)) from None
    except UnicodeDecodeError:
        raise InputError("the manifest is not UTF-8 text (save the CSV as UTF-8)", path=str(path)) from None
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip() for c in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise InputError(f"the manifest's header has no {' or '.join(missing)} column "
                         f"(columns: file,id and optionally {','.join(OPTIONAL)})", path=str(path))
    unknown = [c for c in columns if c not in REQUIRED + OPTIONAL]
    if unknown:
        raise InputError(f"unknown column {', '.join(unknown)}; known: {','.join(REQUIRED + OPTIONAL)}", path=str(path))
    reader.fieldnames = columns
    rows, failed, seen = [], [], {}
    line = reader.line_num
    for record in reader:
        start, line = line + 1, reader.line_num
        values = {k: (v or "").strip() or None for k, v in record.items() if k is not None}
        if not any(values.values()):
            continue  # a blank line
        row = ManifestRow(
            line=start, file=values.get("file") or "", path=path.parent / (values.get("file") or ""),
            id=values.get("id") or "", version=values.get("version"), status=values.get("status"),
            parent=values.get("parent"), region=values.get("region"),
            overrides=tuple((k, values[k]) for k in OVERRIDE_COLUMNS if values.get(k)),
        )
        if row.version is not None:
            key = (row.id, row.version)
            if key in seen:
                failed.append(RowFailure(start, row.file, f"duplicate {row.id}@{row.version}: line {seen[key]} has it already"))
                continue
            seen[key] = start
        rows.append(row)
    return rows, failed


def prepare_row(row: ManifestRow):
    """The pure per-row step: a PendingVersion, or the row's failure (never an exception)."""
    from tracker.pipeline import prepare_version

    if not row.file:
        return RowFailure(row.line, row.file, "no file given")
    if not row.id:
        return RowFailure(row.line, row.file, "no id given")
    if not row.path.is_file():
        return RowFailure(row.line, row.file, f"no such file ({row.path})")
    try:
        return prepare_version(row.path, row.id, status=row.status, version=row.version, parent=row.parent,
                               region=row.region, overrides=dict(row.overrides), row=row.line)
    except TrackerError as exc:
        return RowFailure(row.line, row.file, str(exc).removeprefix(f"{row.path}: "))
    except Exception as exc:  # a reader bug must cost one row, not the whole corpus
        return RowFailure(row.line, row.file, f"unexpected {type(exc).__name__}: {exc}")


def _prepare_chunk(rows: Sequence[ManifestRow]):
    return [prepare_row(row) for row in rows]


def import_manifest(manifest: str | Path, *, root=None, jobs: int | None = None,
                    progress: bool | None = None) -> ManifestResult:
    """Import every row of ``manifest``: rows read in parallel, committed together, one commit per version."""
    from tracker import parallel

    top = docstore.store_root(root)
    rows, failed = read_manifest(manifest)
    prepared = parallel.run_chunks(_prepare_chunk, rows, jobs=jobs, label="read", progress=progress)
    failed += [p for p in prepared if isinstance(p, RowFailure)]
    pending = [p for p in prepared if not isinstance(p, RowFailure)]
    files = {row.line: row.file for row in rows}
    imported = []
    for outcome in docstore.commit_versions(top, pending):
        if isinstance(outcome, docstore.Refused):
            failed.append(RowFailure(outcome.row, files[outcome.row], outcome.reason))
        else:
            imported.append((outcome.row, outcome.tag, outcome.commit))
    return ManifestResult(Path(manifest), tuple(imported), tuple(sorted(failed, key=lambda f: f.line)))
