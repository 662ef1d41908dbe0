"""The one way tracker calls git: ``git`` subprocesses, never a binding library.

Every call goes through :func:`git`, which turns a failure into a one-line
StoreError; see docs/decisions/0303-one-way-of-calling-git.md for why the
store no longer uses gitpython anywhere.
"""
from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from tracker.errors import StoreError
from tracker.store.names import DOCUMENTS

# ------------------------------------------------------------------ git


#: tracker's own git calls run no hook of the store: a reference-transaction or
#: post-index-change hook must neither veto nor watch tracker's plumbing
NO_HOOKS = ("-c", f"core.hooksPath={os.devnull}")


def run_git(root, *args: str, input: bytes | None = None, env: dict | None = None,
            hooks: bool = False) -> subprocess.CompletedProcess:
    """The one place tracker starts git: ``git -c core.quotepath=off ARGS`` in ``root``, output captured.

    Without the store's hooks unless ``hooks`` (only to ask git where they live).
    """
    full_env = None
    if env:
        full_env = dict(os.environ)
        full_env.update(env)
    try:
        return subprocess.run(
            ["git", "-c", "core.quotepath=off", *(() if hooks else NO_HOOKS), *args],
            cwd=root,
            input=input,
            capture_output=True,
            env=full_env,
        )
    except FileNotFoundError:
        raise StoreError("git is not installed or not on PATH") from None


def git(root, *args: str, input: bytes | None = None, env: dict | None = None, check: bool = True,
        hooks: bool = False) -> bytes:
    """Run git in ``root`` and return its output; a failure becomes a one-line StoreError."""
    done = run_git(root, *args, input=input, env=env, hooks=hooks)
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
    done = run_git(start, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise StoreError(f"{start}: not a git repository; create a store with 'tracker init'")
    return Path(done.stdout.decode("utf-8").strip())


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
        if run_git(root, "var", var).returncode != 0:
            return dict(FALLBACK_IDENTITY)
    return {}
