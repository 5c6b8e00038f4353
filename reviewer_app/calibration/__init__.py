"""Calibration: agreement statistics between assessors, anchors and each other (Qt-free)."""
