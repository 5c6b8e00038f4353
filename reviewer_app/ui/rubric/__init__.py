"""The rubric panel an assessor scores with, beside the evidence."""

from reviewer_app.ui.rubric.panel import RubricPanel

__all__ = ["RubricPanel"]
