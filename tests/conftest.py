"""Shared fixtures: the seed documents of ../shared/seeds."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TRACKER_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"

SEED_NAMES = {
    "heilongjiang": "heilongjiang-2025-elderly-care-reform-measures.txt",
    "youyi": "youyi-county-basic-elderly-care-plan-draft.txt",
    "weihai": "weihai-2025-elderly-care-measures.txt",
    "qitaihe": "qitaihe-2020-elderly-care-work-plan.txt",
    "xinjiang": "xinjiang-2025-elderly-care-reform-plan.txt",
}


def seed_path(name: str) -> Path:
    path = SEEDS / SEED_NAMES[name]
    if not path.exists():
        pytest.skip(f"seed documents not found at {SEEDS}")
    return path


@pytest.fixture(scope="session")
def seed_documents():
    """Every seed read once per test session (reading is deterministic)."""
    from tracker.api import read_document

    return {name: read_document(seed_path(name)) for name in SEED_NAMES}
