"""One document version into the store: its metadata record, commit message and commit.

The store is handed what to keep (canonical text, metadata, the targets
snapshot); reading and extracting happen above it, in :mod:`tracker.pipeline`.
One import is one commit (with a ``Source-Date:`` trailer) tagged ``<id>@<label>``.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tracker.jsonio import law_fields
from tracker.model import Metadata
from tracker.store.names import META, TARGETS, TEXT, document_paths, tag_name
from tracker.store.queries import default_label, law_date
from tracker.store.transaction import commit_files, locked


def sha256_of(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def metadata_record(meta: Metadata, doc_id: str, label: str, source, parent: str | None, region: str | None) -> dict:
    """meta.json of one version: what the text says about itself plus where it sits in the store."""
    return {
        "id": doc_id,
        "title": meta.title,
        "issuer": meta.issuer,
        "level": meta.level,
        "region": region if region is not None else (doc_id.rsplit("/", 1)[0] if "/" in doc_id else None),
        "date": meta.date,
        "number": meta.number,
        "status": meta.status,
        "version": label,
        "parent": parent,
        "implements": list(meta.implements),
        "source": {"name": Path(source).name, "sha256": sha256_of(source)},
        "warnings": list(meta.warnings),
        **law_fields(meta),  # a law's adoption, amendments and effective date
    }


def commit_message(doc_id: str, label: str, record: dict) -> str:
    title = record.get("title") or doc_id
    lines = [f"Import {doc_id}@{label}: {title}", ""]
    lines.append(f"Source file {record['source']['name']} (sha256 {record['source']['sha256'][:16]}…).")
    if record.get("number"):
        lines.append(f"文号 {record['number']}; status {record.get('status') or 'unknown'}.")
    lines.append("")
    if record.get("date"):
        lines.append(f"Source-Date: {record['date']}")
    lines.append(f"Tracker-Document: {doc_id}")
    lines.append(f"Tracker-Version: {label}")
    return "\n".join(lines) + "\n"


def commit_document(
    top: Path,
    doc_id: str,
    *,
    text: bytes,
    metadata: Metadata,
    targets: bytes,
    source,
    version: str | None = None,
    parent: str | None = None,
    region: str | None = None,
) -> tuple[str, str]:
    """Store one version of ``doc_id`` (text, meta.json, targets.json), commit and tag it.

    Returns (commit, tag). The label is chosen under the lock (a law's version
    date or the status when free, else v<N>), so two imports never take the same one; see
    :func:`tracker.store.transaction.commit_files` for the all-or-nothing write.
    """
    with locked(top):
        label = version or default_label(top, doc_id, metadata.status, law_date(metadata))
        record = metadata_record(metadata, doc_id, label, source, parent, region)
        paths = document_paths(doc_id)
        files = {
            paths[TEXT]: text,
            paths[META]: (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
            paths[TARGETS]: targets,
        }
        tag = tag_name(doc_id, label)
        commit = commit_files(top, files, commit_message(doc_id, label, record), tag=tag)
    return commit, tag
