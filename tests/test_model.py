"""The data passed between stages is frozen, and every pairing keeps its provenance."""
from __future__ import annotations

import dataclasses

import pytest

from conftest import seed_path
from tracker import align, model
from tracker.pipeline import diff, read_document

HANDED_ON = [obj for obj in vars(model).values() if isinstance(obj, type) and dataclasses.is_dataclass(obj)]


@pytest.mark.parametrize("cls", HANDED_ON + [align.Pairing, align.Alignment], ids=lambda c: c.__name__)
def test_every_dataclass_handed_between_stages_is_frozen(cls):
    assert cls.__dataclass_params__.frozen


def test_a_stage_cannot_edit_what_an_earlier_stage_handed_on():
    document = read_document(seed_path("youyi"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        document.metadata.status = "final"  # type: ignore[misc]


def test_every_pairing_says_which_rule_made_it_and_how_sure():
    result = diff(read_document(seed_path("youyi")), read_document(seed_path("qitaihe")))
    paired = [c for c in result.clauses if c.old is not None and c.new is not None]
    assert paired and all(c.rule and c.confidence is not None for c in paired)
    targets = [t for t in result.targets if t.old is not None and t.new is not None]
    assert targets and all(t.rule in ("linked", "elsewhere") and t.score is not None for t in targets)
    assert all(not t.rule and t.score is None for t in result.targets if t.old is None or t.new is None)
