"""The library API: the pipeline's entry points, under the names callers rely on.

Everything here is :mod:`tracker.pipeline`; this module only fixes the public
surface (``from tracker import read_document, extract_targets, diff, load_document``).
"""
from __future__ import annotations

from tracker.pipeline import diff, extract_targets, import_document, load_document, load_pair, read_document

__all__ = ["read_document", "extract_targets", "diff", "load_document", "load_pair", "import_document"]
