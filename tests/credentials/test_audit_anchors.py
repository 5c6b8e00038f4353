"""The anchors that real files carry: a backup's manifest and an export's signed
manifest note the trail's head, and `audit verify --anchor` holds the trail to them
after someone cut its tail and rewrote the chain to match."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from reviewer_app.credentials.export import export
from reviewer_app.storage.backup import backup_folder
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import AuditEvent
from tests.credentials.conftest import PASSPHRASE
from tests.test_audit_replay import sql, verify_json


def test_a_cut_and_rechained_trail_fails_against_its_backup_and_its_export(
    issuing_folder: DataFolder, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    export(issuing_folder, out, passphrase=PASSPHRASE, actor="lead")
    backup = backup_folder(issuing_folder).path
    anchors = (out / "manifest.json", backup / "backup.json")
    code, doc = verify_json(issuing_folder, *anchors)
    assert code == 0 and doc["ok"], doc
    assert [a["ok"] for a in doc["anchors"]] == [True, True]

    sql(
        issuing_folder,
        "DELETE FROM audit_events WHERE seq > (SELECT max(seq) - 5 FROM audit_events)",
        rechain=True,
    )

    code, doc = verify_json(issuing_folder, *anchors)
    assert code == 1 and doc["chain_ok"]  # the chain itself was made to fit again
    assert [a["ok"] for a in doc["anchors"]] == [False, False]


def test_an_export_folder_given_by_a_relative_name_is_recorded_in_full(
    issuing_folder: DataFolder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    export(issuing_folder, Path("out"), passphrase=PASSPHRASE, actor="lead")
    with issuing_folder.read_sessions() as session:
        recorded = session.scalars(
            select(AuditEvent.entity_id).where(AuditEvent.action == "credentials.export")
        ).all()
    assert recorded == [str(tmp_path / "out")]
