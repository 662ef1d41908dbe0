"""The whole corpus at once: a parent held against all its stored children.

``audit``: every child of a parent in parent mode, as a matrix (parent targets ×
children) with a roll-up of area totals. ``impact``: which children a revised
parent leaves short. Both are built from one pure step per child
(:func:`tracker.corpus.audit.audit_child`: two stored texts in, one diff out),
run in parallel processes by :mod:`tracker.parallel`.
"""
