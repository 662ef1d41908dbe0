"""Many document versions into the store at once: one commit each, one ``git fast-import``.

``tracker import --manifest`` stores hundreds of versions. Building each
commit with the temporary-index plumbing of :mod:`tracker.store.transaction`
costs about ten git processes per version; here every commit of the batch is
streamed to a single ``git fast-import`` (the tool git offers for exactly
this), onto a scratch ref. Nothing is visible until one ``git update-ref
--stdin`` transaction moves HEAD and creates every tag together; only then are
the documents' files written into the working tree and the index. Each
version is still its own commit with its own trailers and tag, so ``tracker
log ID`` reads as if the versions had been imported one by one.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tracker.model import Metadata
from tracker.store.names import META, TARGETS, TEXT, document_paths, tag_name
from tracker.store.plumbing import dirty_paths, git, git_dir, head, identity_env
from tracker.store.queries import choose_label, law_date, versions
from tracker.store.transaction import (
    Transaction,
    _restore_index,
    locked,
    refuse_links,
    refuse_unfinished_git_state,
    write_journal,
)
from tracker.store.writing import commit_message, metadata_record


@dataclass(frozen=True)
class PendingVersion:
    """One version ready to be kept: what :func:`tracker.store.commit_document` is handed, plus its row."""

    row: int  # where it came from (a manifest line), for the report
    doc_id: str
    text: bytes
    metadata: Metadata
    targets: bytes
    source: str
    version: str | None = None
    parent: str | None = None
    region: str | None = None


@dataclass(frozen=True)
class Stored:
    row: int
    commit: str
    tag: str


@dataclass(frozen=True)
class Refused:
    row: int
    reason: str


def _ident(top: Path, var: str) -> str:
    """``git var GIT_AUTHOR_IDENT`` (or COMMITTER) with tracker's fallback identity when git knows no one."""
    return git(top, "var", var, env=identity_env(top)).decode("utf-8").strip()


def _data(payload: bytes) -> bytes:
    return b"data %d\n" % len(payload) + payload + b"\n"


def _stream(top: Path, plans: list[tuple[PendingVersion, str, dict[str, bytes], str]], scratch: str,
            parent: str | None) -> bytes:
    """The fast-import stream: one commit per version on ``scratch``, chained from ``parent`` (HEAD)."""
    author, committer = _ident(top, "GIT_AUTHOR_IDENT"), _ident(top, "GIT_COMMITTER_IDENT")
    out = [f"reset {scratch}\n".encode()]
    if parent:
        out.append(f"from {parent}\n\n".encode())
    for k, (_, _, files, message) in enumerate(plans, start=1):
        out.append(f"commit {scratch}\nmark :{k}\nauthor {author}\ncommitter {committer}\n".encode("utf-8"))
        out.append(_data(message.encode("utf-8")))
        for path, data in files.items():
            out.append(f"M 100644 inline {path}\n".encode("utf-8"))
            out.append(_data(data))
        out.append(b"\n")
    return b"".join(out)


def _fast_import(top: Path, stream: bytes) -> dict[int, str]:
    """Run git fast-import; mark → commit id."""
    fd, marks = tempfile.mkstemp(dir=git_dir(top), prefix="tracker-marks.")
    os.close(fd)
    try:
        git(top, "fast-import", "--quiet", "--done", f"--export-marks={marks}", input=stream + b"done\n")
        found = {}
        for line in Path(marks).read_text().splitlines():
            mark, sha = line.split()
            found[int(mark[1:])] = sha
        return found
    finally:
        os.unlink(marks)


def commit_versions(top: Path, pending: list[PendingVersion]) -> list[Stored | Refused]:
    """Commit each pending version on HEAD, in order, one commit and one tag each.

    A version whose label is already taken, or whose document files hold the
    user's uncommitted changes, is refused on its own; the others are kept.
    The batch becomes visible at once (HEAD and every tag in one ref
    transaction) or, on any failure, not at all.
    """
    results: dict[int, Stored | Refused] = {}
    with locked(top):
        refuse_unfinished_git_state(top)
        refuse_links(top, sorted({p for v in pending for p in document_paths(v.doc_id).values()}))
        taken = {doc_id: set(labels) for doc_id, labels in versions(top).items()}
        # every tag of the repository, not only this history's: worktrees share one set of tags
        tags = set(git(top, "for-each-ref", "--format=%(refname:strip=2)", "refs/tags/").decode("utf-8").split())
        dirty = {p for p in dirty_paths(top, sorted({p for v in pending for p in document_paths(v.doc_id).values()}))}
        plans = []
        for k, v in enumerate(pending):
            paths = document_paths(v.doc_id)
            if dirty & set(paths.values()):
                results[k] = Refused(v.row, f"{', '.join(sorted(dirty & set(paths.values())))}: uncommitted changes; "
                                            "commit or discard them before tracker writes these files")
                continue
            labels = taken.setdefault(v.doc_id, set())
            label = v.version or choose_label(labels, v.metadata.status, law_date(v.metadata))
            if label in labels:
                results[k] = Refused(v.row, f"{tag_name(v.doc_id, label)} is already stored; give another version label")
                continue
            if tag_name(v.doc_id, label) in tags:
                results[k] = Refused(v.row, f"tag {tag_name(v.doc_id, label)} already exists (made on another branch "
                                            "or worktree); give another version label")
                continue
            labels.add(label)
            record = metadata_record(v.metadata, v.doc_id, label, v.source, v.parent, v.region)
            files = {paths[TEXT]: v.text,
                     paths[META]: (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
                     paths[TARGETS]: v.targets}
            plans.append((k, tag_name(v.doc_id, label), files, commit_message(v.doc_id, label, record)))
        if plans:
            commits = _publish(top, [(pending[k], tag, files, message) for k, tag, files, message in plans])
            for (k, tag, _, _), commit in zip(plans, commits):
                results[k] = Stored(pending[k].row, commit, tag)
    return [results[k] for k in range(len(pending))]


def _publish(top: Path, plans) -> list[str]:
    """Stream the commits, then move HEAD, create the tags, write the files and stage them: all or nothing."""
    old = head(top)
    scratch = f"refs/tracker/batch-{os.getpid()}"
    try:
        marks = _fast_import(top, _stream(top, plans, scratch, old))
    finally:
        git(top, "update-ref", "-d", scratch, check=False)
    commits = [marks[k] for k in range(1, len(plans) + 1)]
    ref_updates = [f"update HEAD {commits[-1]} {old or '0' * 40}"]
    ref_updates += [f"create refs/tags/{tag} {commit}" for (_, tag, _, _), commit in zip(plans, commits)]
    latest: dict[str, bytes] = {}
    for _, _, files, _ in plans:
        latest.update(files)  # the working tree shows each document's last version
    journal = write_journal(top, old, commits[-1], [(tag, c) for (_, tag, _, _), c in zip(plans, commits)], sorted(latest))
    try:
        _move_refs_and_write(top, old, commits, plans, latest, ref_updates)
    finally:
        journal.unlink(missing_ok=True)
    return commits


def _move_refs_and_write(top: Path, old: str | None, commits: list[str], plans, latest: dict[str, bytes],
                         ref_updates: list[str]) -> None:
    git(top, "update-ref", "--stdin", "-m", f"tracker: import {len(plans)} versions",
        input=("start\n" + "\n".join(ref_updates) + "\nprepare\ncommit\n").encode("utf-8"))
    transaction = Transaction(top)
    try:
        transaction.undo.append(lambda: _undo_refs(top, old, commits[-1], [(tag, c) for (_, tag, _, _), c in zip(plans, commits)]))
        transaction.write_files(latest)
        transaction.undo.append(lambda: _restore_index(top, sorted(latest), old))
        # the index entries are the new HEAD's own (one ls-tree), so exactly what was committed is staged
        entries = git(top, "ls-tree", "-z", commits[-1], "--", *sorted(latest)).decode("utf-8").split("\0")
        index_info = "".join(entry.replace(" blob ", " ", 1) + "\n" for entry in entries if entry)
        git(top, "update-index", "--add", "--index-info", input=index_info.encode("utf-8"))
    except BaseException:
        transaction.rollback()
        raise


def _undo_refs(top: Path, old: str | None, new: str, tags: list[tuple[str, str]]) -> None:
    lines = [f"delete refs/tags/{tag} {commit}" for tag, commit in tags]
    lines.append(f"update HEAD {old} {new}" if old else f"delete HEAD {new}")
    git(top, "update-ref", "--stdin", input=("\n".join(lines) + "\n").encode("utf-8"))
