"""The calibration dashboard: how consistently the team scores, for team leads."""
