"""tracker: versioned policy-document diff and change tracking for Chinese policy texts.

The library API mirrors the pipeline; the ``tracker`` command is a thin layer
over it::

    from tracker import read_document, extract_targets, diff
    old = read_document("draft.txt")
    new = read_document("final.docx")
    result = diff(old, new, mode="version")
"""
from __future__ import annotations

__all__ = ["read_document", "extract_targets", "diff", "load_document"]


def __getattr__(name):
    # Lazy: ``import tracker`` stays cheap for the pre-commit hook.
    if name in __all__:
        from tracker import api

        return getattr(api, name)
    raise AttributeError(name)
