"""Standards → checklist templates, the template model, and the scoring and rating rules.

Pure Python: no Qt, no database. See ``python -m checklists build``.
"""
