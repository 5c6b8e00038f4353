"""Definitions and pathways in the data folder: adding, versions, and what is current.

A definition is never changed in place. The same achievement id and rubric version with
the same content is "already added"; with other content it is refused; a higher version
becomes the one that new reviews use, while reviews already started keep theirs.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.audit import trail
from reviewer_app.rubrics.model import Rubric
from reviewer_app.rubrics.queries import current_definition, list_current
from reviewer_app.rubrics.validate import (
    DEFINITION_FORMAT,
    DefinitionRejected,
    LoadedFile,
    check_content,
    load_file,
)
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Definition, Pathway
from reviewer_app.wording import translate

__all__ = [
    "AddReport",
    "add_files",
    "current_definition",
    "list_current",
    "list_pathways",
    "rubric_of",
    "save_new_version",
]


@dataclass
class AddReport:
    added: list[dict[str, Any]] = field(default_factory=list)  # {id, version, kind}
    skipped: list[dict[str, Any]] = field(default_factory=list)  # already added
    rejected: list[dict[str, str]] = field(default_factory=list)  # {path, error}
    warnings: list[str] = field(default_factory=list)


def add_files(folder: DataFolder, paths: Sequence[Path], actor: str) -> AddReport:
    """Adds every definition and pathway file; each is kept whole or not at all."""
    report = AddReport()
    for path in paths:
        try:
            loaded = load_file(path)
            outcome = _add(folder, loaded, actor)
        except DefinitionRejected as e:
            report.rejected.append({"path": str(path), "error": str(e)})
            continue
        entry = {"id": loaded.uri, "version": loaded.version, "kind": _kind(loaded)}
        (report.added if outcome == "added" else report.skipped).append(entry)
        report.warnings += [f"{path}: {w}" for w in loaded.warnings]
    return report


def _kind(loaded: LoadedFile) -> str:
    return "definition" if loaded.format == DEFINITION_FORMAT else "pathway"


def _add(folder: DataFolder, loaded: LoadedFile, actor: str) -> str:
    staged = folder.store.stage_bytes(loaded.image) if loaded.image is not None else None
    outcome = "added"

    def record(session: Session) -> None:
        nonlocal outcome
        image_sha = staged.sha256 if staged else None
        if loaded.format == DEFINITION_FORMAT:
            outcome = _record_definition(session, loaded, image_sha, actor)
        else:
            outcome = _record_pathway(session, loaded, image_sha, actor)

    with folder.write_lock():
        folder.commit_files([staged] if staged else [], record)
    return outcome


def _record_definition(session: Session, loaded: LoadedFile, image: str | None, actor: str) -> str:
    digest = loaded.digest()
    existing = session.scalar(
        select(Definition).where(
            Definition.achievement_uri == loaded.uri, Definition.version == loaded.version
        )
    )
    if existing is not None:
        if existing.content_digest == digest:
            return "already added"
        raise DefinitionRejected(
            loaded.path,
            translate(
                "DefinitionCheck",
                "version {version} of {id} is already added with other content; "
                "give the changed definition a higher version",
            ).format(version=loaded.version, id=loaded.uri),
            "rubric.version",
        )
    row = Definition(
        achievement_uri=loaded.uri,
        version=loaded.version or 1,
        name=loaded.name,
        content=loaded.content,
        content_digest=digest,
        image_sha256=image,
    )
    session.add(row)
    session.flush()
    trail.record(
        session,
        actor=actor,
        action="definition.add",
        entity="definition",
        entity_id=f"{loaded.uri}#v{loaded.version}",
        after={"digest": digest, "name": loaded.name, "source": str(loaded.path)},
    )
    return "added"


def _record_pathway(session: Session, loaded: LoadedFile, image: str | None, actor: str) -> str:
    digest = loaded.digest()
    row = session.scalar(select(Pathway).where(Pathway.pathway_uri == loaded.uri))
    if row is not None and row.content_digest == digest:
        return "already added"
    before = {"digest": row.content_digest} if row is not None else None
    if row is None:
        row = Pathway(pathway_uri=loaded.uri)
        session.add(row)
    row.name, row.content, row.content_digest = loaded.name, loaded.content, digest
    row.image_sha256 = image
    trail.record(
        session,
        actor=actor,
        action="pathway.add" if before is None else "pathway.update",
        entity="pathway",
        entity_id=loaded.uri,
        before=before,
        after={"digest": digest, "name": loaded.name, "source": str(loaded.path)},
    )
    return "added"


def list_pathways(session: Session) -> list[Pathway]:
    return list(session.scalars(select(Pathway).order_by(Pathway.name)))


def rubric_of(definition: Definition) -> Rubric:
    return Rubric.from_content(definition.content)


def save_new_version(
    folder: DataFolder, achievement_uri: str, content: dict[str, Any], actor: str
) -> Definition:
    """A team lead's edit: stored as the next version, never as a change in place.

    `content` is a whole definition; its rubric version is set here. The image stays
    the current version's.
    """
    with folder.read_sessions() as session:
        current = current_definition(session, achievement_uri)
    if current is None:
        raise KeyError(achievement_uri)
    content = copy.deepcopy(content)
    # Where the version came from, as the audit trail records it (in English); messages
    # name it in the person's language.
    source = Path(f"edit of {achievement_uri}")
    label = Path(translate("DefinitionCheck", "edit of {id}").format(id=achievement_uri))
    if content.get("achievement", {}).get("id") != achievement_uri:
        raise DefinitionRejected(
            label,
            translate("DefinitionCheck", "an edit cannot change the micro-credential's id"),
            "achievement.id",
        )
    content["rubric"]["version"] = current.version + 1
    image = None
    if current.image_sha256:
        with folder.store.open(current.image_sha256) as f:
            image = f.read()
    loaded = LoadedFile(source, DEFINITION_FORMAT, content, image, None)
    try:
        check_content(loaded)
        _add(folder, loaded, actor)
    except DefinitionRejected as e:
        raise DefinitionRejected(label, e.problem, e.where) from None
    with folder.read_sessions() as session:
        saved = current_definition(session, achievement_uri)
        assert saved is not None
        return saved
