"""Reading the store: documents back as Documents, versions, history, parents and children.

Nothing here writes; every git call is one process (``cat-file --batch``,
``for-each-ref``, ``log``), so the cost does not grow with the store's size
more than git's own does.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from tracker import canonical
from tracker.errors import StoreError
from tracker.jsonio import legal_act_from_dict
from tracker.model import Document, Metadata
from tracker.store.names import (
    DOCUMENTS,
    ID_PATTERN,
    LABEL_PATTERN,
    META,
    TEXT,
    document_paths,
    parse_ref,
    tag_name,
    validate_id,
)
from tracker.store.plumbing import git, head, read_blobs, rev_commit, store_root
from tracker.store.transaction import in_flight, settle_for_reading

# ---------------------------------------------------------------- loading


def metadata_from_dict(data: dict) -> Metadata:
    return Metadata(
        title=data.get("title"),
        issuer=data.get("issuer"),
        date=data.get("date"),
        number=data.get("number"),
        status=data.get("status"),
        level=data.get("level"),
        implements=list(data.get("implements") or []),
        warnings=list(data.get("warnings") or []),
        history=[legal_act_from_dict(act) for act in data.get("history") or []],
        adopted=data.get("adopted"),
        effective=data.get("effective"),
    )


def document_from_bytes(text: bytes, meta: bytes | None, source: str) -> Document:
    """A Document from stored canonical text and metadata bytes."""
    try:
        metadata = metadata_from_dict(json.loads(meta.decode("utf-8")) if meta else {})
        return canonical.loads(text.decode("utf-8"), metadata, source=source)
    except (ValueError, KeyError, TypeError) as exc:  # JSON and format errors are ValueErrors
        raise StoreError(f"{source}: stored document is damaged: {exc}") from None


def resolve_version(root: Path, doc_id: str, version: str) -> str:
    """The commit of ``ID@VERSION``: a tracker label first, then any git revision."""
    commit = rev_commit(root, f"refs/tags/{tag_name(doc_id, version)}")
    if commit:
        return commit
    for sha, (trailer_id, label) in trailer_labels(root).items():  # newest first
        if trailer_id == doc_id and label == version:
            return sha
    commit = rev_commit(root, version)
    if commit:
        return commit
    labels = ", ".join(versions(root).get(doc_id, [])) or "none"
    raise StoreError(f"{doc_id}@{version}: no such version or git revision (labels: {labels})")


# ------------------------------------------------------- the current files


def current_files(top: Path, paths: list[str]) -> list[bytes | None]:
    """The working tree's copies of ``paths`` (None when missing), never a set an import is half way through.

    The working tree is read when no import is writing (a dead one's files
    are repaired first, :func:`~tracker.store.transaction.settle_for_reading`)
    and still none started while they were read; otherwise the files are read
    from HEAD's commit, the last version committed whole.
    """
    before = head(top)
    if settle_for_reading(top):
        data = [_read_file(top / p) for p in paths]
        if not in_flight(top) and head(top) == before:
            return data
    commit = head(top)
    return read_blobs(top, [f"{commit}:{p}" for p in paths]) if commit else [None] * len(paths)


def current_metas(top: Path) -> dict[str, bytes]:
    """meta.json of every stored document, by id, as :func:`current_files` reads them."""
    before = head(top)
    if settle_for_reading(top):
        found = {meta.parent.relative_to(top / DOCUMENTS).as_posix(): _read_file(meta)
                 for meta in (top / DOCUMENTS).rglob(META)}
        if not in_flight(top) and head(top) == before:
            return {doc_id: data for doc_id, data in found.items() if data is not None}
    commit = head(top)
    if commit is None:
        return {}
    names = [n for n in git(top, "ls-tree", "-r", "--name-only", commit, "--", DOCUMENTS).decode("utf-8").splitlines()
             if n.endswith("/" + META)]
    blobs = read_blobs(top, [f"{commit}:{n}" for n in names])
    return {n[len(DOCUMENTS) + 1 : -len(META) - 1]: data for n, data in zip(names, blobs) if data is not None}


def _read_file(path: Path) -> bytes | None:
    try:
        return path.read_bytes() if path.is_file() else None
    except FileNotFoundError:  # removed between the two calls (an import undone meanwhile)
        return None


def load_ref(ref: str, root=None) -> Document:
    """``ID`` (the working tree's copy) or ``ID@VERSION`` (a label or any git revision) → Document."""
    top = store_root(root)
    doc_id, version = parse_ref(ref)
    paths = document_paths(doc_id)
    if version is None:
        text, meta = current_files(top, [paths[TEXT], paths[META]])
        if text is None:
            raise StoreError(f"{doc_id}: no such document in the store at {top}")
        return document_from_bytes(text, meta, ref)
    commit = resolve_version(top, doc_id, version)
    text, meta = read_blobs(top, [f"{commit}:{paths[TEXT]}", f"{commit}:{paths[META]}"])
    if text is None:
        raise StoreError(f"{ref}: the document does not exist at that revision ({commit[:12]})")
    return document_from_bytes(text, meta, ref)


def read_meta(root: Path, doc_id: str) -> dict:
    (data,) = current_files(Path(root), [document_paths(doc_id)[META]])
    if data is None:
        raise StoreError(f"{doc_id}: no such document in the store at {root}")
    return json.loads(data.decode("utf-8"))


def parent_of(doc_id: str, root=None) -> str | None:
    """The id of the document this one implements within the store (its ``parent``), or None."""
    return read_meta(store_root(root), validate_id(doc_id)).get("parent")


def resolve_against_parent(doc_id: str, root=None) -> tuple[str, str]:
    """(parent_ref, child_ref) for ``tracker diff ID --against-parent``: both current texts."""
    top = store_root(root)
    parent = parent_of(doc_id, top)
    if not parent:
        raise StoreError(f"{doc_id}: no parent recorded; import it with --parent ID")
    if current_files(top, [document_paths(parent)[TEXT]])[0] is None:
        raise StoreError(f"{doc_id}: its parent {parent} is not in the store; import it first")
    return parent, doc_id


def children_of(doc_id: str, root=None) -> list[str]:
    """The ids of the stored documents that name ``doc_id`` as their parent, in id order.

    The corpus questions (a province plan against all its cities and counties)
    start here: which plans implement this one.
    """
    validate_id(doc_id)
    return [row["id"] for row in list_documents(root) if row.get("parent") == doc_id]


def descendants_of(doc_id: str, root=None, depth: int = 1) -> list[dict]:
    """The metadata rows of the documents under ``doc_id``: children, then (``depth`` > 1) theirs …

    By generation, then id; each row as :func:`list_documents` gives it. One
    listing of the store whatever the depth (national → province → city → county).
    """
    validate_id(doc_id)
    if depth < 1:
        raise StoreError(f"depth {depth}: give 1 (children) or more (grandchildren …)")
    by_parent: dict[str, list[dict]] = {}
    for row in list_documents(root):
        if row.get("parent"):
            by_parent.setdefault(row["parent"], []).append(row)
    found, frontier, seen = [], [doc_id], {doc_id}
    for _ in range(depth):
        generation = sorted((r for p in frontier for r in by_parent.get(p, []) if r["id"] not in seen),
                            key=lambda r: r["id"])
        seen.update(r["id"] for r in generation)
        found += generation
        frontier = [r["id"] for r in generation]
    return found


def read_versions(root: Path, refs: list[tuple[str, str]]) -> list[tuple[bytes, bytes | None]]:
    """(canonical text, meta.json) of each (id, version label), in one ``git cat-file --batch``.

    Read from the versions' tags; a store cloned without tags falls back to
    resolving each label on its own. An audit of 1,000 children must not start
    1,000 git processes.
    """
    specs = []
    for doc_id, version in refs:
        paths = document_paths(doc_id)
        specs += [f"refs/tags/{tag_name(doc_id, version)}:{paths[TEXT]}", f"refs/tags/{tag_name(doc_id, version)}:{paths[META]}"]
    blobs = read_blobs(root, specs)
    out = []
    for k, (doc_id, version) in enumerate(refs):
        text, meta = blobs[2 * k], blobs[2 * k + 1]
        if text is None:
            commit = resolve_version(root, doc_id, version)
            paths = document_paths(doc_id)
            text, meta = read_blobs(root, [f"{commit}:{paths[TEXT]}", f"{commit}:{paths[META]}"])
            if text is None:
                raise StoreError(f"{doc_id}@{version}: the document does not exist at that revision ({commit[:12]})")
        out.append((text, meta))
    return out


# ---------------------------------------------------------------- listing


def _document_tags(root: Path) -> list[tuple[str, str, str]]:
    """(commit, document id, label) of every ``ID@LABEL`` tag, annotated tags peeled to their commit."""
    refs = git(root, "for-each-ref", "--format=%(objectname) %(*objectname) %(refname:strip=2)", "refs/tags/").decode()
    out = []
    for line in refs.splitlines():
        fields = line.split(" ")
        sha, name = (fields[1] or fields[0]), fields[-1]
        doc_id, at, label = name.partition("@")
        if at and ID_PATTERN.fullmatch(doc_id):
            out.append((sha, doc_id, label))
    return out


def versions(root: Path) -> dict[str, list[str]]:
    """Version labels grouped by document id, in commit order (oldest first): tags, then commit trailers.

    A clone does not always bring the tags along, so the ``Tracker-Version``
    trailer each import commit carries is read as well. The order is the
    commits' own: sorting tags by date put two imports made in the same second
    in name order (amended before final). Only tags on the current history
    count: a tag made on another branch (or in another worktree of the same
    repository) names no version of this store.
    """
    if head(root) is None:
        return {}
    order = {sha: k for k, sha in enumerate(reversed(git(root, "rev-list", "--topo-order", "HEAD").decode().split()))}
    found: dict[tuple[str, str], int] = {}
    for sha, doc_id, label in _document_tags(root):
        if sha in order:
            found.setdefault((doc_id, label), order[sha])
    for sha, (doc_id, label) in trailer_labels(root).items():
        if sha in order:
            found.setdefault((doc_id, label), order[sha])
    grouped: dict[str, list[str]] = {}
    for (doc_id, label), _ in sorted(found.items(), key=lambda item: (item[1], item[0])):
        grouped.setdefault(doc_id, []).append(label)
    return grouped


def trailer_labels(root: Path) -> dict[str, tuple[str, str]]:
    """commit → (document id, version label) from the trailers of import commits, newest first."""
    if head(root) is None:
        return {}
    fmt = "%H%x1f%(trailers:key=Tracker-Document,valueonly,separator=)%x1f%(trailers:key=Tracker-Version,valueonly,separator=)"
    out = git(root, "log", f"--format={fmt}", "--grep=^Tracker-Version: ", "HEAD", check=False).decode("utf-8")
    found: dict[str, tuple[str, str]] = {}
    for line in out.splitlines():
        parts = line.split("\x1f")
        if len(parts) == 3 and parts[1].strip() and parts[2].strip():
            found[parts[0]] = (parts[1].strip(), parts[2].strip())
    return found


def list_documents(root=None) -> list[dict]:
    """Every stored document: id, title, level, status, versions."""
    top = store_root(root)
    tags = versions(top)
    rows = []
    for doc_id, data in sorted(current_metas(top).items(), key=lambda item: [*item[0].split("/"), META]):  # path order
        if not ID_PATTERN.fullmatch(doc_id):
            continue
        meta = json.loads(data.decode("utf-8"))
        rows.append({**meta, "id": doc_id, "versions": tags.get(doc_id, [])})
    return rows


@dataclass
class Version:
    commit: str
    committed: str  # ISO date of the commit
    source_date: str | None  # the document's legal date (Source-Date trailer)
    labels: list[str]
    subject: str


def log(doc_id: str, root=None) -> list[Version]:
    """The document's versions, newest first: one commit per import (or hand edit)."""
    top = store_root(root)
    paths = document_paths(doc_id)
    if not (top / paths[TEXT]).exists() and not git(top, "log", "-1", "--format=%H", "--", paths[TEXT]).strip():
        raise StoreError(f"{doc_id}: no such document in the store at {top}")
    fmt = "%H%x1f%cs%x1f%(trailers:key=Source-Date,valueonly,separator=)%x1f%s%x1e"
    out = git(top, "log", f"--format={fmt}", "--", paths[TEXT], paths[META]).decode("utf-8")
    tags: dict[str, list[str]] = {}
    for line in git(top, "for-each-ref", "--format=%(objectname) %(refname:strip=2)", f"refs/tags/{doc_id}@*").decode().splitlines():
        sha, name = line.split(" ", 1)
        tags.setdefault(sha, []).append(name.partition("@")[2])
    for sha, (trailer_id, label) in trailer_labels(top).items():
        if trailer_id == doc_id and label not in tags.setdefault(sha, []):
            tags[sha].append(label)
    result = []
    for record in out.split("\x1e"):
        record = record.strip("\n")
        if not record:
            continue
        sha, committed, source_date, subject = record.split("\x1f")
        result.append(Version(sha, committed, source_date.strip() or None, tags.get(sha, []), subject))
    return result


def version_dates(root=None) -> dict[str, dict[str, str]]:
    """Every stored version's date (its Source-Date, else its commit date), by id and label.

    One ``git log`` and one ``for-each-ref`` for the whole store: the index of a
    1,000-document corpus must not run ``log`` (and its history scan) per document.
    """
    top = store_root(root)
    if head(top) is None:
        return {}
    fmt = ("%H%x1f%cs%x1f%(trailers:key=Source-Date,valueonly,separator=)%x1f"
           "%(trailers:key=Tracker-Document,valueonly,separator=)%x1f%(trailers:key=Tracker-Version,valueonly,separator=)")
    dates: dict[str, str] = {}
    result: dict[str, dict[str, str]] = {}
    trailers = []
    for line in git(top, "log", f"--format={fmt}", "HEAD").decode("utf-8").splitlines():
        parts = line.split("\x1f")
        if len(parts) != 5:
            continue
        sha, committed, source, doc_id, label = (p.strip() for p in parts)
        dates[sha] = source or committed
        if doc_id and label:
            trailers.append((doc_id, label, sha))
    for sha, doc_id, label in _document_tags(top):
        if sha in dates:
            result.setdefault(doc_id, {})[label] = dates[sha]
    for doc_id, label, sha in trailers:  # a clone without tags still has the trailers
        result.setdefault(doc_id, {}).setdefault(label, dates[sha])
    return result


def default_label(root: Path, doc_id: str, status: str | None, law_date: str | None = None) -> str:
    """The label an import without ``--version`` gets (see :func:`choose_label`)."""
    return choose_label(set(versions(root).get(doc_id, [])), status, law_date)


def law_date(metadata) -> str | None:
    """The date a law's version is labelled by (its last act); None for a policy document, which has no history."""
    return metadata.date if metadata.history else None


def choose_label(taken: set[str], status: str | None, law_date: str | None = None) -> str:
    """A law's version date (2023-12-29), else the status (draft/final) when that label is still free, else v<N>.

    Every version of a law is 'final'; what tells them apart is the date of
    their last act (docs/decisions/0020-law-version-date.md). Single and
    manifest imports both label by this rule.
    """
    for label in (law_date, status):
        if label and label not in taken and LABEL_PATTERN.fullmatch(label):
            return label
    n = len(taken) + 1
    while f"v{n}" in taken:
        n += 1
    return f"v{n}"
