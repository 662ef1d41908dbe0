"""The pipeline, composed in one place: read → clean → segment → extract → align → compare.

Every stage module takes what it needs as arguments and knows nothing of the
stages after it; this module is the only one that calls them in order, and no
stage imports it back (tests/test_layering.py). The library API
(:mod:`tracker.api`), the commands and the pre-commit check's ``accept`` sit
above it. Importing a file into the store (read + extract + commit) lives here
too, because the store (:mod:`tracker.store`) only keeps what it is handed.
"""
from __future__ import annotations

import os
import pickle
import re
from dataclasses import replace
from pathlib import Path

from tracker import canonical, jsonio
from tracker import store as docstore
from tracker.align import align
from tracker.characters import strip_unsafe
from tracker.clean import clean
from tracker.compare import diff_documents
from tracker.errors import InputError, StoreError, TrackerError
from tracker.extract import extract_targets as _extract_targets
from tracker.model import DiffResult, Document, Metadata, Target
from tracker.parallel import default_jobs
from tracker.readers import read
from tracker.segment import segment


def read_document(path: str | os.PathLike) -> Document:
    """Read a file of any supported format into a clean clause tree with metadata."""
    return segment(clean(read(path)))


def extract_targets(document: Document) -> list[Target]:
    """Every numeric and dated target of a document, in document order."""
    return _extract_targets(document)


def diff(
    old: Document,
    new: Document,
    mode: str = "version",
    *,
    old_ref: str = "",
    new_ref: str = "",
    old_targets: list[Target] | None = None,
    new_targets: list[Target] | None = None,
) -> DiffResult:
    """Extract both documents' targets (unless given), align clause by clause, judge every target change.

    ``mode="version"`` compares a draft with its final text; ``mode="parent"``
    holds an implementing plan (``new``) against its parent (``old``).
    """
    return diff_documents(
        old,
        new,
        mode=mode,
        alignment=align(old.clauses, new.clauses, mode),
        old_ref=old_ref,
        new_ref=new_ref,
        old_targets=extract_targets(old) if old_targets is None else old_targets,
        new_targets=extract_targets(new) if new_targets is None else new_targets,
    )


def load_document(ref: str, store: str | os.PathLike | None = None) -> Document:
    """A file path, or a stored reference ``ID[@VERSION]`` in the document store."""
    if Path(ref).exists():
        return read_document(ref)
    if "@" in ref or not Path(ref).suffix:
        return docstore.load_ref(ref, root=store)
    raise InputError("no such file", path=ref)


# ------------------------------------------------------------------ both sides of a diff

#: a side smaller than this is read in this process: a 280 KB side reads and extracts in ~85 ms,
#: about what starting a second process and handing the document back (pickled) costs
PARALLEL_MIN_BYTES = 512 * 1024


def load_with_targets(ref: str, store: str | os.PathLike | None = None) -> tuple[Document, list[Target]]:
    """One side of a diff: the document (file or stored reference) and its targets."""
    document = load_document(ref, store)
    return document, extract_targets(document)


def load_pair(old_ref: str, new_ref: str, store: str | os.PathLike | None = None,
              ) -> tuple[tuple[Document, list[Target]], tuple[Document, list[Target]]]:
    """Both sides of a diff with their targets; two large files side by side in two processes.

    Reading, cleaning, segmenting and extracting are most of what a large diff
    costs (0406), and the two sides do not depend on each other: on two cores
    the old side goes to a forked process while this one does the new side.
    The worker hands its document back as soon as it is segmented, written
    pickled to a spool file, and then extracts its targets: pickling 50,000
    clauses (~0.35 s for a 19 MB plan) happens while this process still works
    on its own side, not after both are done, and the spool is read in one go
    when this process wants it (a pipe passes 64 KB at a time). Errors are
    raised as if the sides were loaded one after the other (the old side's
    first); a worker that dies (out of memory) is replaced by loading its side here.
    """
    import multiprocessing

    if (min(_content_size(old_ref), _content_size(new_ref)) < PARALLEL_MIN_BYTES or default_jobs() < 2
            or "fork" not in multiprocessing.get_all_start_methods()):
        return load_with_targets(old_ref, store), load_with_targets(new_ref, store)
    import tempfile
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"), initializer=_quiet_worker)
    try:
        with tempfile.TemporaryFile() as spool:
            document_future = pool.submit(_spool_document, old_ref, store, spool.fileno())
            targets_future = pool.submit(_extract_spooled)
            try:
                new, failed = load_with_targets(new_ref, store), None
            except TrackerError as exc:
                new, failed = None, exc
            try:
                size = document_future.result()
                old = (pickle.loads(_read_spool(spool.fileno(), size)), targets_future.result()) if failed is None else None
            except BrokenProcessPool:
                old = load_with_targets(old_ref, store)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)  # the worker's exit (a heap of 300 MB let go) is not waited for
    if failed is not None:
        raise failed
    return old, new


def _quiet_worker() -> None:
    """A load_pair worker writes nothing to the terminal: its errors reach the parent through its futures,
    and one still running when the parent has refused the other side and exited (a refused pair) must not
    print a traceback of its broken pipe after the one-line error."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


#: the document a worker of load_pair has segmented, kept there until it exits: freeing its
#: clause objects one by one after extracting (~0.1 s for a 19 MB plan) would delay the targets
_SPOOLED: list[Document] = []


def _spool_document(ref: str, store, fd: int) -> int:
    """In the worker: load ``ref``, write it pickled at the start of the spool ``fd``; its length in bytes."""
    document = load_document(ref, store)
    data = pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL)
    view, at = memoryview(data), 0
    while at < len(data):
        at += os.pwrite(fd, view[at:], at)
    _SPOOLED.append(document)
    return len(data)


def _read_spool(fd: int, size: int) -> bytes:
    chunks, at = [], 0
    while at < size:
        chunk = os.pread(fd, size - at, at)
        if not chunk:
            raise EOFError("the spool of load_pair's worker is shorter than it said")
        chunks.append(chunk)
        at += len(chunk)
    return b"".join(chunks)


def _extract_spooled() -> list[Target]:
    """In the worker, after :func:`_spool_document`: the targets of the document it loaded."""
    return extract_targets(_SPOOLED[-1])


def _content_size(ref: str) -> int:
    """Bytes a source file holds: a zip container (.docx) by what it unpacks to, since 12 MB of
    Word XML arrive as 100 KB; 0 for a stored reference (kept in this process)."""
    import zipfile

    try:
        if not os.path.isfile(ref):
            return 0
        if zipfile.is_zipfile(ref):
            with zipfile.ZipFile(ref) as archive:
                return sum(info.file_size for info in archive.infolist())
        return os.stat(ref).st_size
    except (OSError, ValueError, zipfile.BadZipFile):  # unreadable here: the reader will say why
        return 0


# ------------------------------------------------------------------ import


def targets_snapshot(document: Document, source: str) -> bytes:
    """The acknowledged-targets snapshot (contract format) of a document.

    Extracted from the document as loaded back from its canonical text, the
    very form ``tracker check`` extracts from, so a fresh import always checks clean.
    """
    return (jsonio.dumps(jsonio.targets_to_dict(document, extract_targets(document), source)) + "\n").encode("utf-8")


targets_bytes = targets_snapshot  # the name it had in tracker.store

#: metadata fields an import may set by hand when the text does not state them (or states them wrongly)
OVERRIDABLE = ("title", "issuer", "level", "date", "number", "implements")


def apply_overrides(meta: Metadata, overrides: dict) -> Metadata:
    """Metadata given on the command line wins over what was read from the text (a new Metadata).

    Control, escape and bidi characters are removed from them as from the text (tracker.characters).
    """
    changes: dict = {}
    for key, value in overrides.items():
        if key not in OVERRIDABLE:
            raise StoreError(f"metadata field {key!r} cannot be set; settable: {', '.join(OVERRIDABLE)}")
        if value in (None, (), []):
            continue
        # typed or pasted by a user: the same characters cleaning removes from a text are removed here
        value = [strip_unsafe(v)[0] for v in value] if key == "implements" else strip_unsafe(value)[0]
        if key == "implements":
            changes["implements"] = list(dict.fromkeys([*meta.implements, *value]))
        elif key == "level" and value not in ("central", "province", "city", "county"):
            raise StoreError(f"level {value!r} is not central, province, city or county")
        elif key == "date" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise StoreError(f"date {value!r} is not an ISO date (YYYY-MM-DD)")
        else:
            changes[key] = value
    return replace(meta, **changes)


def validate_names(doc_id: str, *, parent: str | None, version: str | None, status: str | None) -> None:
    """The id, parent id, version label and status of an import, or a one-line error."""
    docstore.validate_id(doc_id)
    if parent is not None:
        docstore.validate_id(parent)
    if version is not None:
        docstore.validate_label(version)
    if status is not None and status not in ("draft", "final"):
        raise StoreError(f"status {status!r} is not draft or final")


def prepare_version(
    source,
    doc_id: str,
    *,
    status: str | None = None,
    version: str | None = None,
    parent: str | None = None,
    region: str | None = None,
    overrides: dict | None = None,
    row: int = 0,
) -> docstore.PendingVersion:
    """Validate the names, read ``source`` and extract its targets: one version ready for the store.

    Touches no store, so it runs in worker processes for a manifest; every
    error is a one-line TrackerError naming what is wrong.
    """
    validate_names(doc_id, parent=parent, version=version, status=status)
    document = read_document(source)
    metadata = document.metadata if status is None else replace(document.metadata, status=status)
    metadata = apply_overrides(metadata, overrides or {})
    text = canonical.dumps(replace(document, metadata=metadata))
    try:
        targets = targets_snapshot(canonical.loads(text, metadata), doc_id)
    except InputError as exc:  # the canonical text names no file: say which one was refused
        raise (InputError(str(exc), path=str(source)) if exc.path is None else exc) from None
    return docstore.PendingVersion(row=row, doc_id=doc_id, text=text.encode("utf-8"), metadata=metadata,
                                   targets=targets, source=str(source), version=version, parent=parent, region=region)


def import_document(
    source,
    doc_id: str,
    *,
    status: str | None = None,
    version: str | None = None,
    parent: str | None = None,
    region: str | None = None,
    overrides: dict | None = None,
    root=None,
) -> tuple[str, str]:
    """Read ``source``, store its canonical text, metadata and targets, commit and tag.

    Returns (commit, tag). The source is read and its targets extracted before
    anything in the store is touched; the write itself is all or nothing
    (:func:`tracker.store.commit_document`).
    """
    validate_names(doc_id, parent=parent, version=version, status=status)
    top = docstore.store_root(root)
    v = prepare_version(source, doc_id, status=status, version=version, parent=parent, region=region,
                        overrides=overrides)
    return docstore.commit_document(
        top, doc_id, text=v.text, metadata=v.metadata, targets=v.targets,
        source=source, version=version, parent=parent, region=region,
    )
