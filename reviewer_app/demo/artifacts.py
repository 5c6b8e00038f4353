"""The artifacts a demo submission can hold, by name, and `build` to assemble a bundle.

Each artifact adds its evidence items (and files) to a `Builder`; its random stream is
keyed by the artifact, so the same artifact in a resubmission gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from reviewer_app.demo import media
from reviewer_app.demo.builder import Builder, Spec
from reviewer_app.demo.manifest import (
    JPEG,
    MARKDOWN,
    PDF,
    PLAIN_TEXT,
    PNG,
    FileSource,
    manifest_entries,
)
from reviewer_app.demo.texts_classroom import CRP_LESSON
from reviewer_app.demo.texts_families import FAP_PLAN
from reviewer_app.demo.texts_global import GEC_CONTEXT, GEC_UNIT
from reviewer_app.demo.texts_shared import Outline

Artifact = Callable[[Builder], None]


def _overview(b: Builder) -> None:
    texts = b.texts("overview")
    for index, question in enumerate(b.spec.credential.questions):
        b.add_text(texts.overview(index), "overview", question)


@dataclass(frozen=True)
class _Plan:
    """A text PDF of numbered sections, headed by the earner's name and school."""

    name: str  # the file name in evidence/, without ".pdf"
    title: str  # may name {subject}
    outline: Outline
    pages: int
    spanish_name: str | None = None  # the name an earner whose first language is Spanish uses


_PLANS = {
    "communication_plan": _Plan(
        "plan", "Two-way communication plan", FAP_PLAN, 3, "Plan de comunicación familiar"
    ),
    "lesson_plan": _Plan("lesson-plan", "Lesson plan: {subject}", CRP_LESSON, 4),
    "unit_plan": _Plan("unit-plan", "Global issues unit plan", GEC_UNIT, 5),
}


def _plan_pdf(plan: _Plan, b: Builder) -> None:
    name = plan.name
    if plan.spanish_name and b.earner.languages[0] == "Spanish":
        name = plan.spanish_name
    path = f"evidence/{name}.pdf"
    title = plan.title.format(subject=b.earner.subject)
    paragraphs = [f"{b.earner.name}, {b.earner.school}", *b.texts(path).sections(plan.outline)]
    data = media.render_text_pdf(title=title, paragraphs=paragraphs, pages=plan.pages)
    b.add_file(path, data, title, media_type=PDF)


def _contact_log(b: Builder) -> None:
    lines = b.texts("contact-log").contact_log(entries=28)
    title = "Family contact log, September to October 2026"
    data = media.render_text_pdf(title=title, paragraphs=lines, pages=2)
    description = "Every contact with a family, with the language used."
    b.add_file("evidence/contact-log.pdf", data, title, media_type=PDF, description=description)


@dataclass(frozen=True)
class _Photo:
    """A 1280x960 camera photo; `name` is its file name in evidence/ and its stream key."""

    name: str
    caption: str  # on the photo, and its title
    media_type: str | None = JPEG
    part: str | None = "artifacts"


_PHOTOS = {
    "work_photo": _Photo("student-work.jpg", "Student work sample from the unit"),
    # No media_type: the importer must sniff it.
    "untyped_photo": _Photo("IMG_3307.jpg", "Anchor chart made with students", media_type=None),
    # Answers no rubric part.
    "library_photo": _Photo(
        "classroom-library.jpg", "Our classroom library before the audit", part=None
    ),
    "second_photo": _Photo("poster.jpg", "Group poster for the family exhibition"),
}


def _photo(photo: _Photo, b: Builder) -> None:
    path = media.write_photo_jpeg(
        b.scratch(photo.name), width=1280, height=960, rng=b.rng(photo.name), caption=photo.caption
    )
    item = {"media_type": photo.media_type, "part": photo.part}
    b.add_file(f"evidence/{photo.name}", path, photo.caption, **item)


def _family_night_photo(b: Builder) -> None:
    """A portrait phone photo stored sideways with EXIF orientation 6, as phones do."""
    caption = "Student-made invitation to family literacy night"
    scratch, rng = b.scratch("invitation.jpg"), b.rng("invitation")
    path = media.write_photo_jpeg(
        scratch, width=1600, height=1200, rng=rng, exif_orientation=6, caption=caption
    )
    b.add_file("evidence/IMG_2041.jpg", path, caption, media_type=JPEG)


def _newsletter_scan(b: Builder) -> None:
    lines = b.texts("nl").newsletter()
    path = media.write_scan_png(b.scratch("newsletter.png"), lines=lines, rng=b.rng("newsletter"))
    title = "Bilingual newsletter, first issue (scan)"
    b.add_file("evidence/newsletter-scan.png", path, title, media_type=PNG)


def _work_scans(b: Builder) -> None:
    for index, lines in enumerate(b.texts("scans").student_work(2), start=1):
        key = f"scan-{index}"
        path = media.write_scan_png(b.scratch(f"{key}.png"), lines=lines, rng=b.rng(key))
        title = f"Student writing sample {index} (scan)"
        b.add_file(f"evidence/student-writing-{index}.png", path, title, media_type=PNG)


def _letters_tiff(b: Builder) -> None:
    """A three-page TIFF scan, with no media_type given."""
    pages = b.texts("letters").student_work(3)
    path = media.write_scan_tiff(b.scratch("letters.tif"), pages=pages, rng=b.rng("letters"))
    title = "Letters to our partner class (3 pages)"
    b.add_file("evidence/letters-to-partner-class.tif", path, title)


def _poster_webp(b: Builder) -> None:
    caption = "Water around the world: group poster"
    path = media.write_webp(b.scratch("poster.webp"), rng=b.rng("poster"), caption=caption)
    b.add_file("evidence/poster.webp", path, "Group poster (photo)")


def _survey_gif(b: Builder) -> None:
    """A chart that answers no rubric part, with no media_type."""
    title, labels = "Languages spoken at home (class survey)", b.earner.languages
    path = media.write_gif(b.scratch("survey.gif"), rng=b.rng("survey"), title=title, labels=labels)
    b.add_file("evidence/survey-chart.gif", path, "Class survey chart", part=None)


def _scanned_log(b: Builder) -> None:
    """An image-only PDF (no text layer): imported with a warning."""
    texts = b.texts("signed-log")
    scans = [
        media.write_scan_png(
            b.scratch(f"log-{i}.png"), lines=texts.contact_log(12), rng=b.rng(f"log-{i}")
        )
        for i in (1, 2)
    ]
    path = media.write_image_only_pdf(b.scratch("signed-log.pdf"), scans)
    title = "Signed family contact log (scanned)"
    b.add_file("evidence/signed-contact-log.pdf", path, title, media_type=PDF)


def _encrypted_plan(b: Builder) -> None:
    """A password-protected PDF: imported with a warning."""
    paragraphs = b.texts("encrypted").sections(CRP_LESSON)
    scratch = b.scratch("lesson.pdf")
    path = media.write_encrypted_pdf(
        scratch, title="Lesson plan (protected)", paragraphs=paragraphs, pages=2
    )
    title = "Lesson plan (password protected by my district)"
    b.add_file("evidence/lesson-plan-protected.pdf", path, title, media_type=PDF)


def _field_trip_pdf(b: Builder) -> None:
    title = "Field trip itinerary and permission form"
    paragraphs = [
        title,
        b.earner.focus,
        "8:30 leave school by bus. 9:15 guided walk. 10:30 data collection in groups. "
        "12:00 lunch. 13:30 return to school.",
        *b.texts("trip").pick(GEC_CONTEXT, 2),
        "Parent or guardian signature: ______________________",
    ]
    data = media.render_text_pdf(title="Field trip plan", paragraphs=paragraphs, pages=2)
    b.add_file("evidence/field-trip.pdf", data, title, media_type=PDF)


def _reflection(b: Builder) -> str:
    return b.texts(f"reflection-{b.spec.attempt}").reflection(revised=b.revised)


def _reflection_text(b: Builder) -> None:
    b.add_text(_reflection(b), "reflection", "Reflection")


def _reflection_file(b: Builder, path: Path, media_type: str) -> None:
    b.add_file(path.name, path, "Reflection", media_type=media_type, part="reflection")


def _reflection_md(b: Builder) -> None:
    text = f"# Reflection\n\n*{b.spec.credential.name}*\n\n{_reflection(b)}\n"
    _reflection_file(b, media.write_reflection_md(b.scratch("reflection.md"), text), MARKDOWN)


def _reflection_txt(b: Builder) -> None:
    text = f"Reflection\n\n{_reflection(b)}"
    _reflection_file(b, media.write_reflection_txt(b.scratch("reflection.txt"), text), PLAIN_TEXT)


ARTIFACTS: dict[str, Artifact] = {
    "overview": _overview,
    **{kind: partial(_plan_pdf, plan) for kind, plan in _PLANS.items()},
    "contact_log": _contact_log,
    "family_night_photo": _family_night_photo,
    **{kind: partial(_photo, photo) for kind, photo in _PHOTOS.items()},
    "newsletter_scan": _newsletter_scan,
    "work_scans": _work_scans,
    "letters_tiff": _letters_tiff,
    "poster_webp": _poster_webp,
    "survey_gif": _survey_gif,
    "scanned_log": _scanned_log,
    "encrypted_plan": _encrypted_plan,
    "field_trip": _field_trip_pdf,
    "reflection_text": _reflection_text,
    "reflection_md": _reflection_md,
    "reflection_txt": _reflection_txt,
}


def build(spec: Spec, staging: Path, seed: int) -> dict[str, FileSource]:
    """The bundle's entries, `manifest.json` first; media are rendered under `staging`."""
    builder = Builder(spec, staging, seed)
    for kind in spec.artifacts:
        ARTIFACTS[kind](builder)
    return manifest_entries(builder.manifest(), builder.files)
