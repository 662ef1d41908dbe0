"""Changing the store all or nothing: the lock, the undo log and the commit of a set of files.

Why plumbing instead of ``git add`` + ``git commit``: the commit is built in a
temporary index (``GIT_INDEX_FILE``) from HEAD's tree plus tracker's own files,
so whatever the user has staged or changed elsewhere is never committed or
touched, and nothing becomes visible until every file is written.
"""
from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path

from tracker.errors import StoreError
from tracker.files import write_atomic
from tracker.store.plumbing import build_commit, dirty_paths, git, git_dir, head, rev_commit

LOCK_NAME = "tracker.lock"
LOCK_TIMEOUT = 30.0  # seconds; TRACKER_LOCK_TIMEOUT overrides

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
