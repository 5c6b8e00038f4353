"""Reading and checking micro-credential definition and pathway files.

The JSON Schema in `resources/schemas/` checks the shape; the rules a schema cannot say
(ids unique across the rubric, descriptors naming levels of the right scale, a pass rule
that can be met) are checked here. Every problem names the file and the field path in
plain words; nothing of a rejected file is kept.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reviewer_app import svg_policy
from reviewer_app.canonical import canonical_json
from reviewer_app.errors import UserError
from reviewer_app.evidence.sniff import PNG, sniff_bytes
from reviewer_app.formats import JsonProblem, parse_json, problems
from reviewer_app.wording import translate

DEFINITION_FORMAT = "microcredential/1"
PATHWAY_FORMAT = "pathway/1"
SCHEMAS = {
    DEFINITION_FORMAT: "microcredential-1.schema.json",
    PATHWAY_FORMAT: "pathway-1.schema.json",
}
MAX_FILE_BYTES = 5 * 1024 * 1024
SVG = "image/svg+xml"


class DefinitionRejected(UserError):
    def __init__(self, path: Path, problem: str, where: str | None = None) -> None:
        self.path = path
        self.where = where
        self.problem = problem
        super().__init__(f"{path}: {where}: {problem}" if where else f"{path}: {problem}")


@dataclass
class LoadedFile:
    """A checked definition or pathway, ready to be stored."""

    path: Path
    format: str
    content: dict[str, Any]
    image: bytes | None
    image_type: str | None
    warnings: list[str] = field(default_factory=list)

    @property
    def uri(self) -> str:
        if self.format == PATHWAY_FORMAT:
            return str(self.content["id"])
        return str(self.content["achievement"]["id"])

    @property
    def name(self) -> str:
        if self.format == PATHWAY_FORMAT:
            return str(self.content["name"])
        return str(self.content["achievement"]["name"])

    @property
    def version(self) -> int | None:
        if self.format == PATHWAY_FORMAT:
            return None
        return int(self.content["rubric"]["version"])

    def digest(self) -> str:
        """Identifies the content: the JSON (normalized) and the image's bytes."""
        digest = hashlib.sha256(canonical_json(self.content).encode())
        digest.update(hashlib.sha256(self.image or b"").digest())
        return digest.hexdigest()


def load_file(path: Path) -> LoadedFile:
    """Reads and checks one definition or pathway file; raises DefinitionRejected."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise DefinitionRejected(
                path,
                translate("DefinitionCheck", "is larger than {limit} bytes").format(
                    limit=f"{MAX_FILE_BYTES:,}"
                ),
            )
        raw = path.read_bytes()
    except OSError as e:
        raise DefinitionRejected(
            path,
            translate("DefinitionCheck", "cannot be read ({problem})").format(
                problem=e.strerror or e
            ),
        ) from None
    try:
        content = parse_json(raw)
    except JsonProblem as e:
        raise DefinitionRejected(path, str(e)) from None
    if not isinstance(content, dict):
        raise DefinitionRejected(path, translate("DefinitionCheck", "must hold a JSON object"))
    fmt = content.get("format")
    if not isinstance(fmt, str) or fmt not in SCHEMAS:
        raise DefinitionRejected(
            path,
            translate(
                "DefinitionCheck", 'must be "{definition}" or "{pathway}", not {found}'
            ).format(definition=DEFINITION_FORMAT, pathway=PATHWAY_FORMAT, found=json.dumps(fmt)),
            "format",
        )
    loaded = LoadedFile(path, fmt, content, None, None)
    check_content(loaded)
    image_field = "achievement.image" if fmt == DEFINITION_FORMAT else "image"
    image_name = (content.get("achievement", content)).get("image")
    if image_name is not None:
        loaded.image, loaded.image_type = _read_image(path, image_name, image_field)
    return loaded


def check_content(loaded: LoadedFile) -> None:
    """The format's schema, then the rules it cannot express; raises DefinitionRejected."""
    found = problems(loaded.content, SCHEMAS[loaded.format])
    if found:
        raise DefinitionRejected(loaded.path, found[0].message, found[0].field or None)
    if loaded.format == DEFINITION_FORMAT:
        _check_rubric(loaded)


def _check_rubric(loaded: LoadedFile) -> None:
    path, rubric = loaded.path, loaded.content["rubric"]

    def reject(where: str, problem: str) -> DefinitionRejected:
        return DefinitionRejected(path, problem, where)

    scale = _check_scale(rubric["levels"], "rubric.levels", reject)
    rule = rubric["pass"]
    threshold = rule.get("every_criterion_at_least")
    if threshold is not None and threshold not in scale:
        raise reject(
            "rubric.pass.every_criterion_at_least",
            translate(
                "DefinitionCheck", "{level} is not a level of the rubric's scale ({levels})"
            ).format(level=repr(threshold), levels=", ".join(scale)),
        )
    part_ids: set[str] = set()
    criterion_ids: set[str] = set()
    scales: list[tuple[str, dict[str, float | None]]] = []
    for p, part in enumerate(rubric["parts"]):
        if part["id"] in part_ids:
            raise reject(
                f"rubric.parts[{p}].id",
                translate("DefinitionCheck", "{id} is used by another part").format(
                    id=repr(part["id"])
                ),
            )
        part_ids.add(part["id"])
        for c, criterion in enumerate(part["criteria"]):
            where = f"rubric.parts[{p}].criteria[{c}]"
            if criterion["id"] in criterion_ids:
                raise reject(
                    f"{where}.id",
                    translate(
                        "DefinitionCheck",
                        "{id} is used by another criterion (ids are unique across the whole "
                        "rubric)",
                    ).format(id=repr(criterion["id"])),
                )
            criterion_ids.add(criterion["id"])
            own = scale
            if "levels" in criterion:
                own = _check_scale(criterion["levels"], f"{where}.levels", reject)
                if threshold is not None and threshold not in own:
                    raise reject(
                        f"{where}.levels",
                        translate(
                            "DefinitionCheck",
                            "this criterion's own scale has no level {level}, which "
                            "rubric.pass.every_criterion_at_least names",
                        ).format(level=repr(threshold)),
                    )
            scales.append((where, own))
            for level_id in criterion["descriptors"]:
                if level_id not in own:
                    raise reject(
                        f"{where}.descriptors",
                        translate(
                            "DefinitionCheck",
                            "{level} is not a level of this criterion's scale ({levels})",
                        ).format(level=repr(level_id), levels=", ".join(own)),
                    )
            missing = [lv for lv in own if lv not in criterion["descriptors"]]
            if missing:
                loaded.warnings.append(
                    translate(
                        "DefinitionCheck", "{field}.descriptors: no descriptor for {levels}"
                    ).format(field=where, levels=", ".join(missing))
                )
    _check_points(rule.get("total_points_at_least"), scales, reject)
    for criterion_id in rubric.get("comments", {}):
        if criterion_id not in criterion_ids:
            raise reject(
                f"rubric.comments.{criterion_id}",
                translate("DefinitionCheck", "{id} is not a criterion id").format(
                    id=repr(criterion_id)
                ),
            )


def _check_scale(levels: list[dict[str, Any]], where: str, reject: Any) -> dict[str, float | None]:
    scale: dict[str, float | None] = {}
    for n, level in enumerate(levels):
        if level["id"] in scale:
            raise reject(
                f"{where}[{n}].id",
                translate("DefinitionCheck", "{id} is used by another level").format(
                    id=repr(level["id"])
                ),
            )
        scale[level["id"]] = level.get("points")
    return scale


def _check_points(
    threshold: float | None,
    scales: list[tuple[str, dict[str, float | None]]],
    reject: Any,
) -> None:
    if threshold is None:
        return
    best = 0.0
    for where, scale in scales:
        unpointed = [lv for lv, points in scale.items() if points is None]
        if unpointed:
            raise reject(
                where,
                translate(
                    "DefinitionCheck",
                    "rubric.pass.total_points_at_least needs points on every level, and "
                    "{levels} has none",
                ).format(levels=", ".join(unpointed)),
            )
        best += max(p for p in scale.values() if p is not None)
    if threshold > best:
        raise reject(
            "rubric.pass.total_points_at_least",
            translate(
                "DefinitionCheck",
                "{threshold} can never be reached: the most a review can score is {best}",
            ).format(threshold=f"{threshold:g}", best=f"{best:g}"),
        )


def _read_image(definition: Path, name: str, where: str) -> tuple[bytes, str]:
    if Path(name).is_absolute() or name.startswith(("/", "\\")):
        raise DefinitionRejected(
            definition,
            translate(
                "DefinitionCheck", "{name} must be a path relative to the definition file"
            ).format(name=repr(name)),
            where,
        )
    try:
        image = (definition.parent / name).resolve()
    except ValueError:  # a NUL in the name
        raise DefinitionRejected(
            definition,
            translate("DefinitionCheck", "{name} is not a file name").format(name=repr(name)),
            where,
        ) from None
    try:
        if image.stat().st_size > MAX_FILE_BYTES:
            raise DefinitionRejected(
                definition,
                translate("DefinitionCheck", "{name} is larger than 5 MB").format(name=repr(name)),
                where,
            )
        data = image.read_bytes()
    except FileNotFoundError:
        raise DefinitionRejected(
            definition,
            translate("DefinitionCheck", "{name} was not found next to the definition").format(
                name=repr(name)
            ),
            where,
        ) from None
    except OSError as e:
        why = translate("DefinitionCheck", "{name} cannot be read ({problem})").format(
            name=repr(name), problem=e.strerror
        )
        raise DefinitionRejected(definition, why, where) from None
    if sniff_bytes(data[:16]) == PNG:
        return data, PNG
    if svg_policy.looks_like_svg(data):
        # Stored as sanitized: badges bake and publish only what the policy lets through.
        try:
            return svg_policy.sanitize(data, repr(name)), SVG
        except svg_policy.SvgRefused as e:
            raise DefinitionRejected(definition, str(e), where) from None
    raise DefinitionRejected(
        definition,
        translate("DefinitionCheck", "{name} is neither a PNG nor an SVG image").format(
            name=repr(name)
        ),
        where,
    )
