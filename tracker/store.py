"""The document store: policy texts in a git repository, one folder per document.

Layout of a store (any git repository after ``tracker init``)::

    documents/<id>/text.txt      canonical text (tracker.canonical): clause blocks, a sentence a line
    documents/<id>/meta.json     metadata: title, issuer, level, region, date, 文号, status, parent, …
    documents/<id>/targets.json  the acknowledged targets (tracker.targets/1), see tracker.check
    reports/                     rendered reports
    .gitattributes               documents/**/*.txt diff=tracker

One import is one commit (with a ``Source-Date:`` trailer) tagged ``<id>@<label>``.
Ids keep their slashes in tag names: ``heilongjiang/youyi/plan@draft`` is a valid
git ref, and ids allow no dots, so no component can be ``..`` or end in ``.lock``.

Why plumbing instead of ``git add`` + ``git commit``: the commit is built in a
temporary index (``GIT_INDEX_FILE``) from HEAD's tree plus tracker's own files,
so whatever the user has staged or changed elsewhere is never committed or
touched, and nothing becomes visible until every file is written.

This module imports neither gitpython nor the readers at module level: the
pre-commit check (tracker.check) uses its path helpers and must start fast.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import StoreError
from tracker.files import write_atomic

DOCUMENTS = "documents"
REPORTS = "reports"
TEXT, META, TARGETS = "text.txt", "meta.json", "targets.json"
DOCUMENT_FILES = (TEXT, META, TARGETS)
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*")
LABEL_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*")
MAX_ID = 200
MAX_LABEL = 64
LOCK_NAME = "tracker.lock"
LOCK_TIMEOUT = 30.0  # seconds; TRACKER_LOCK_TIMEOUT overrides

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


def validate_label(label: str) -> str:
    if not label or len(label) > MAX_LABEL or not LABEL_PATTERN.fullmatch(label) or label.endswith(".lock"):
        raise StoreError(
            f"version label {label!r} is not valid: use letters, digits, '-', '_' and single dots (e.g. draft, final, v2)"
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


# ------------------------------------------------------------------ git


def git(root, *args: str, input: bytes | None = None, env: dict | None = None, check: bool = True) -> bytes:
    """Run git in ``root``; a failure becomes a one-line StoreError."""
    full_env = None
    if env:
        full_env = dict(os.environ)
        full_env.update(env)
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=root,
            input=input,
            capture_output=True,
            env=full_env,
        )
    except FileNotFoundError:
        raise StoreError("git is not installed or not on PATH") from None
    if check and done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        text = message[-1] if message else f"git {args[0]} failed"
        if "tell me who you are" in done.stderr.decode("utf-8", "replace") or "empty ident" in text:
            text = "git has no author identity here: set it with git config user.name / user.email"
        raise StoreError(text.removeprefix("fatal: ").removeprefix("error: "))
    return done.stdout


def find_root(root=None) -> Path:
    """The top of the git repository at ``root`` (default: the current directory)."""
    start = Path(root) if root is not None else Path.cwd()
    if not start.exists():
        raise StoreError(f"{start}: no such directory")
    done = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"], cwd=start, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise StoreError(f"{start}: not a git repository; create a store with 'tracker init'")
    return Path(done.stdout.strip())


def store_root(root=None) -> Path:
    """Like :func:`find_root`, and the repository must have been set up by ``tracker init``."""
    top = find_root(root)
    if not (top / DOCUMENTS).is_dir():
        raise StoreError(f"{top}: not a tracker store (no {DOCUMENTS}/ folder); run 'tracker init' there first")
    return top


def git_dir(root: Path) -> Path:
    return Path(git(root, "rev-parse", "--absolute-git-dir").decode().strip())


def head(root: Path) -> str | None:
    """HEAD's commit, or None on a branch with no commit yet."""
    out = git(root, "rev-parse", "-q", "--verify", "HEAD^{commit}", check=False).decode().strip()
    return out or None


def rev_commit(root: Path, rev: str) -> str | None:
    out = git(root, "rev-parse", "-q", "--verify", "--end-of-options", f"{rev}^{{commit}}", check=False)
    return out.decode().strip() or None


def read_blobs(root: Path, specs: list[str]) -> list[bytes | None]:
    """Contents of ``REV:path`` / ``:path`` specs in one git process; None when missing."""
    if not specs:
        return []
    out = git(root, "cat-file", "--batch", input="".join(s + "\n" for s in specs).encode())
    result, pos = [], 0
    for _ in specs:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        pos = end + 1
        if len(header) == 3 and header[1] != b"missing":
            size = int(header[2])
            result.append(out[pos : pos + size])
            pos += size + 1
        else:
            result.append(None)
    return result


# ---------------------------------------------------------------- loading


def metadata_from_dict(data: dict):
    from tracker.model import Metadata

    return Metadata(
        title=data.get("title"),
        issuer=data.get("issuer"),
        date=data.get("date"),
        number=data.get("number"),
        status=data.get("status"),
        level=data.get("level"),
        implements=list(data.get("implements") or []),
        warnings=list(data.get("warnings") or []),
    )


def document_from_bytes(text: bytes, meta: bytes | None, source: str):
    """A Document from stored canonical text and metadata bytes."""
    from tracker import canonical

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


def load_ref(ref: str, root=None):
    """``ID`` (the working tree's copy) or ``ID@VERSION`` (a label or any git revision) → Document."""
    top = store_root(root)
    doc_id, version = parse_ref(ref)
    paths = document_paths(doc_id)
    if version is None:
        text_path = top / paths[TEXT]
        if not text_path.is_file():
            raise StoreError(f"{doc_id}: no such document in the store at {top}")
        meta_path = top / paths[META]
        meta = meta_path.read_bytes() if meta_path.is_file() else None
        return document_from_bytes(text_path.read_bytes(), meta, ref)
    commit = resolve_version(top, doc_id, version)
    text, meta = read_blobs(top, [f"{commit}:{paths[TEXT]}", f"{commit}:{paths[META]}"])
    if text is None:
        raise StoreError(f"{ref}: the document does not exist at that revision ({commit[:12]})")
    return document_from_bytes(text, meta, ref)


def read_meta(root: Path, doc_id: str) -> dict:
    path = Path(root) / document_paths(doc_id)[META]
    if not path.is_file():
        raise StoreError(f"{doc_id}: no such document in the store at {root}")
    return json.loads(path.read_text("utf-8"))


def parent_of(doc_id: str, root=None) -> str | None:
    """The id of the document this one implements within the store (its ``parent``), or None."""
    return read_meta(store_root(root), validate_id(doc_id)).get("parent")


def resolve_against_parent(doc_id: str, root=None) -> tuple[str, str]:
    """(parent_ref, child_ref) for ``tracker diff ID --against-parent``: both current texts."""
    top = store_root(root)
    parent = parent_of(doc_id, top)
    if not parent:
        raise StoreError(f"{doc_id}: no parent recorded; import it with --parent ID")
    if not (top / document_paths(parent)[TEXT]).is_file():
        raise StoreError(f"{doc_id}: its parent {parent} is not in the store; import it first")
    return parent, doc_id


# ---------------------------------------------------------------- listing


def versions(root: Path) -> dict[str, list[str]]:
    """Version labels grouped by document id, oldest first: tags, then commit trailers.

    A clone does not always bring the tags along, so the ``Tracker-Version``
    trailer each import commit carries is read as well.
    """
    out = git(root, "for-each-ref", "--sort=creatordate", "--format=%(refname:strip=2)", "refs/tags/").decode()
    grouped: dict[str, list[str]] = {}
    for name in out.splitlines():
        doc_id, at, label = name.partition("@")
        if at and ID_PATTERN.fullmatch(doc_id):
            grouped.setdefault(doc_id, []).append(label)
    for _, (doc_id, label) in reversed(list(trailer_labels(root).items())):
        if label not in grouped.setdefault(doc_id, []):
            grouped[doc_id].append(label)
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
    for meta_path in sorted((top / DOCUMENTS).rglob(META)):
        doc_id = meta_path.parent.relative_to(top / DOCUMENTS).as_posix()
        if not ID_PATTERN.fullmatch(doc_id):
            continue
        meta = json.loads(meta_path.read_text("utf-8"))
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


# ------------------------------------------------------------------ lock


@contextmanager
def locked(root: Path, timeout: float | None = None):
    """Hold ``.git/tracker.lock`` so two imports never build on the same HEAD."""
    if timeout is None:
        timeout = float(os.environ.get("TRACKER_LOCK_TIMEOUT", LOCK_TIMEOUT))
    path = git_dir(root) / LOCK_NAME
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            break
        except FileExistsError:
            if time.monotonic() >= deadline:
                holder = path.read_text(errors="replace").strip() if path.exists() else "?"
                raise StoreError(
                    f"another tracker command holds {path} ({holder}) for more than {timeout:g}s; "
                    "try again, or delete that file if no tracker command is running"
                ) from None
            time.sleep(0.05)
    try:
        os.write(fd, f"pid {os.getpid()}".encode())
        os.close(fd)
        yield
    finally:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass


# ----------------------------------------------------------- committing


def dirty_paths(root: Path, paths: list[str]) -> list[str]:
    """Which of ``paths`` differ between HEAD, the index and the working tree (or are untracked)."""
    out = git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *paths).decode("utf-8")
    return [entry[3:] for entry in out.split("\0") if len(entry) > 3]


def build_commit(root: Path, files: dict[str, bytes], message: str, parent: str | None) -> str:
    """A commit of ``parent``'s tree plus ``files``, built in a temporary index.

    Writes only unreachable objects: until a ref points at it, nothing changed.
    """
    fd, index = tempfile.mkstemp(dir=git_dir(root), prefix="tracker-index.")
    os.close(fd)
    os.unlink(index)  # git wants to create it itself
    env = {"GIT_INDEX_FILE": index}
    try:
        if parent:
            git(root, "read-tree", parent, env=env)
        else:
            git(root, "read-tree", "--empty", env=env)
        for path, data in files.items():
            blob = git(root, "hash-object", "-w", "--stdin", input=data).decode().strip()
            git(root, "update-index", "--add", "--cacheinfo", f"100644,{blob},{path}", env=env)
        tree = git(root, "write-tree", env=env).decode().strip()
        args = ["commit-tree", tree] + (["-p", parent] if parent else [])
        return git(root, *args, input=message.encode("utf-8"), env=identity_env(root)).decode().strip()
    finally:
        if os.path.exists(index):
            os.unlink(index)


#: who signs an import when git knows no one on this machine (a fresh CI box, a new laptop)
FALLBACK_IDENTITY = {"GIT_AUTHOR_NAME": "tracker", "GIT_AUTHOR_EMAIL": "tracker@localhost",
                     "GIT_COMMITTER_NAME": "tracker", "GIT_COMMITTER_EMAIL": "tracker@localhost"}


def identity_env(root: Path) -> dict:
    """The user's git identity when there is one; else commits are signed 'tracker'.

    The main job must work on a machine where nobody ran ``git config
    user.name``; the commit then says honestly that tracker made it.
    """
    for var in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"):
        if subprocess.run(["git", "var", var], cwd=root, capture_output=True).returncode != 0:
            return dict(FALLBACK_IDENTITY)
    return {}


class Transaction:
    """Files, HEAD, a tag and the index changed together, or not at all.

    Every step records how to undo itself; :meth:`rollback` runs the undos in
    reverse order, so a failure anywhere leaves the store as it was.
    """

    def __init__(self, root: Path):
        self.root = root
        self.undo: list = []

    def write_files(self, files: dict[str, bytes]) -> None:
        for rel, data in files.items():
            path = self.root / rel
            old = path.read_bytes() if path.exists() else None
            created = [p for p in reversed(path.parents) if not p.exists()]
            self.undo.append(lambda path=path, old=old, created=created: _restore_file(path, old, created))
            write_atomic(path, data)

    def move_head(self, new: str, old: str | None, message: str) -> None:
        git(self.root, "update-ref", "-m", message, "HEAD", new, old or "")
        if old:
            self.undo.append(lambda: git(self.root, "update-ref", "-m", "tracker: roll back", "HEAD", old, new))
        else:
            self.undo.append(lambda: git(self.root, "update-ref", "-d", "HEAD", new))

    def tag(self, name: str, commit: str) -> None:
        ref = f"refs/tags/{name}"
        git(self.root, "update-ref", ref, commit, "")
        self.undo.append(lambda: git(self.root, "update-ref", "-d", ref, commit))

    def stage(self, paths: list[str], old_head: str | None) -> None:
        """Make the user's index agree with the new commit for tracker's paths only."""
        self.undo.append(lambda: _restore_index(self.root, paths, old_head))
        git(self.root, "update-index", "--add", "--", *paths)

    def rollback(self) -> None:
        for step in reversed(self.undo):
            try:
                step()
            except Exception:  # keep undoing the rest; the first error is what the user sees
                pass
        self.undo.clear()


def _restore_file(path: Path, old: bytes | None, created: list[Path]) -> None:
    if old is None:
        if path.exists():
            path.unlink()
        for folder in reversed(created):
            try:
                folder.rmdir()
            except OSError:
                pass
    else:
        write_atomic(path, old)


def _restore_index(root: Path, paths: list[str], old_head: str | None) -> None:
    entries = {}
    if old_head:
        for line in git(root, "ls-tree", "-z", old_head, "--", *paths).decode().split("\0"):
            if line:
                info, path = line.split("\t", 1)
                mode, _, sha = info.split()
                entries[path] = (mode, sha)
    for path in paths:
        if path in entries:
            mode, sha = entries[path]
            git(root, "update-index", "--cacheinfo", f"{mode},{sha},{path}")
        else:
            git(root, "update-index", "--force-remove", "--", path)


def commit_files(root: Path, files: dict[str, bytes], message: str, tag: str | None = None) -> str:
    """Write ``files``, commit exactly them on HEAD, tag the commit; all or nothing.

    Refuses when any of the files has uncommitted changes, since writing over
    them would lose the user's work. Call it holding :func:`locked`.
    """
    paths = list(files)
    dirty = dirty_paths(root, paths)
    if dirty:
        raise StoreError(
            f"{', '.join(dirty)}: uncommitted changes; commit or discard them before tracker writes these files"
        )
    if tag and rev_commit(root, f"refs/tags/{tag}"):
        raise StoreError(f"tag {tag} already exists; choose another --version label")
    old = head(root)
    commit = build_commit(root, files, message, old)
    transaction = Transaction(root)
    try:
        transaction.write_files(files)
        transaction.move_head(commit, old, "tracker: " + message.splitlines()[0])
        if tag:
            transaction.tag(tag, commit)
        transaction.stage(paths, old)
    except BaseException:
        transaction.rollback()
        raise
    return commit


# ------------------------------------------------------------------ init


def init(path=None) -> Path:
    """Make (or finish setting up) a store: git repository, folders, attributes, diff driver."""
    import git as gitpython  # the store commands may pay for gitpython; the check never does

    target = Path(path) if path is not None else Path.cwd()
    if target.exists() and not target.is_dir():
        raise StoreError(f"{target}: exists and is not a directory")
    target.mkdir(parents=True, exist_ok=True)
    try:
        top = find_root(target)
    except StoreError:
        gitpython.Repo.init(target)
        top = find_root(target)
    repo = gitpython.Repo(top)
    with repo.config_writer("repository") as config:
        for key, value in DIFF_DRIVER.items():
            config.set_value('diff "tracker"', key, value)
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
    if files:
        with locked(top):
            commit_files(top, files, "Set up tracker store: documents/, reports/ and the diff driver attributes")
    return top


# ---------------------------------------------------------------- import


def sha256_of(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


#: metadata fields an import may set by hand when the text does not state them (or states them wrongly)
OVERRIDABLE = ("title", "issuer", "level", "date", "number", "implements")


def apply_overrides(meta, overrides: dict) -> None:
    """Metadata given on the command line wins over what was read from the text."""
    for key, value in overrides.items():
        if key not in OVERRIDABLE:
            raise StoreError(f"metadata field {key!r} cannot be set; settable: {', '.join(OVERRIDABLE)}")
        if value in (None, (), []):
            continue
        if key == "implements":
            meta.implements = list(dict.fromkeys([*meta.implements, *value]))
        elif key == "level" and value not in ("central", "province", "city", "county"):
            raise StoreError(f"level {value!r} is not central, province, city or county")
        elif key == "date" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise StoreError(f"date {value!r} is not an ISO date (YYYY-MM-DD)")
        else:
            setattr(meta, key, value)


def metadata_record(document, doc_id: str, label: str, source, parent: str | None, region: str | None) -> dict:
    meta = document.metadata
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
    }


def targets_bytes(document, source: str) -> bytes:
    """The acknowledged-targets snapshot (contract format) of a document.

    Extracted from the document as loaded back from its canonical text, the
    very form ``tracker check`` extracts from, so a fresh import always checks clean.
    """
    from tracker import jsonio
    from tracker.api import extract_targets

    return (jsonio.dumps(jsonio.targets_to_dict(document, extract_targets(document), source)) + "\n").encode("utf-8")


def default_label(root: Path, doc_id: str, status: str | None) -> str:
    """The status (draft/final) when that label is still free, else v<N>."""
    taken = set(versions(root).get(doc_id, []))
    if status and status not in taken and LABEL_PATTERN.fullmatch(status):
        return status
    n = len(taken) + 1
    while f"v{n}" in taken:
        n += 1
    return f"v{n}"


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

    Returns (commit, tag). The source is read before anything in the store is
    touched; see :func:`commit_files` for the all-or-nothing write.
    """
    from tracker import canonical
    from tracker.api import read_document

    validate_id(doc_id)
    if parent is not None:
        validate_id(parent)
    if version is not None:
        validate_label(version)
    if status is not None and status not in ("draft", "final"):
        raise StoreError(f"status {status!r} is not draft or final")
    top = store_root(root)
    document = read_document(source)
    if status is not None:
        document.metadata.status = status
    apply_overrides(document.metadata, overrides or {})
    text = canonical.dumps(document).encode("utf-8")
    with locked(top):
        label = version or default_label(top, doc_id, document.metadata.status)
        record = metadata_record(document, doc_id, label, source, parent, region)
        paths = document_paths(doc_id)
        files = {
            paths[TEXT]: text,
            paths[META]: (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
            paths[TARGETS]: targets_bytes(canonical.loads(text.decode("utf-8"), document.metadata), doc_id),
        }
        tag = tag_name(doc_id, label)
        commit = commit_files(top, files, commit_message(doc_id, label, record), tag=tag)
    return commit, tag
