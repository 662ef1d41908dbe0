"""Reports for reviewers: one view of a diff (view.py), several formats.

``render_html`` / ``render_markdown`` / ``render_docx`` / ``render_redline`` take a DiffResult plus
the two documents it compared (for metadata and full clause texts); the
documents are optional so a stored JSON diff can still be rendered (not for the
redline, which is made of their texts).
"""
from __future__ import annotations

from tracker.render.html import render_html
from tracker.render.view import build_view


def render_markdown(result, old_doc=None, new_doc=None) -> str:
    from tracker.render.markdown import render_markdown as _render

    return _render(result, old_doc, new_doc)


def render_docx(result, old_doc=None, new_doc=None, path=None):
    from tracker.render.docx import render_docx as _render

    return _render(result, old_doc, new_doc, path)


def render_redline(result, old_doc, new_doc, path=None, date=None):
    """NEW as a Word document with tracked changes against OLD, and comments on target changes."""
    from tracker.render.redline import render_redline as _render

    return _render(result, old_doc, new_doc, path, date)


__all__ = ["build_view", "render_html", "render_markdown", "render_docx", "render_redline"]
