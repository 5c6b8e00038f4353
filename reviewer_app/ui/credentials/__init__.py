"""The credentials screens: issuers and keys, export, verify and revoke.

Each dialog is imported when its menu action is first used, so the window opens without
loading the signing code behind them.
"""
