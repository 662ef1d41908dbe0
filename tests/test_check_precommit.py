"""The ``policy-targets`` hook run by the real pre-commit framework against this repository.

pre-commit clones this project at its HEAD commit and pip-installs it into the
hook's own virtualenv (``language: python``), once per test session (a shared
PRE_COMMIT_HOME). So these tests exercise the committed hook definition and
code, as a user of the framework would get them.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import seed_path
from store_support import IDENTITY, ROOT, YOUYI_ID, git
from tracker import canonical, pipeline, store

PRE_COMMIT = Path(sys.executable).with_name("pre-commit")


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory):
    if not PRE_COMMIT.exists() and not shutil.which("pre-commit"):
        pytest.skip("the pre-commit client is not installed (pip install -e .[test])")
    if not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout; pre-commit needs a commit to clone")
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def framework_store(tmp_path, monkeypatch, pre_commit_home):
    for key, value in IDENTITY.items():
        monkeypatch.setenv(key, value)
    root = tmp_path / "store"
    store.init(root)
    pipeline.import_document(seed_path("youyi"), YOUYI_ID, root=root)
    project = Path(os.environ.get("TRACKER_HOOK_REPO", ROOT))  # another checkout to try, else this one
    rev = git(project, "rev-parse", "HEAD").strip()
    (root / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {project}\n    rev: {rev}\n    hooks:\n      - id: policy-targets\n", "utf-8"
    )
    git(root, "add", ".pre-commit-config.yaml")
    git(root, "commit", "-q", "--no-verify", "-m", "use the policy-targets hook")
    env = {**os.environ, **IDENTITY, "PRE_COMMIT_HOME": str(pre_commit_home)}
    installed = subprocess.run([str(PRE_COMMIT), "install"], cwd=root, capture_output=True, text=True, env=env)
    assert installed.returncode == 0, installed.stderr
    return root, env


def edit_youyi(root, old, new):
    from tracker.api import read_document

    source = root.parent / "edited.txt"
    source.write_text(seed_path("youyi").read_text("utf-8").replace(old, new, 1), "utf-8")
    (root / "documents" / YOUYI_ID / "text.txt").write_text(canonical.dumps(read_document(source)), "utf-8")


def commit(root, env, message):
    return subprocess.run(["git", "commit", "-a", "-m", message], cwd=root, capture_output=True, text=True,
                          env=env, timeout=900)


def test_the_framework_refuses_55_to_60_percent_and_prints_the_change(framework_store):
    root, env = framework_store
    head = git(root, "rev-parse", "HEAD")
    edit_youyi(root, "护理型床位占比达到55%", "护理型床位占比达到60%")
    done = commit(root, env, "raise the nursing-bed share")
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "policy targets acknowledged" in output and "Failed" in output
    assert "护理型床位占比" in output and "55%" in output and "60%" in output and "tightened" in output
    assert git(root, "rev-parse", "HEAD") == head


def test_the_framework_lets_a_rewording_through(framework_store):
    root, env = framework_store
    edit_youyi(root, "基本养老服务是由国家直接提供", "基本养老服务是指由国家直接提供")
    done = commit(root, env, "wording")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout + done.stderr


def test_after_accept_the_framework_lets_the_same_change_through(framework_store):
    root, env = framework_store
    edit_youyi(root, "护理型床位占比达到55%", "护理型床位占比达到60%")
    git(root, "add", "-A")
    accepted = subprocess.run([sys.executable, "-c", "from tracker.cli import main; main()", "accept", YOUYI_ID],
                              cwd=root, capture_output=True, text=True, env=env)
    assert accepted.returncode == 0, accepted.stderr
    done = commit(root, env, "raise the nursing-bed share, acknowledged")
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"documents/{YOUYI_ID}/targets.json" in git(root, "show", "--name-only", "--format=", "HEAD")


def test_a_commit_touching_no_document_skips_the_hook(framework_store):
    root, env = framework_store
    (root / "reports" / "note.md").write_text("notes\n")
    git(root, "add", "reports/note.md")
    done = commit(root, env, "notes")
    assert done.returncode == 0, done.stderr
    assert "(no files to check)Skipped" in done.stdout + done.stderr
