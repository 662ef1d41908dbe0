"""The "extract targets" stage: numeric and dated commitments of a document.

``extract_targets(document)`` reads every clause of a segmented Document;
``extract_from_text(text, clause_id)`` does one clause text, for tests and
for callers that have no Document.
"""
from __future__ import annotations

from tracker.extract.extract import extract_from_text, extract_targets

__all__ = ["extract_targets", "extract_from_text"]
