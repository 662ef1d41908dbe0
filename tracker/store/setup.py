"""``tracker init``: make any git repository a document store.

Layout of a store::

    documents/<id>/text.txt      canonical text (tracker.canonical): clause blocks, a sentence a line
    documents/<id>/meta.json     metadata: title, issuer, level, region, date, 文号, status, parent, …
    documents/<id>/targets.json  the acknowledged targets (tracker.targets/1), see tracker.check
    reports/                     rendered reports
    .gitattributes               documents/**/*.txt diff=tracker
"""
from __future__ import annotations

from pathlib import Path

from tracker.errors import StoreError
from tracker.store.names import DOCUMENTS, REPORTS
from tracker.store.plumbing import find_root, git, git_dir
from tracker.store.transaction import JOURNAL_NAME, commit_files, locked

#: lines tracker keeps in the store's .gitattributes
GITATTRIBUTES = (
    "documents/**/*.txt diff=tracker text eol=lf",
    "documents/**/*.json text eol=lf",
)
#: the diff driver's settings (git config diff.tracker.*)
DIFF_DRIVER = {
    # one CJK (or any non-ASCII) character, or a run of ASCII word characters, or one other mark
    "wordRegex": "[A-Za-z0-9_]+|[^[:space:]]",
    # hunk headers name the clause: "@@ -3,2 +3,2 @@ §§ 二.(一)"
    "xfuncname": "^§+ .*$",
}


# ------------------------------------------------------------------ init


def init(path=None) -> Path:
    """Make (or finish setting up) a store: git repository, folders, attributes, diff driver.

    Run again on a store, it adds what is missing and finishes (or undoes) an
    import that was killed half way.
    """
    target = Path(path) if path is not None else Path.cwd()
    if target.exists() and not target.is_dir():
        raise StoreError(f"{target}: exists and is not a directory")
    target.mkdir(parents=True, exist_ok=True)
    try:
        top = find_root(target)
    except StoreError:
        git(target, "init", "--quiet")
        top = find_root(target)
    for key, value in DIFF_DRIVER.items():
        git(top, "config", "--local", f"diff.tracker.{key}", value)
    files = _missing_files(top)
    if files or (git_dir(top) / JOURNAL_NAME).exists():
        with locked(top):  # taking the lock also finishes or undoes an import that was killed
            files = _missing_files(top)
            if files:
                commit_files(top, files, "Set up tracker store: documents/, reports/ and the diff driver attributes")
    return top


def _missing_files(top: Path) -> dict[str, bytes]:
    """The .gitattributes lines and folder keepers a store still lacks (nothing when set up)."""
    files: dict[str, bytes] = {}
    attributes = top / ".gitattributes"
    current = attributes.read_text("utf-8") if attributes.exists() else ""
    missing = [line for line in GITATTRIBUTES if line not in current.splitlines()]
    if missing:
        files[".gitattributes"] = (current + ("" if current.endswith("\n") or not current else "\n") + "\n".join(missing) + "\n").encode()
    for folder in (DOCUMENTS, REPORTS):
        keep = f"{folder}/.gitkeep"
        if not (top / keep).exists():
            files[keep] = b""
    return files
