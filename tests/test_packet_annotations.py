"""Annotations travel with review packets: a packet carries the reviewer's annotations
out to their laptop, the return brings back what they became; a return whose annotation
does not fit its item, or was changed on the way, is refused whole.

On the demo's FAP-2026-0142: evidence/contact-log.pdf (2 pages, 612 x 792 pt), the photo
evidence/IMG_2041.jpg (stored 1600 x 1200 with EXIF orientation 6: upright 1200 x 1600)
and the written answer "Reflection"."""

from __future__ import annotations

import hashlib
import hmac
import json
import shutil
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from reviewer_app.audit import trail
from reviewer_app.audit.replay import replay
from reviewer_app.demo.load import load_demo
from reviewer_app.evidence.derive import derive_pending
from reviewer_app.packets import (
    PacketError,
    export_packet,
    export_return,
    import_packet,
    import_return,
    list_conflicts,
    resolve_conflict,
)
from reviewer_app.packets.returns import review_digest
from reviewer_app.reviews import annotations as notes
from reviewer_app.reviews.annotations import Anchor, Annotation
from reviewer_app.reviews.service import ReviewSession, submission_named
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import AuditEvent, PacketReturn, Reviewer

SID = "FAP-2026-0142"
LOG, PHOTO, REFLECTION = "evidence/contact-log.pdf", "evidence/IMG_2041.jpg", "Reflection"
ANA, LEAD = "Ana Ruiz", "Lena Lead"


@dataclass
class Laptops:
    lead: DataFolder
    ana: DataFolder
    tmp: Path


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo loaded once (text extracted); each test works on a copy."""
    root = tmp_path_factory.mktemp("demo") / "lead"
    folder = DataFolder.open(root)
    try:
        load_demo(folder)
        with folder.sessions.begin() as session:
            session.add(Reviewer(name=LEAD, role="lead"))
    finally:
        folder.close()
    return root


@pytest.fixture
def laptops(demo_folder: Path, tmp_path: Path) -> Iterator[Laptops]:
    shutil.copytree(
        demo_folder, tmp_path / "lead", ignore=shutil.ignore_patterns("demo-bundles", "*.lock")
    )
    lead, ana = DataFolder.open(tmp_path / "lead"), DataFolder.open(tmp_path / "ana")
    try:
        yield Laptops(lead, ana, tmp_path)
    finally:
        lead.close()
        ana.close()


def annotate(
    folder: DataFolder,
    item: str,
    text: str,
    *,
    page: int = 1,
    rect: tuple[float, float, float, float] | None = None,
    quote: str | None = None,
    criterion: str | None = None,
) -> Annotation:
    review = ReviewSession.open(folder, SID, ANA)
    with folder.read_sessions() as session:
        pk = submission_named(session, SID).id
        found = notes.find_item(session, pk, item)
        anchor = (
            notes.anchor_on_quote(session, pk, found, quote)
            if quote is not None
            else Anchor(found.id, page, rect)
        )
    return review.annotate(anchor, text, criterion=criterion)


def annotations_of(folder: DataFolder) -> list[Annotation]:
    with folder.read_sessions() as session:
        return notes.of_submission(session, submission_named(session, SID).id, ANA)


def shape(found: list[Annotation]) -> list[tuple[Any, ...]]:
    """What must travel unchanged: number, place, criterion, tag and comment."""
    return [(a.number, a.item, a.page, a.rect, a.quote, a.criterion, a.tag, a.text) for a in found]


def score_and_submit(folder: DataFolder) -> None:
    review = ReviewSession.open(folder, SID, ANA)
    for criterion in review.rubric.criteria:
        review.set_level(criterion.id, criterion.levels[-1].id)
    review.set_feedback("Clear plan; the log shows families answering.")
    assert review.submit().outcome == "pass"


def audit_ok(folder: DataFolder) -> bool:
    with folder.read_sessions() as session:
        return trail.verify(session).ok and replay(session).ok


def office_review(laptops: Laptops) -> list[Annotation]:
    """Ana starts at the office: four annotations of every kind, on a PDF page, a
    quote in a PDF, the rotated photo (upright pixels) and a quote in the Reflection."""
    lead = laptops.lead
    annotate(lead, LOG, "Dates and replies: good.", page=2, rect=(72, 100, 300, 60))
    annotate(lead, LOG, "Which language?", quote="phone call with interpreter")
    # Inside the upright 1200 x 1600 photo only: the stored image is 1200 high.
    annotate(
        lead, PHOTO, "Drawn by a student.", rect=(900, 1300, 250, 250), criterion="overview-goal"
    )
    annotate(lead, REFLECTION, "Say more here.", quote="check my own assumptions")
    made = annotations_of(lead)
    assert [a.number for a in made] == [1, 2, 3, 4]
    return made


def round_trip(laptops: Laptops) -> tuple[Path, str]:
    """The office's annotations out to Ana; Ana edits one, deletes one, adds one,
    scores, submits and returns."""
    office_review(laptops)
    packet = laptops.tmp / "packet.zip"
    made = export_packet(laptops.lead, ANA, [SID], packet, actor=LEAD)
    got = import_packet(laptops.ana, packet, actor=ANA)
    assert not got.warnings
    derive_pending(laptops.ana)  # what `packet import` does next
    carried = annotations_of(laptops.ana)
    assert shape(carried) == shape(annotations_of(laptops.lead))
    review = ReviewSession.open(laptops.ana, SID, ANA)
    review.edit_annotation(carried[0].id, text="Dates and replies: good. Add the languages.")
    review.delete_annotation(carried[1].id)
    review.annotate(
        carried[0].anchor, "Second thought on the same rows.", criterion="overview-goal"
    )
    score_and_submit(laptops.ana)
    returned = laptops.tmp / "return.zip"
    export_return(laptops.ana, made.packet_id, ANA, returned, actor=ANA)
    return returned, made.packet_id


# The round trip --------------------------------------------------------------------------


def test_a_packet_carries_annotations_out_and_its_return_brings_them_back(
    laptops: Laptops,
) -> None:
    returned, _packet_id = round_trip(laptops)
    before = {a.number: a.id for a in annotations_of(laptops.lead)}

    got = import_return(laptops.lead, returned, actor=LEAD)

    assert got.added == [SID] and not got.conflicts
    here, there = annotations_of(laptops.lead), annotations_of(laptops.ana)
    assert [a.number for a in here] == [1, 3, 4, 5]
    assert shape(here) == shape(there)
    assert here[0].text == "Dates and replies: good. Add the languages."
    assert here[1].rect == (900.0, 1300.0, 250.0, 250.0) and here[1].criterion == "overview-goal"
    # Kept under their numbers, kept as the same rows (a lead's letter choice names them).
    assert {a.number: a.id for a in here if a.number in before} == {n: before[n] for n in (1, 3, 4)}
    with laptops.lead.read_sessions() as session:
        actions = list(
            session.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.action.like("review.annotat%"), AuditEvent.actor == LEAD)
                .order_by(AuditEvent.seq)
            )
        )
    assert actions == ["review.annotation.delete", "review.annotation.edit", "review.annotate"]
    assert audit_ok(laptops.lead) and audit_ok(laptops.ana)

    # The same content again from a later return: unchanged, not a conflict.
    again = laptops.tmp / "again.zip"
    packet_id = got.packet_id
    export_return(laptops.ana, packet_id, ANA, again, actor=ANA)
    repeat = import_return(laptops.lead, again, actor=LEAD)
    assert repeat.unchanged == [SID] and not repeat.conflicts


def test_a_packet_holds_the_annotations_in_their_documented_form(laptops: Laptops) -> None:
    office_review(laptops)
    packet = laptops.tmp / "packet.zip"
    export_packet(laptops.lead, ANA, [SID], packet, actor=LEAD)
    with zipfile.ZipFile(packet) as z:
        manifest = json.loads(z.read("manifest.json"))
        body = json.loads(z.read("annotations.json"))
    assert "annotations.json" in {f["path"] for f in manifest["files"]}
    first, second = body["annotations"][:2]
    assert first == {
        "submission_id": SID,
        "reviewer": ANA,
        "number": 1,
        "item": LOG,
        "position": 4,
        "page": 2,
        "rect": [72.0, 100.0, 300.0, 60.0],
        "quote": None,
        "quote_start": None,
        "criterion": None,
        "tag": None,
        "text": "Dates and replies: good.",
    }
    assert second["quote"] == "phone call with interpreter" and second["rect"] is None
    assert isinstance(second["quote_start"], int)


def test_a_blind_packet_names_the_annotated_items_as_the_assessor_sees_them(
    laptops: Laptops,
) -> None:
    office_review(laptops)
    packet = laptops.tmp / "packet.zip"
    made = export_packet(laptops.lead, ANA, [SID], packet, actor=LEAD, blind=True)
    code = made.codes[SID]
    with zipfile.ZipFile(packet) as z:
        body = json.loads(z.read("annotations.json"))
    assert {(a["submission_id"], a["item"]) for a in body["annotations"]} == {
        (code, "evidence-4.pdf"),
        (code, "evidence-5.jpg"),
        (code, REFLECTION),
    }
    assert not import_packet(laptops.ana, packet, actor=ANA).warnings
    review = ReviewSession.open(laptops.ana, code, ANA)
    assert [a.number for a in review.annotations()] == [1, 2, 3, 4]
    review.delete_annotation(review.annotations()[0].id)
    for criterion in review.rubric.criteria:
        review.set_level(criterion.id, criterion.levels[-1].id)
    review.submit()
    returned = laptops.tmp / "return.zip"
    export_return(laptops.ana, made.packet_id, ANA, returned, actor=ANA)
    assert import_return(laptops.lead, returned, actor=LEAD).added == [SID]
    assert [(a.number, a.item) for a in annotations_of(laptops.lead)] == [
        (2, LOG),
        (3, PHOTO),
        (4, REFLECTION),
    ]
    assert audit_ok(laptops.lead)


def test_an_office_review_changed_after_its_packet_went_out_is_a_conflict(
    laptops: Laptops,
) -> None:
    """The office went on annotating after the packet was made: the return does not
    overwrite that; a lead chooses, and taking the incoming review takes its annotations."""
    returned, _ = round_trip(laptops)
    annotate(laptops.lead, LOG, "Written at the office later.", page=1, rect=(10, 10, 50, 50))

    got = import_return(laptops.lead, returned, actor=LEAD)

    assert not got.added and [c["submission_id"] for c in got.conflicts] == [SID]
    assert [a.number for a in annotations_of(laptops.lead)] == [1, 2, 3, 4, 5]
    with laptops.lead.read_sessions() as session:
        (conflict,) = list_conflicts(session)
    assert any("annotations differ" in d for d in conflict.differences)
    resolve_conflict(laptops.lead, conflict.id, "incoming", LEAD, "Ana's is the finished one.")
    assert shape(annotations_of(laptops.lead)) == shape(annotations_of(laptops.ana))
    assert audit_ok(laptops.lead)


# Refusals --------------------------------------------------------------------------------


def packet_key(packet_zip: Path) -> bytes:
    with zipfile.ZipFile(packet_zip) as z:
        return bytes.fromhex(json.loads(z.read("manifest.json"))["return_key"]["key"])


def rewritten(
    returned: Path,
    out: Path,
    change: Callable[[dict[str, Any]], None],
    *,
    key: bytes | None = None,
    digest: bool = True,
) -> Path:
    """A copy of the return with its first review's annotations changed. With `key`
    (as only whoever holds the packet has) the entry's hash, the review's digest and
    the seal are made again, so that only the content can be refused."""
    with zipfile.ZipFile(returned) as z:
        entries = {name: z.read(name) for name in z.namelist()}
    body = json.loads(entries["reviews.json"])
    review = body["reviews"][0]
    change(review)
    if digest:
        review["digest"] = review_digest(review)
    entries["reviews.json"] = json.dumps(body).encode()
    if key is not None:
        manifest = json.loads(entries["manifest.json"])
        manifest.pop("authentication")
        manifest["files"] = [
            {"path": "reviews.json", "sha256": hashlib.sha256(entries["reviews.json"]).hexdigest()}
            | {"size": len(entries["reviews.json"])}
        ]
        canonical = json.dumps(manifest, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        mac = hmac.new(key, canonical.encode(), hashlib.sha256).hexdigest()
        manifest["authentication"] = {"method": "hmac-sha256", "mac": mac}
        entries["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return out


def nothing_imported(laptops: Laptops, before: list[tuple[Any, ...]], events: int) -> None:
    assert shape(annotations_of(laptops.lead)) == before
    with laptops.lead.read_sessions() as session:
        assert session.scalar(select(func.count(PacketReturn.id))) == 0
        assert session.scalar(select(func.count(AuditEvent.id))) == events
        review = ReviewSession.open(laptops.lead, SID, ANA)
        assert review.submitted_at is None and not review.levels


def audit_count(folder: DataFolder) -> int:
    with folder.read_sessions() as session:
        return int(session.scalar(select(func.count(AuditEvent.id))) or 0)


def set_first(**values: Any) -> Callable[[dict[str, Any]], None]:
    def change(review: dict[str, Any]) -> None:
        review["annotations"][0].update(values)

    return change


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (set_first(page=99), "evidence/contact-log.pdf has no page 99: it has 2"),
        (
            set_first(rect=[500.0, 700.0, 200.0, 200.0]),
            "The rectangle 500,700,200,200 is outside page 2 of evidence/contact-log.pdf, "
            "which is 612 x 792 points",
        ),
        # Fits the stored 1600 x 1200 photo, not the upright 1200 x 1600 one.
        (
            set_first(item=PHOTO, position=5, page=1, rect=[1300.0, 100.0, 250.0, 250.0]),
            "outside page 1 of evidence/IMG_2041.jpg, which is 1200 x 1600 px",
        ),
        (set_first(item="evidence/other.pdf"), "its item 4 ('evidence/other.pdf') is not one"),
        (set_first(position=9), "its item 9 ('evidence/contact-log.pdf') is not one"),
        (set_first(criterion="no-such"), "its criterion 'no-such' is not a criterion"),
        (
            set_first(item=REFLECTION, position=6, page=1, rect=None, quote="never written"),
            "Reflection does not contain the text 'never written'",
        ),
    ],
    ids=[
        "page-99",
        "rect-off-page",
        "rect-off-upright-photo",
        "label",
        "position",
        "criterion",
        "quote",
    ],
)
def test_a_return_whose_annotation_does_not_fit_is_refused_whole(
    laptops: Laptops, change: Callable[[dict[str, Any]], None], words: str
) -> None:
    returned, _ = round_trip(laptops)
    key = packet_key(laptops.tmp / "packet.zip")
    bad = rewritten(returned, laptops.tmp / "bad.zip", change, key=key)
    before, events = shape(annotations_of(laptops.lead)), audit_count(laptops.lead)

    with pytest.raises(PacketError) as refused:
        import_return(laptops.lead, bad, actor=LEAD)

    message = str(refused.value)
    assert f"the review of {SID} by {ANA} has annotation 1, which cannot be placed" in message
    assert words in message and message.endswith("Nothing was imported.")
    nothing_imported(laptops, before, events)


def zip_with(path: Path, out: Path, change: Callable[[dict[str, bytes]], None]) -> Path:
    with zipfile.ZipFile(path) as z:
        entries = {name: z.read(name) for name in z.namelist()}
    change(entries)
    with zipfile.ZipFile(out, "w") as z:
        for name, content in entries.items():
            z.writestr(name, content)
    return out


def test_a_return_whose_annotation_was_edited_on_the_way_is_refused(laptops: Laptops) -> None:
    returned, packet_id = round_trip(laptops)
    before, events = shape(annotations_of(laptops.lead)), audit_count(laptops.lead)
    said, changed = b"Dates and replies: good.", b"Dates and replies: poor."

    def edit(entries: dict[str, bytes]) -> None:
        assert entries["reviews.json"].count(said) == 1
        entries["reviews.json"] = entries["reviews.json"].replace(said, changed)

    def rehash(entries: dict[str, bytes]) -> None:
        edit(entries)
        manifest, data = json.loads(entries["manifest.json"]), entries["reviews.json"]
        manifest["files"] = [
            {"path": "reviews.json", "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        ]
        entries["manifest.json"] = json.dumps(manifest).encode()

    # The comment edited in place: the entry no longer has its listed hash.
    with pytest.raises(PacketError, match=r"does not match its hash in manifest\.json"):
        import_return(laptops.lead, zip_with(returned, laptops.tmp / "t1.zip", edit), actor=LEAD)
    # Its hash listed again, without the packet's key: the seal no longer fits.
    with pytest.raises(PacketError, match=f"was not made from packet {packet_id}"):
        import_return(laptops.lead, zip_with(returned, laptops.tmp / "t2.zip", rehash), actor=LEAD)
    # Sealed again but the review's digest left as it was: the digest covers annotations.
    key = packet_key(laptops.tmp / "packet.zip")
    stale = rewritten(
        returned, laptops.tmp / "t3.zip", set_first(text="You fail."), key=key, digest=False
    )
    with pytest.raises(PacketError, match="does not match its digest"):
        import_return(laptops.lead, stale, actor=LEAD)
    nothing_imported(laptops, before, events)


def test_a_packet_leaves_annotations_made_on_the_laptop_as_they_are(laptops: Laptops) -> None:
    """A second packet of the same submission (say, reissued) finds the review on the
    laptop annotated already: the laptop's work is newer, so it is kept, with a warning."""
    office_review(laptops)
    first, second = laptops.tmp / "first.zip", laptops.tmp / "second.zip"
    export_packet(laptops.lead, ANA, [SID], first, actor=LEAD)
    import_packet(laptops.ana, first, actor=ANA)
    review = ReviewSession.open(laptops.ana, SID, ANA)
    review.delete_annotation(review.annotations()[0].id)
    kept = shape(annotations_of(laptops.ana))
    export_packet(laptops.lead, ANA, [SID], second, actor=LEAD)

    got = import_packet(laptops.ana, second, actor=ANA)

    assert got.warnings == [
        f"{SID}: {ANA}'s review here already has annotations or is submitted; "
        "the packet's 4 annotations were not added to it."
    ]
    assert shape(annotations_of(laptops.ana)) == kept
    assert audit_ok(laptops.ana)


def test_a_return_from_before_annotations_travelled_leaves_them_as_they_are(
    laptops: Laptops,
) -> None:
    returned, packet_id = round_trip(laptops)
    office = shape(annotations_of(laptops.lead))
    key = packet_key(laptops.tmp / "packet.zip")
    older = rewritten(returned, laptops.tmp / "older.zip", lambda r: r.pop("annotations"), key=key)

    assert import_return(laptops.lead, older, actor=LEAD).added == [SID]

    assert shape(annotations_of(laptops.lead)) == office
    assert audit_ok(laptops.lead)
    # Such a return again: the same scores are the same review, whatever the annotations.
    again = laptops.tmp / "again.zip"
    export_return(laptops.ana, packet_id, ANA, again, actor=ANA)
    older = rewritten(again, laptops.tmp / "older2.zip", lambda r: r.pop("annotations"), key=key)
    repeat = import_return(laptops.lead, older, actor=LEAD)
    assert repeat.unchanged == [SID] and not repeat.conflicts
