"""The document store: policy texts in a git repository, one folder per document.

A package of four jobs, each its own module:

- :mod:`~tracker.store.names`        ids, version labels, tags, the paths of a document's files
- :mod:`~tracker.store.plumbing`     the one way tracker calls git (``git`` subprocesses)
- :mod:`~tracker.store.transaction`  the lock and the all-or-nothing commit of a set of files
- :mod:`~tracker.store.queries`      reading back: documents, list, log, versions, parent, children
- :mod:`~tracker.store.setup` / :mod:`~tracker.store.writing`  ``tracker init``; one version into the store
- :mod:`~tracker.store.batch`        many versions at once (``tracker import --manifest``), one commit each

The store keeps what it is handed and never reads a source file or extracts
targets: importing a file (read + extract + commit) is
:func:`tracker.pipeline.import_document`, one layer up. Nothing here imports
the readers or the extractor, so the pre-commit check (tracker.check) starts fast.
"""
from __future__ import annotations

from tracker.files import write_atomic
from tracker.store.names import (
    DOCUMENT_FILES,
    DOCUMENTS,
    ID_PATTERN,
    LABEL_PATTERN,
    MAX_ID,
    MAX_LABEL,
    META,
    REPORTS,
    TARGETS,
    TEXT,
    document_dir,
    document_paths,
    id_of_path,
    parse_ref,
    tag_name,
    validate_id,
    validate_label,
)
from tracker.store.plumbing import (
    FALLBACK_IDENTITY,
    build_commit,
    dirty_paths,
    find_root,
    git,
    git_dir,
    head,
    identity_env,
    read_blobs,
    rev_commit,
    run_git,
    store_root,
)
from tracker.store.queries import (
    Version,
    children_of,
    descendants_of,
    default_label,
    document_from_bytes,
    list_documents,
    load_ref,
    log,
    metadata_from_dict,
    parent_of,
    read_meta,
    read_versions,
    resolve_against_parent,
    resolve_version,
    trailer_labels,
    version_dates,
    versions,
)
from tracker.store.setup import DIFF_DRIVER, GITATTRIBUTES, init
from tracker.store.transaction import LOCK_NAME, LOCK_TIMEOUT, Transaction, commit_files, locked
from tracker.store.writing import commit_document, commit_message, metadata_record, sha256_of
from tracker.store.batch import PendingVersion, Refused, Stored, commit_versions
