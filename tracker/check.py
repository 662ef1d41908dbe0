"""``tracker check``: stop a commit that changes a policy target without saying so.

The acknowledgement lives in the commit itself: ``documents/<id>/targets.json``
is the snapshot of the targets the team has accepted. The check extracts the
targets of each *changed* document's text and compares them with the snapshot
committed beside it (both as staged); any difference is unacknowledged.
``tracker accept ID`` rewrites the snapshot, so the target change shows in
review as a diff of targets.json. Rewording, renumbering and equivalent
spellings (2万 ↔ 20000) leave the extracted targets equal and pass silently.

Cost grows with the documents in the commit, never with the store: the list of
changed paths comes from one ``git diff --cached --name-only`` and the blobs
from one ``git cat-file --batch``; gitpython and the file readers are never
imported here.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from tracker import store
from tracker.errors import InputError, StoreError
from tracker.model import Target, TargetChange
from tracker.words import describe


@dataclass
class DocumentCheck:
    """What the check found in one document."""

    doc_id: str
    unacknowledged: list[TargetChange] = field(default_factory=list)
    acknowledged: list[TargetChange] = field(default_factory=list)
    note: str | None = None
    #: stored children (id, [(target, their change against it)]) that a tightened or added target leaves short
    children_short: list[tuple[str, list[tuple[Target, TargetChange]]]] = field(default_factory=list)


@dataclass
class Report:
    documents: list[DocumentCheck]

    @property
    def failed(self) -> bool:
        return any(d.unacknowledged for d in self.documents)


# ------------------------------------------------------------- snapshots


def target_from_dict(data: dict) -> Target:
    """A Target from its contract (tracker.targets/1) dict."""

    def dec(value):
        return None if value is None else Decimal(str(value))

    return Target(
        clause=data["clause"],
        kind=data["kind"],
        indicator=data.get("indicator"),
        scope=data.get("scope"),
        comparator=data.get("comparator"),
        value=dec(data.get("value")),
        value_max=dec(data.get("value_max")),
        unit=data.get("unit"),
        per=data.get("per"),
        deadline=data.get("deadline"),
        modality=data.get("modality"),
        text=data.get("text") or "",
        role=data.get("role"),
    )


def snapshot_targets(data: bytes | None, where: str) -> list[Target]:
    if data is None:
        return []
    try:
        payload = json.loads(data.decode("utf-8"))
        return [target_from_dict(t) for t in payload["targets"]]
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"not a tracker.targets/1 snapshot ({exc})", path=where) from None


def differences(old: list[Target], new: list[Target]) -> list[TargetChange]:
    from tracker.compare import compare_targets

    return [c for c in compare_targets(old, new, mode="version") if c.change != "unchanged"]


def check_document(doc_id: str, text: bytes | None, meta: bytes | None, snapshot: bytes | None,
                   base_snapshot: bytes | None = None, where: str = "", root: Path | None = None) -> DocumentCheck:
    """Compare a document text's targets with its snapshot (and list what the snapshot itself changed).

    With ``root``, a target the change tightened or added is also held against
    the document's stored children, to name those it would leave short.
    """
    result = DocumentCheck(doc_id)
    paths = store.document_paths(doc_id)
    if text is None and snapshot is None:
        result.note = "removed"
        return result
    accepted = snapshot_targets(snapshot, where + paths[store.TARGETS])
    if text is None:
        current: list[Target] = []
        result.note = f"{paths[store.TEXT]} is gone but {paths[store.TARGETS]} still lists targets"
    else:
        from tracker.extract import extract_targets

        document = store.document_from_bytes(text, meta, doc_id)
        current = extract_targets(document)
        if snapshot is None:
            result.note = f"no {paths[store.TARGETS]}: every target is new"
    result.unacknowledged = differences(accepted, current)
    if root is not None and text is not None:
        asked = [c.new for c in result.unacknowledged if c.change in ("tightened", "added")]
        if asked:
            result.children_short = children_left_short(root, doc_id, document, current, asked)
    if base_snapshot is not None and snapshot is not None and base_snapshot != snapshot:
        result.acknowledged = differences(snapshot_targets(base_snapshot, "base " + paths[store.TARGETS]), accepted)
    return result


def _children(top: Path, doc_id: str) -> list[str]:
    """Stored documents whose meta.json names ``doc_id`` as parent: one ``git grep`` narrows, json confirms.

    The hook must not read every meta.json of a 1,000-document store for each changed target.
    """
    found = store.git(top, "grep", "-l", "-z", "--untracked", "-F", "-e", f'"{doc_id}"', "--",
                      f":(glob){store.DOCUMENTS}/**/{store.META}", check=False).decode("utf-8")
    children = []
    for path in filter(None, found.split("\0")):
        child = store.id_of_path(path)
        try:
            parent = json.loads((top / path).read_text("utf-8")).get("parent")
        except (OSError, ValueError, AttributeError):
            continue
        if child and child != doc_id and parent == doc_id:
            children.append(child)
    return sorted(children)


def children_left_short(top: Path, doc_id: str, document, targets: list[Target], asked: list[Target]):
    """The stored children (working-tree texts) whose counterpart of one of ``asked`` is looser, mixed or missing.

    Costs nothing unless the document has children: the diffs (tracker.corpus,
    one layer up) are imported only then.
    """
    child_ids = _children(top, doc_id)
    if not child_ids:
        return []
    from tracker.corpus.impact import children_left_short as run

    children = []
    for child_id in child_ids:
        paths = store.document_paths(child_id)
        text_path, meta_path = top / paths[store.TEXT], top / paths[store.META]
        if text_path.is_file():
            children.append((child_id, text_path.read_bytes(), meta_path.read_bytes() if meta_path.is_file() else None))
    return run(document, doc_id, targets, asked, children)


# ------------------------------------------------------------ the modes


def _changed_ids(names: bytes) -> list[str]:
    ids = []
    for name in names.decode("utf-8").split("\0"):
        doc_id = store.id_of_path(name) if name else None
        if doc_id and doc_id not in ids:
            ids.append(doc_id)
    return ids


def check_staged(root=None) -> Report:
    """The index (what ``git commit`` is about to record) against HEAD."""
    top = store.find_root(root)
    base = store.head(top)
    if base:
        names = store.git(top, "diff", "--cached", "--name-only", "--no-renames", "-z", base, "--", store.DOCUMENTS)
    else:
        names = store.git(top, "ls-files", "-z", "--", store.DOCUMENTS)
    return _check_blobs(top, _changed_ids(names), ":", f"{base}:" if base else None)


def check_range(spec: str, root=None) -> Report:
    """``REV1..REV2`` (CI): the documents changed in the range, as they are at REV2."""
    top = store.find_root(root)
    old, _, new = spec.partition("..")
    old_commit = store.rev_commit(top, old or "HEAD")
    new_commit = store.rev_commit(top, new or "HEAD")
    if not old_commit or not new_commit:
        raise InputError(f"{spec!r}: not a revision range of this repository (REV1..REV2)")
    names = store.git(top, "diff", "--name-only", "--no-renames", "-z", old_commit, new_commit, "--", store.DOCUMENTS)
    return _check_blobs(top, _changed_ids(names), f"{new_commit}:", f"{old_commit}:")


def _check_blobs(top: Path, ids: list[str], prefix: str, base_prefix: str | None) -> Report:
    specs = []
    for doc_id in ids:
        paths = store.document_paths(doc_id)
        specs += [prefix + paths[store.TEXT], prefix + paths[store.META], prefix + paths[store.TARGETS]]
        if base_prefix:
            specs.append(base_prefix + paths[store.TARGETS])
    blobs = store.read_blobs(top, specs)
    step = 4 if base_prefix else 3
    report = []
    for i, doc_id in enumerate(ids):
        text, meta, snapshot, *base = blobs[i * step : (i + 1) * step]
        report.append(check_document(doc_id, text, meta, snapshot, base[0] if base else None, root=top))
    return Report(report)


def check_files(files: list[str]) -> Report:
    """Document files named on the command line (pre-commit, CI), as they are on disk."""
    ids: dict[tuple[Path, str], None] = {}
    roots: dict[Path, Path] = {}  # one `git rev-parse` per folder, not per file
    for name in files:
        path = Path(name).resolve()
        folder = path.parent if path.parent.exists() else Path.cwd()
        if folder not in roots:
            roots[folder] = store.find_root(folder)
        top = roots[folder]
        try:
            relative = path.relative_to(top.resolve()).as_posix()
        except ValueError:
            raise InputError("is outside the store", path=name) from None
        doc_id = store.id_of_path(relative)
        if doc_id is None:
            raise InputError(
                f"is not a stored document file (documents/<id>/{'|'.join(store.DOCUMENT_FILES)})", path=name
            )
        ids[(top, doc_id)] = None
    report = []
    for top, doc_id in ids:
        paths = store.document_paths(doc_id)

        def read(key):
            p = top / paths[key]
            return p.read_bytes() if p.is_file() else None

        report.append(check_document(doc_id, read(store.TEXT), read(store.META), read(store.TARGETS), root=top))
    return Report(report)


def run(args: list[str], root=None) -> Report:
    """Pick the mode from the arguments: none → staged, ``A..B`` → range, else files."""
    if not args:
        return check_staged(root)
    if len(args) == 1 and ".." in args[0] and not Path(args[0]).exists():
        return check_range(args[0], root)
    return check_files(args)


# ------------------------------------------------------------ reporting


def change_line(doc_id: str, change: TargetChange) -> str:
    either = change.new or change.old
    indicator = either.indicator or either.text
    clause = change.new.clause if change.new else change.old.clause
    return f"{doc_id}  {clause}  {indicator}: {describe(change.old)} → {describe(change.new)}  [{change.change}]"


#: children named one per line in a refusal, then a count of the rest
MAX_CHILDREN_SHOWN = 20


def children_lines(doc: DocumentCheck) -> list[str]:
    """'would leave N stored children short', then one line per child (at most 20), then a count."""
    if not doc.children_short:
        return []
    n = len(doc.children_short)
    lines = [f"  this change would leave {n} stored child document(s) short (本次修改将使 {n} 份下级文件不再满足要求):"]
    for child_id, shortfalls in doc.children_short[:MAX_CHILDREN_SHOWN]:
        parts = [f"{(t.indicator or t.text)} {describe(t)}: child {describe(c.new)} [{c.change}]" for t, c in shortfalls]
        lines.append(f"    {child_id}  " + "; ".join(parts))
    if n > MAX_CHILDREN_SHOWN:
        lines.append(f"    … and {n - MAX_CHILDREN_SHOWN} more child document(s) (tracker impact lists them all)")
    return lines


def format_report(report: Report) -> str:
    lines = []
    for doc in report.documents:
        if doc.note and doc.note != "removed":
            lines.append(f"{doc.doc_id}: {doc.note}")
        for change in doc.unacknowledged:
            lines.append(change_line(doc.doc_id, change))
            lines.extend(f"    {reason}" for reason in change.reasons)
            lines.extend(f"    {reason}" for reason in change.reasons_zh)  # the reviewer's words too
        lines.extend(children_lines(doc))
    failed = [d.doc_id for d in report.documents if d.unacknowledged]
    if failed:
        count = sum(len(d.unacknowledged) for d in report.documents)
        lines.insert(0, f"tracker check: {count} target change(s) not acknowledged:")
        lines.append(
            f"Acknowledge them with 'tracker accept {' '.join(failed)}' (updates and stages targets.json, "
            "so the change shows in review), or undo the edit."
        )
    for doc in report.documents:
        for change in doc.acknowledged:
            lines.append("acknowledged: " + change_line(doc.doc_id, change))
    return "\n".join(lines)


# ---------------------------------------------------------------- accept


def accept(ids: list[str], root=None) -> list[str]:
    """Rewrite and stage targets.json of ``ids`` (default: every document changed since HEAD).

    The snapshot is extracted from the working-tree text, the same way
    ``tracker import`` writes it.
    """
    from tracker.pipeline import targets_snapshot  # extraction, one layer up; the check itself never needs it

    top = store.store_root(root)
    if not ids:
        out = store.git(top, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", store.DOCUMENTS)
        ids = _changed_ids(b"\0".join(entry[3:] for entry in out.split(b"\0") if len(entry) > 3))
    written = []
    for doc_id in ids:
        paths = store.document_paths(doc_id)
        text_path, meta_path = top / paths[store.TEXT], top / paths[store.META]
        if not text_path.is_file():
            raise StoreError(f"{doc_id}: no such document in the store at {top}")
        meta = meta_path.read_bytes() if meta_path.is_file() else None
        document = store.document_from_bytes(text_path.read_bytes(), meta, doc_id)
        data = targets_snapshot(document, doc_id)
        target = top / paths[store.TARGETS]
        if not target.is_file() or target.read_bytes() != data:
            store.write_atomic(target, data)
        store.git(top, "add", "--", paths[store.TARGETS])
        written.append(doc_id)
    return written


# ------------------------------------------------------------------ hook

HOOK_MARK = "# installed by 'tracker hook install'"


def hook_script() -> str:
    """A pre-commit hook that runs this installation's tracker (no PATH lookup at commit time)."""
    exe = Path(sys.executable).with_name("tracker")
    command = f'"{exe}" check' if exe.exists() else f'"{sys.executable}" -c "from tracker.cli import main; main([\'check\'])"'
    return (
        "#!/bin/sh\n"
        f"{HOOK_MARK}: refuse commits whose policy targets changed without 'tracker accept'.\n"
        "# Last resort to commit anyway: git commit --no-verify\n"
        f"exec {command}\n"
    )


def install_hook(root=None, force: bool = False) -> Path:
    top = store.find_root(root)
    hooks = Path(store.git(top, "rev-parse", "--git-path", "hooks", hooks=True).decode().strip())
    if not hooks.is_absolute():
        hooks = top / hooks
    path = hooks / "pre-commit"
    if path.exists() and HOOK_MARK not in path.read_text(errors="replace") and not force:
        raise StoreError(f"{path} exists and was not written by tracker; use --force to replace it")
    hooks.mkdir(parents=True, exist_ok=True)
    store.write_atomic(path, hook_script().encode())
    path.chmod(0o755)
    return path
