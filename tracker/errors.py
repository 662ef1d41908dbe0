"""Errors a user can act on.

Every failure a user can cause (a missing file, an unreadable format, a bad
document id) is raised as :class:`TrackerError`; the CLI turns it into one line
on stderr and exit code 2, never a traceback.
"""
from __future__ import annotations


class TrackerError(Exception):
    """A problem with the user's input or store, explained in one line."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None):
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class InputError(TrackerError):
    """A source file that cannot be read as a policy document."""


class StoreError(TrackerError):
    """A document store (git repository) that cannot be used as asked."""
