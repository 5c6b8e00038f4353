"""Tests of the calibration statistics."""
