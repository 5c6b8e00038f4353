"""Runs the independent Open Badges 2.0 validator (openbadges 1.1.2, in its own
environment .venv-ob2 made by scripts/ob2_validator.sh) on a badge, offline, with its
HTTP requests answered from a hosting folder by tests/ob2_validator/run_validator.py."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]


def make_ob2_python() -> Path:
    """The validator's interpreter, after (re)making .venv-ob2 when missing or stale
    (the script returns at once when its lock is unchanged)."""
    started = time.monotonic()
    subprocess.run(
        ["bash", str(REPO / "scripts" / "ob2_validator.sh")],
        check=True,
        timeout=800,
        cwd=REPO,
        env=_clean_env(),
    )
    print(f"ob2 validator environment ready in {time.monotonic() - started:.1f} s")
    venv = Path(os.environ.get("OB2_VALIDATOR_VENV", REPO / ".venv-ob2"))
    return venv / "bin" / "python"


def _clean_env() -> dict[str, str]:
    # The validator's environment must not see this one's packages.
    drop = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}
    return {k: v for k, v in os.environ.items() if k not in drop}


def validate(
    python: Path,
    badge: Path,
    hosting: Path,
    *,
    email: str | None = "jane.doe@example.org",
    url: str | None = None,
    base: str = "https://badges.example.org/college/",
) -> tuple[int, dict[str, Any]]:
    command = [
        str(python),
        str(REPO / "tests" / "ob2_validator" / "run_validator.py"),
        str(badge),
        "--hosting",
        str(hosting),
        "--base-url",
        base,
    ]
    if email:
        command += ["--recipient-email", email]
    if url:
        command += ["--recipient-url", url]
    started = time.monotonic()
    run = subprocess.run(
        command, capture_output=True, text=True, timeout=300, cwd=REPO, env=_clean_env()
    )
    print(f"validator on {badge.name}: {time.monotonic() - started:.2f} s, exit {run.returncode}")
    assert run.returncode in (0, 1), run.stderr
    try:
        result = json.loads(run.stdout)
    except ValueError:
        pytest.fail(f"the validator printed no report: {run.stdout[-2000:]}{run.stderr[-4000:]}")
    assert not result["offline"]["refused"], result["offline"]
    return run.returncode, result


def assert_valid(code: int, result: dict[str, Any]) -> None:
    report = result["report"]
    problems = [m for m in report["messages"] if m["messageLevel"] in ("ERROR", "WARNING")]
    assert report["valid"] is True, problems
    assert report["errorCount"] == 0 and report["warningCount"] == 0, problems
    assert result["incompleteTasks"] == []
    passed = {t["name"] for t in result["tasks"] if t["success"] is True}
    for check in ("VERIFY_JWS", "VERIFY_KEY_OWNERSHIP", "VERIFY_SIGNED_ASSERTION_NOT_REVOKED"):
        assert check in passed, check
    assert code == 0


def errors(result: dict[str, Any]) -> list[str]:
    return [
        f"{m['name']}: {m['result']}"
        for m in result["report"]["messages"]
        if m["messageLevel"] == "ERROR"
    ]
