"""Errors that are the world's fault, told to people in plain words.

A `UserError` means the input or the environment is wrong (a damaged bundle, a data
folder from a newer version, a full disk); its message is meant to be read by a reviewer
as it is. Anything else that escapes is a bug in the program.
"""


class UserError(Exception):
    """Something a person can act on; `str(error)` is the whole message."""


class DataFolderError(UserError):
    """The data folder cannot be used (newer schema, not writable, damaged database)."""


class Cancelled(Exception):
    """Long work stopped because the person asked it to."""
