"""Helpers for the store and check tests: throwaway git stores and their exact state."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
IDENTITY = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
}
YOUYI_ID = "heilongjiang/shuangyashan/youyi/basic-elderly-care-plan"


def git(root, *args, check=True) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, env={**os.environ, **IDENTITY})
    if check and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {done.stderr}")
    return done.stdout


def tracker(root, *args, env=None, timeout=120) -> subprocess.CompletedProcess:
    """Run the real CLI the way a user does, in ``root``."""
    return subprocess.run(
        [sys.executable, "-c", "from tracker.cli import main; main()", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, **IDENTITY, **(env or {})},
        timeout=timeout,
    )


def state(root: Path) -> dict:
    """Everything an import could change: refs, index, status and every file's bytes."""
    files = {}
    for path in sorted(Path(root).rglob("*")):
        if ".git" in path.relative_to(root).parts:
            continue
        files[path.relative_to(root).as_posix()] = path.read_bytes() if path.is_file() else "dir"
    return {
        "head": git(root, "rev-parse", "-q", "--verify", "HEAD", check=False),
        "refs": git(root, "for-each-ref", "--format=%(refname) %(objectname)"),
        "index": git(root, "ls-files", "-s"),
        "status": git(root, "status", "--porcelain", "--untracked-files=all"),
        "files": files,
    }
