"""Names in the store: document ids, version labels, tags and the paths of a document's files.

Ids keep their slashes in tag names: ``heilongjiang/youyi/plan@draft`` is a valid
git ref, and ids allow no dots, so no component can be ``..`` or end in ``.lock``.
Pure string work: no git, no file system.
"""
from __future__ import annotations

import os
import re

from tracker.errors import StoreError

DOCUMENTS = "documents"
REPORTS = "reports"
TEXT, META, TARGETS = "text.txt", "meta.json", "targets.json"
DOCUMENT_FILES = (TEXT, META, TARGETS)
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*")
LABEL_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*")
MAX_ID = 200
MAX_LABEL = 64

# ---------------------------------------------------------------- names


def validate_id(doc_id: str) -> str:
    """A document id, or a one-line StoreError saying what is wrong with it."""
    if not isinstance(doc_id, str) or not doc_id:
        raise StoreError("document id is empty")
    if "\x00" in doc_id:
        raise StoreError("document id contains a NUL character")
    shown = doc_id if len(doc_id) <= 60 else doc_id[:57] + "..."
    if len(doc_id) > MAX_ID:
        raise StoreError(f"document id {shown!r} is longer than {MAX_ID} characters")
    if doc_id.startswith("/") or re.match(r"[A-Za-z]:", doc_id):
        raise StoreError(f"document id {shown!r} is an absolute path; ids are relative like 'province/city/plan-name'")
    if ".." in doc_id.split("/"):
        raise StoreError(f"document id {shown!r} contains '..'; ids stay inside documents/")
    if not ID_PATTERN.fullmatch(doc_id):
        raise StoreError(
            f"document id {shown!r} is not valid: use lowercase ascii letters, digits, '-' and '_' "
            "in '/'-separated segments (e.g. heilongjiang/shuangyashan/youyi/basic-elderly-care-plan)"
        )
    return doc_id


#: names git reads as a revision of its own (HEAD, FETCH_HEAD, ORIG_HEAD, MERGE_HEAD, …, in any case):
#: as a label, ID@HEAD would mean the tag and ID@HEAD~1 count back from it
GIT_REVISION_NAMES = re.compile(r"(?:[A-Za-z]+_)*HEAD|stash|@", re.I)


def validate_label(label: str) -> str:
    """A version label, or a one-line StoreError: characters git gives meaning to (~ ^ : @{ …) and its own names refused."""
    if not label or len(label) > MAX_LABEL or not LABEL_PATTERN.fullmatch(label) or label.endswith(".lock"):
        raise StoreError(
            f"version label {label!r} is not valid: use letters, digits, '-', '_' and single dots (e.g. draft, final, v2)"
        )
    if GIT_REVISION_NAMES.fullmatch(label):
        raise StoreError(
            f"version label {label!r} is a name git gives its own meaning to (ID@{label} would not mean this version); "
            "choose another, e.g. draft, final, v2"
        )
    return label


def tag_name(doc_id: str, label: str) -> str:
    """The tag of one imported version: the id with its slashes kept, '@', the label."""
    return f"{doc_id}@{label}"


def parse_ref(ref: str) -> tuple[str, str | None]:
    """``ID[@VERSION]`` → (id, version or None)."""
    doc_id, _, version = ref.partition("@")
    validate_id(doc_id)
    if "@" in ref and not version:
        raise StoreError(f"{ref!r}: nothing after '@'; write ID@LABEL or ID@REVISION")
    return doc_id, (version or None)


def document_dir(doc_id: str) -> str:
    """The document's folder, relative to the store root (always '/'-separated)."""
    return f"{DOCUMENTS}/{validate_id(doc_id)}"


def document_paths(doc_id: str) -> dict[str, str]:
    folder = document_dir(doc_id)
    return {name: f"{folder}/{name}" for name in DOCUMENT_FILES}


def id_of_path(path: str) -> str | None:
    """The document id a store-relative path belongs to, or None if it is no document file."""
    parts = path.replace(os.sep, "/").split("/")
    if len(parts) < 3 or parts[0] != DOCUMENTS or parts[-1] not in DOCUMENT_FILES:
        return None
    doc_id = "/".join(parts[1:-1])
    return doc_id if ID_PATTERN.fullmatch(doc_id) else None
