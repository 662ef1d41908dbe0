"""Changing the store all or nothing: the lock, the undo log and the commit of a set of files.

Why plumbing instead of ``git add`` + ``git commit``: the commit is built in a
temporary index (``GIT_INDEX_FILE``) from HEAD's tree plus tracker's own files,
so whatever the user has staged or changed elsewhere is never committed or
touched, and nothing becomes visible until every file is written.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import time
from contextlib import contextmanager
from pathlib import Path

from tracker.errors import StoreError
from tracker.files import write_atomic
from tracker.store.plumbing import build_commit, dirty_paths, git, git_dir, head, read_blobs, rev_commit, run_git

LOCK_NAME = "tracker.lock"
LOCK_TIMEOUT = 30.0  # seconds; TRACKER_LOCK_TIMEOUT overrides
#: what a transaction will do, written before it starts and removed when it is done or undone
JOURNAL_NAME = "tracker-journal.json"

# ------------------------------------------------------------------ lock


@contextmanager
def locked(root: Path, timeout: float | None = None):
    """Hold ``.git/tracker.lock`` so two imports never build on the same HEAD.

    An ``flock`` on the file, not the file's existence: the kernel releases it
    when the holder dies, however it dies (SIGKILL, power cut), so a killed
    import never leaves a lock behind. Whoever takes the lock next first
    finishes or undoes what a dead holder left half done (:func:`recover`).
    Hold it only around the commit: reading and extracting happen before.
    """
    if timeout is None:
        timeout = float(os.environ.get("TRACKER_LOCK_TIMEOUT", LOCK_TIMEOUT))
    path = git_dir(root) / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(_cannot_write(root, path, exc)) from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "another process"
                    raise StoreError(
                        f"another tracker command holds the lock of the store at {root} ({holder}) for more "
                        f"than {timeout:g}s; try again when it has finished"
                    ) from None
                time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}\n".encode(), 0)
        recover(root)
        yield
    finally:
        os.close(fd)  # releases the lock


def in_flight(root: Path) -> bool:
    """Whether a transaction's journal is there: an import is writing, or died while writing."""
    return (git_dir(root) / JOURNAL_NAME).exists()


def settle_for_reading(root: Path) -> bool:
    """Whether a read command may read the working tree's files; repairs a dead import's files first.

    A journal means an import is writing the files or died doing so; reading
    them then could give a new text beside an old meta.json, or a file of a
    version that was never committed. If no live process holds the lock and
    the store is writable, the dead import is finished or undone here (as the
    next import would) and the files are whole again; otherwise (the writer is
    alive, or the store is read-only) the caller reads HEAD's tree instead.
    """
    if not in_flight(root):
        return True
    try:
        fd = os.open(git_dir(root) / LOCK_NAME, os.O_RDWR)
    except OSError:  # read-only store, or no lock file: nobody can repair it now
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:  # a live import holds it: it is writing, its files are not whole yet
        os.close(fd)
        return False
    try:
        recover(root)
    except (OSError, StoreError):  # could not repair (permissions, git failed): read the commit
        return False
    finally:
        os.close(fd)
    return not in_flight(root)


def _cannot_write(root: Path, path: Path, exc: OSError) -> str:
    """What to tell a user whose store tracker cannot write to (read-only mount, no permission)."""
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        why = "is on a read-only file system" if exc.errno == errno.EROFS else "is not writable by you"
        return (f"the store at {root} {why} (cannot create {path.name} in {path.parent}: {exc.strerror}); "
                "tracker can read and diff it, but importing needs write access")
    return f"cannot create the store's lock file {path}: {exc.strerror}"


# ------------------------------------------------------------- recovery


def recover(root: Path) -> None:
    """Clean up after a tracker process that died while holding the lock.

    Called holding the lock, so no live tracker process is writing: every
    temporary index is a dead one's, and a journal is a transaction that never
    finished. If HEAD already points at its commit the transaction is finished
    (tag, files, index); otherwise it is undone, so the store is as before.
    """
    gdir = git_dir(root)
    for stale in [*gdir.glob("tracker-index.*"), *gdir.glob("tracker-marks.*"), *gdir.glob(f".{JOURNAL_NAME}.*.tmp")]:
        stale.unlink(missing_ok=True)
    for ref in git(root, "for-each-ref", "--format=%(refname)", "refs/tracker/").decode().split():
        git(root, "update-ref", "-d", ref)  # a batch import's scratch ref
    journal = gdir / JOURNAL_NAME
    if not journal.exists():
        return
    try:
        record = json.loads(journal.read_text("utf-8"))
        old, new, paths = record["old"], record["new"], list(record["paths"])
        tags = [(name, commit) for name, commit in record["tags"]]
    except (ValueError, KeyError, TypeError):  # cannot be: it is written atomically; drop it rather than guess
        journal.unlink(missing_ok=True)
        return
    current = head(root)
    if current == new:
        _finish(root, new, tags, paths)
    elif current == old:
        _undo(root, old, tags, paths)
    _remove_partial_writes(root, paths)
    journal.unlink(missing_ok=True)


def _finish(root: Path, new: str, tags: list[tuple[str, str]], paths: list[str]) -> None:
    for tag, commit in tags:
        if not rev_commit(root, f"refs/tags/{tag}"):
            git(root, "update-ref", f"refs/tags/{tag}", commit, "")
    for path, data in zip(paths, read_blobs(root, [f"{new}:{p}" for p in paths])):
        if data is not None and _read(root / path) != data:
            write_atomic(root / path, data)
    git(root, "update-index", "--add", "--", *paths)


def _undo(root: Path, old: str | None, tags: list[tuple[str, str]], paths: list[str]) -> None:
    for tag, commit in tags:
        if rev_commit(root, f"refs/tags/{tag}") == commit:
            git(root, "update-ref", "-d", f"refs/tags/{tag}", commit)
    blobs = read_blobs(root, [f"{old}:{p}" for p in paths]) if old else [None] * len(paths)
    for path, data in zip(paths, blobs):
        target = root / path
        if data is None:
            if target.is_file():
                target.unlink()
                _remove_empty_folders(root, target.parent)
        elif _read(target) != data:
            write_atomic(target, data)
    _restore_index(root, paths, old)


def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


def _remove_empty_folders(root: Path, folder: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _remove_partial_writes(root: Path, paths: list[str]) -> None:
    """Temporary files of :func:`tracker.files.write_atomic` a kill left beside the files it was writing."""
    for rel in paths:
        target = root / rel
        if target.parent.is_dir():
            for leftover in target.parent.glob(f".{target.name}.*.tmp"):
                leftover.unlink(missing_ok=True)


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
    refuse_links(root, paths)
    refuse_unfinished_git_state(root)
    dirty = dirty_paths(root, paths)
    if dirty:
        raise StoreError(
            f"{', '.join(dirty)}: uncommitted changes; commit or discard them before tracker writes these files"
        )
    if tag and rev_commit(root, f"refs/tags/{tag}"):
        raise StoreError(f"tag {tag} already exists; choose another --version label")
    old = head(root)
    commit = build_commit(root, files, message, old)
    journal = write_journal(root, old, commit, [(tag, commit)] if tag else [], paths)
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
    finally:
        journal.unlink(missing_ok=True)
    return commit


def write_journal(root: Path, old: str | None, new: str, tags: list[tuple[str, str]], paths: list[str]) -> Path:
    """Record, before anything visible changes, what a transaction will do: :func:`recover` reads it if we die.

    Remove the returned file when the transaction is done or rolled back.
    """
    journal = git_dir(root) / JOURNAL_NAME
    record = {"pid": os.getpid(), "old": old, "new": new, "tags": [list(t) for t in tags], "paths": list(paths)}
    write_atomic(journal, json.dumps(record, ensure_ascii=False).encode("utf-8"))
    return journal


def refuse_links(root: Path, paths: list[str]) -> None:
    """No file is written through a symbolic link: a committed ``documents`` link must not carry it out of the store."""
    for rel in paths:
        folder = root
        for part in Path(rel).parts[:-1]:
            folder = folder / part
            if folder.is_symlink():
                raise StoreError(
                    f"{folder.relative_to(root)} is a symbolic link (to {os.readlink(folder)}); tracker writes "
                    "only into real folders of the store, never through a link to somewhere else"
                )
        if (root / rel).is_symlink():
            raise StoreError(f"{rel} is a symbolic link; tracker will not write through it")


#: git operations that leave the work half done, and how the user finishes or abandons each
UNFINISHED = (
    ("MERGE_HEAD", "a merge", "git commit to conclude it, or git merge --abort"),
    ("CHERRY_PICK_HEAD", "a cherry-pick", "git cherry-pick --continue, or --abort"),
    ("REVERT_HEAD", "a revert", "git revert --continue, or --abort"),
    ("rebase-merge", "a rebase", "git rebase --continue, or --abort"),
    ("rebase-apply", "a rebase or git am", "git rebase --continue / git am --continue, or --abort"),
)


def refuse_unfinished_git_state(root: Path) -> None:
    """Commit only on a branch with nothing half done (docs/decisions/0304-store-faults-lock-journal-and-refusals.md).

    On a detached HEAD the import commit would belong to no branch and be lost
    at the next checkout; in the middle of a merge it would be mixed into the
    merge the user is resolving.
    """
    gdir = git_dir(root)
    for name, what, how in UNFINISHED:
        if (gdir / name).exists():
            raise StoreError(f"the store at {root} is in the middle of {what}; finish it first ({how}), then import")
    if git(root, "ls-files", "--unmerged").strip():
        raise StoreError(f"the store at {root} has unresolved merge conflicts; resolve and commit them first, then import")
    if run_git(root, "symbolic-ref", "-q", "HEAD").returncode != 0:
        where = (head(root) or "?")[:12]
        raise StoreError(
            f"the store at {root} has a detached HEAD (at {where}, on no branch): an import commit would belong "
            "to no branch; check out a branch first (git switch main)"
        )
