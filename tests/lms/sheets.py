"""The platforms' grade worksheets, written in code from their formats, and a data folder
whose platform submissions were decided through the program's own review service.

Moodle writes its offline grading worksheet with PHP's fputcsv: a cell is quoted when it
holds the delimiter, a quote, a space, a tab or a line break, and rows end in LF. Canvas
writes its gradebook export with Ruby's CSV: a cell is quoted only when it must be, rows
end in CRLF, and a byte order mark may lead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reviewer_app.lms.importing import import_download
from reviewer_app.resources import resource
from reviewer_app.reviews.annotations import Anchor, find_item
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.rubrics.store import add_files
from reviewer_app.storage.datafolder import DataFolder
from tests import craft
from tests.lms.platforms import (
    CanvasFile,
    CanvasStudent,
    MoodleStudent,
    canvas_entries,
    moodle_entries,
    write,
)

CRITERIA = [
    "overview-families",
    "overview-goal",
    "overview-response",
    "artifacts-plan",
    "artifacts-contact-log",
    "artifacts-family-voice",
    "reflection-impact",
    "reflection-assumptions",
    "reflection-next-steps",
]


def php_cell(value: str, delimiter: str) -> str:
    if any(c in value for c in (delimiter, '"', " ", "\t", "\r", "\n", "\\")):
        return '"' + value.replace('"', '""') + '"'
    return value


def ruby_cell(value: str, delimiter: str) -> str:
    if any(c in value for c in (delimiter, '"', "\r", "\n")):
        return '"' + value.replace('"', '""') + '"'
    return value


def moodle_csv(rows: Sequence[Sequence[str]], delimiter: str = ",") -> bytes:
    lines = [delimiter.join(php_cell(c, delimiter) for c in row) + "\n" for row in rows]
    return "".join(lines).encode("utf-8")


def canvas_csv(rows: Sequence[Sequence[str]], delimiter: str = ",", *, bom: bool = True) -> bytes:
    lines = [delimiter.join(ruby_cell(c, delimiter) for c in row) + "\r\n" for row in rows]
    return ("\ufeff" if bom else "").encode() + "".join(lines).encode("utf-8")


MOODLE_EN = [
    "Identifier",
    "Full name",
    "Email address",
    "Status",
    "Grade",
    "Maximum Grade",
    "Grade can be changed",
    "Last modified (submission)",
    "Online text",
    "Last modified (grade)",
    "Feedback comments",
]
MOODLE_ES = [
    "Identificador",
    "Nombre completo",
    "Dirección de correo",
    "Estado",
    "Calificación",
    "Calificación máxima",
    "La calificación puede ser cambiada",
    "Última modificación (entrega)",
    "Texto en línea",
    "Última modificación (calificación)",
    "Comentarios de retroalimentación",
]
# (participant id, full name, email): 101 passes, 102 is Not Yet, 103 is undecided,
# 900 has no submission here; moodle-104 is here with no row.
MOODLE_STUDENTS = [
    ("101", "Ana Lima", "ana@example.org"),
    ("102", "José O'Neil-Pérez", "jose@example.org"),
    ("103", "Mai Nguyễn", "mai@example.org"),
    ("900", "Zoe Dropped", "zoe@example.org"),
]


def moodle_rows(spanish: bool = False, decimal: str = ".") -> list[list[str]]:
    word = "Participante" if spanish else "Participant"
    status = "Enviado para calificar" if spanish else "Submitted for grading"
    yes = "Sí" if spanish else "Yes"
    rows = [MOODLE_ES if spanish else MOODLE_EN]
    for number, name, email in MOODLE_STUDENTS:
        rows.append(
            [
                f"{word} {number}",
                name,
                email,
                status,
                "",
                f"10{decimal}00",
                yes,
                "Monday, 5 October 2026, 2:22 PM",
                '<p>My plan; "in two languages", with =SUM(A1) in it</p>',
                "-",
                "",
            ]
        )
    return [list(r) for r in rows]


CANVAS_HEADER = [
    "Student",
    "ID",
    "SIS User ID",
    "SIS Login ID",
    "Section",
    "Families plan (2201)",
    "Reflection (2202)",
    "Current Points",
    "Final Score",
]
# 48213 passes, 48214 is Not Yet, 48215 is undecided, 48299 has no submission here;
# canvas-48216 and canvas-anon-77 are here with no row.
CANVAS_STUDENTS = [
    ("López, María", "48213"),
    ("O'Neil, José", "48214"),
    ("Nguyễn, Mai", "48215"),
    ("Student, Test", "48299"),
]


def canvas_rows(decimal: str = ".") -> list[list[str]]:
    rows = [
        list(CANVAS_HEADER),
        [
            "    Points Possible",
            "",
            "",
            "",
            "",
            f"10{decimal}00",
            f"5{decimal}00",
            "(read only)",
            "(read only)",
        ],
    ]
    for name, user in CANVAS_STUDENTS:
        rows.append(
            [name, user, f"S{user}", f"u{user}", "Section 1", "", f"4{decimal}50", "0", "0"]
        )
    return rows


@dataclass(frozen=True)
class Graded:
    folder: DataFolder
    decided: dict[str, str]  # submission id -> outcome


PASSED, NOT_YET, UNDECIDED = "pass", "not-yet", None
SUBMISSIONS = {
    "moodle-101": PASSED,
    "moodle-102": NOT_YET,
    "moodle-103": UNDECIDED,
    "moodle-104": PASSED,
    "canvas-48213": PASSED,
    "canvas-48214": NOT_YET,
    "canvas-48215": UNDECIDED,
    "canvas-48216": NOT_YET,
    "canvas-anon-77": PASSED,
}
ANNOTATION = "The plan's heading names the families it is for."
COMMENT = "Say which language each reply came in."


def graded_folder(root: Path, work: Path) -> Graded:
    """A data folder with the platform submissions above, decided by an assessor."""
    folder = DataFolder.open(root)
    report = add_files(folder, sorted(resource("demo", "definitions").glob("*.json")), "lead")
    assert not report.rejected
    # The submissions come in as the platforms' own downloads: the round trip a person makes.
    plan = {sid: craft.text_pdf(f"plan of {sid}") for sid in SUBMISSIONS}
    moodle = [
        MoodleStudent(f"Student {sid[-3:]}", int(sid.split("-")[1]), files={"plan.pdf": data})
        for sid, data in plan.items()
        if sid.startswith("moodle-")
    ]
    canvas = [
        CanvasStudent(
            f"student{sid[-2:]}", sid.split("-")[1], files=[CanvasFile("plan.pdf", data, 9000 + n)]
        )
        for n, (sid, data) in enumerate(plan.items())
        if sid.startswith("canvas-") and "anon" not in sid
    ]
    anonymous = [
        CanvasStudent(
            "anon", sid.removeprefix("canvas-anon-"), files=[CanvasFile("plan.pdf", data, 9500 + n)]
        )
        for n, (sid, data) in enumerate(plan.items())
        if sid.startswith("canvas-anon-")
    ]
    imported: set[str] = set()
    for name, platform, entries in (
        ("moodle.zip", "moodle", moodle_entries(moodle)),
        ("canvas.zip", "canvas", canvas_entries(canvas)),
        ("canvas-anonymous.zip", "canvas", canvas_entries(anonymous)),
    ):
        done = import_download(
            folder, write(work / name, entries), credential=craft.CREDENTIAL, platform=platform
        )
        assert not done.report.rejected, done.report.rejected
        imported |= {b.submission_id for b in done.report.imported}
    assert imported == set(SUBMISSIONS)
    decided = {}
    for sid, outcome in SUBMISSIONS.items():
        if outcome is None:
            continue
        review = ReviewSession.open(folder, sid, "Ana Ruiz")
        failing = "not-yet" if outcome == NOT_YET else "proficient"
        for criterion in CRITERIA:
            review.set_level(criterion, failing if criterion == "artifacts-plan" else "proficient")
        review.set_comment("artifacts-plan", COMMENT)
        review.set_feedback(f"Overall, {sid}: =not a formula here.")
        with folder.read_sessions() as session:
            item = find_item(session, review.submission_pk, "plan.pdf")
        review.annotate(Anchor(item.id, 1), ANNOTATION, criterion="artifacts-plan")
        assert review.submit().outcome == outcome
        decided[sid] = outcome
    return Graded(folder, decided)
