"""Micro-credential definitions, rubric scoring and decisions (Qt-free)."""
