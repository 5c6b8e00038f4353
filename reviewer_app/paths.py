"""Where the data folder is, found without loading the data layer (start-up is faster
when the window can appear before SQLAlchemy is imported)."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "REVIEWER_APP_DATA_DIR"
APP_DIR_NAME = "Portfolio Reviewer"
# Names a team database to work in (reviewer_app/storage/team_url.py).
ENV_DATABASE = "REVIEWER_APP_DATABASE"
# The data folder's database, in the folder (reviewer_app/storage/datafolder.py).
DATABASE_NAME = "reviewer.sqlite3"


def default_data_dir() -> Path:
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))
