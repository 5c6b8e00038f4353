"""Review packets and returns between data folders on separate laptops: a lead's folder
issues packets, two assessors' folders score them offline, the returns come back."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select

from reviewer_app.audit import trail
from reviewer_app.audit.anchor import ANCHOR_KEY
from reviewer_app.evidence.importer import Importer
from reviewer_app.packets import (
    ArchiveRejected,
    PacketError,
    export_packet,
    export_return,
    import_packet,
    import_return,
    list_conflicts,
    list_packets,
    resolve_conflict,
)
from reviewer_app.packets.returns import review_content, review_digest
from reviewer_app.packets.review_times import review_time_problem
from reviewer_app.resources import resource
from reviewer_app.reviews.blind import submission_code
from reviewer_app.reviews.moderation import adjudicate, set_required_reviews
from reviewer_app.reviews.queue import submission_view
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.rubrics.model import Rubric
from reviewer_app.rubrics.store import add_files
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.folder_settings import BLIND_REVIEW
from reviewer_app.storage.models import (
    AuditEvent,
    Definition,
    EvidenceItem,
    FolderSetting,
    Review,
    Reviewer,
    Submission,
)
from tests import craft

CREDENTIAL = craft.CREDENTIAL
ANA, BEN, LEAD = "Ana Ruiz", "Ben Osei", "Lena Lead"


@dataclass
class Laptops:
    lead: DataFolder
    a: DataFolder  # Ana's laptop
    b: DataFolder  # Ben's laptop
    tmp: Path


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[Laptops]:
    """Three data folders. The lead's holds the demo definitions, two submissions (with
    a PDF, a photo and a written answer) and needs two reviews per submission."""
    lead = DataFolder.open(tmp_path / "lead")
    a = DataFolder.open(tmp_path / "ana")
    b = DataFolder.open(tmp_path / "ben")
    try:
        definitions = sorted(resource("demo", "definitions").glob("*.json"))
        assert not add_files(lead, definitions, "lead").rejected
        answer = [{"text": "Families speak Portuguese and Spanish.", "part": "overview"}]
        first = {"plan.pdf": craft.text_pdf(), "photo.jpg": craft.photo_jpeg(tmp_path)}
        bundles = [
            craft.bundle_zip(tmp_path / "b1.zip", first, submission_id="FAP-1", texts=answer),
            craft.bundle_zip(
                tmp_path / "b2.zip",
                {"plan.pdf": craft.text_pdf("revised")},
                submission_id="FAP-2",
                attempt=2,
                notes="Second attempt.",
            ),
        ]
        assert len(Importer(lead).import_paths(bundles).imported) == 2
        set_required_reviews(lead, CREDENTIAL, 2, "lead")
        with lead.sessions.begin() as session:
            session.add(Reviewer(name=LEAD, role="lead"))
        yield Laptops(lead, a, b, tmp_path)
    finally:
        for f in (lead, a, b):
            f.close()


def score(folder: DataFolder, submission: str, reviewer: str, *, not_yet: int = 0) -> str:
    """Scores every criterion Proficient, the first `not_yet` criteria Not Yet."""
    review = ReviewSession.open(folder, submission, reviewer)
    for n, criterion in enumerate(review.rubric.criteria):
        review.set_level(criterion.id, criterion.levels[0 if n < not_yet else -1].id)
        if n == 0:
            review.set_comment(criterion.id, f"{reviewer} read the families section.")
    review.set_feedback(f"Feedback from {reviewer}.")
    outcome = review.submit().outcome
    assert outcome is not None
    return outcome


def state(folder: DataFolder, submission: str) -> str:
    with folder.sessions() as session:
        return session.scalars(
            select(Submission.status).where(Submission.submission_id == submission)
        ).one()


def review_of(folder: DataFolder, submission: str, reviewer: str) -> dict[str, Any]:
    with folder.sessions() as session:
        review = session.scalars(
            select(Review)
            .join(Reviewer, Reviewer.id == Review.reviewer_id)
            .join(Submission, Submission.id == Review.submission_id)
            .where(Submission.submission_id == submission, Reviewer.name == reviewer)
        ).one()
        return review_content(session, review, submission, reviewer)


def evidence_hashes(folder: DataFolder, submission: str) -> list[str | None]:
    with folder.sessions() as session:
        return list(
            session.scalars(
                select(EvidenceItem.blob_sha256)
                .join(Submission, Submission.id == EvidenceItem.submission_id)
                .where(Submission.submission_id == submission)
                .order_by(EvidenceItem.position)
            )
        )


def chain_ok(folder: DataFolder) -> bool:
    with folder.sessions() as session:
        return trail.verify(session).ok


def packets_for_both(laptops: Laptops) -> tuple[Path, Path, str, str]:
    """The lead's packets: Ana scores FAP-1 and FAP-2, Ben scores FAP-1."""
    pa, pb = laptops.tmp / "packet-ana.zip", laptops.tmp / "packet-ben.zip"
    to_ana = export_packet(laptops.lead, ANA, ["FAP-1", "FAP-2"], pa, actor=LEAD)
    to_ben = export_packet(laptops.lead, BEN, ["FAP-1"], pb, actor=LEAD)
    return pa, pb, to_ana.packet_id, to_ben.packet_id


def scored_returns(laptops: Laptops) -> tuple[Path, Path, str, str]:
    """Both packets imported, scored (Ana: Pass everywhere; Ben: Not Yet on two
    criteria of FAP-1) and returned."""
    pa, pb, id_a, id_b = packets_for_both(laptops)
    import_packet(laptops.a, pa, actor=ANA)
    import_packet(laptops.b, pb, actor=BEN)
    assert score(laptops.a, "FAP-1", ANA) == "pass"
    assert score(laptops.a, "FAP-2", ANA) == "pass"
    assert score(laptops.b, "FAP-1", BEN, not_yet=2) == "not-yet"
    ra, rb = laptops.tmp / "return-ana.zip", laptops.tmp / "return-ben.zip"
    assert export_return(laptops.a, id_a, ANA, ra, actor=ANA).submissions == ["FAP-1", "FAP-2"]
    assert export_return(laptops.b, id_b, BEN, rb, actor=BEN).submissions == ["FAP-1"]
    return ra, rb, id_a, id_b


def rewrite(
    path: Path,
    out: Path,
    change: Callable[[dict[str, bytes]], None],
    *,
    rehash: bool = True,
    compression: int = zipfile.ZIP_STORED,
) -> Path:
    """A copy of a packet or return with entries changed; with `rehash` its manifest
    lists the changed entries' true hashes and sizes, as a careful forger would."""
    with zipfile.ZipFile(path) as z:
        entries = {name: z.read(name) for name in z.namelist()}
    change(entries)
    manifest = json.loads(entries["manifest.json"])
    if rehash:
        manifest["files"] = [
            {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in sorted(entries.items())
            if name != "manifest.json"
        ]
    entries["manifest.json"] = json.dumps(manifest).encode()
    return craft.write_zip(out, entries, compression=compression)


def change_reviews(
    change: Callable[[list[dict[str, Any]]], None],
) -> Callable[[dict[str, bytes]], None]:
    def apply(entries: dict[str, bytes]) -> None:
        body = json.loads(entries["reviews.json"])
        change(body["reviews"])
        entries["reviews.json"] = json.dumps(body).encode()

    return apply


# The whole round trip ---------------------------------------------------------------------


def test_two_assessors_offline_disagree_and_the_lead_adjudicates(laptops: Laptops) -> None:
    pa, pb, id_a, id_b = packets_for_both(laptops)
    with laptops.lead.sessions() as session:
        issued = list_packets(session)
    assert {p["packet_id"] for p in issued} == {id_a, id_b}
    assert all(p["direction"] == "issued" for p in issued)

    got = import_packet(laptops.a, pa, actor=ANA)
    assert sorted(got.submissions_imported) == ["FAP-1", "FAP-2"] and not got.already_imported
    assert [d["id"] for d in got.definitions_added] == [CREDENTIAL]
    assert import_packet(laptops.b, pb, actor=BEN).submissions_imported == ["FAP-1"]
    # The assessor's folder holds the very evidence bytes and the very definition.
    for sid in ("FAP-1", "FAP-2"):
        assert evidence_hashes(laptops.a, sid) == evidence_hashes(laptops.lead, sid)
    with laptops.lead.sessions() as ls, laptops.a.sessions() as asess:
        query = select(Definition.content_digest).where(Definition.achievement_uri == CREDENTIAL)
        assert asess.scalars(query).all() == ls.scalars(query).all()
        text = asess.scalars(select(EvidenceItem.text).where(EvidenceItem.kind == "text")).one()
    assert text == "Families speak Portuguese and Spanish."

    # Offline scoring in the normal app, then the returns.
    assert score(laptops.a, "FAP-1", ANA) == "pass"
    assert score(laptops.a, "FAP-2", ANA) == "pass"
    assert score(laptops.b, "FAP-1", BEN, not_yet=2) == "not-yet"
    ra, rb = laptops.tmp / "ra.zip", laptops.tmp / "rb.zip"
    export_return(laptops.a, id_a, ANA, ra, actor=ANA)
    export_return(laptops.b, id_b, BEN, rb, actor=BEN)

    first = import_return(laptops.lead, ra, actor=LEAD)
    assert first.added == ["FAP-1", "FAP-2"] and not first.conflicts
    assert first.statuses == {"FAP-1": "in-review", "FAP-2": "in-review"}  # one of two
    second = import_return(laptops.lead, rb, actor=LEAD)
    assert second.statuses == {"FAP-1": "adjudication"}
    assert review_of(laptops.lead, "FAP-1", BEN) == review_of(laptops.b, "FAP-1", BEN)
    assert review_of(laptops.lead, "FAP-1", ANA) == review_of(laptops.a, "FAP-1", ANA)
    with laptops.lead.sessions() as session:
        roles = {name: role for name, role in session.execute(select(Reviewer.name, Reviewer.role))}
    assert roles == {ANA: "assessor", BEN: "assessor", LEAD: "lead"}

    adjudicate(
        laptops.lead, "FAP-1", LEAD, "pass", "The contact log covers six weeks.", feedback_from=ANA
    )
    assert state(laptops.lead, "FAP-1") == "pass"
    assert all(chain_ok(f) for f in (laptops.lead, laptops.a, laptops.b))
    with laptops.lead.sessions() as session:
        actions = set(session.scalars(select(AuditEvent.action)))
    assert {"packet.export", "packet.import_return", "review.import"} <= actions


# Idempotence ------------------------------------------------------------------------------


def test_importing_a_packet_twice_changes_nothing(laptops: Laptops) -> None:
    pa, _pb, _id_a, _id_b = packets_for_both(laptops)
    import_packet(laptops.a, pa, actor=ANA)
    before = craft.snapshot(laptops.a.root)
    again = import_packet(laptops.a, pa, actor=ANA)
    assert again.already_imported
    assert craft.snapshot(laptops.a.root) == before


def test_a_second_packet_with_known_submissions_adds_only_its_assignment(
    laptops: Laptops,
) -> None:
    """The same submissions and definitions in a later packet are 'already imported'."""
    pa, _pb, _id_a, _id_b = packets_for_both(laptops)
    import_packet(laptops.a, pa, actor=ANA)
    later = laptops.tmp / "later.zip"
    export_packet(laptops.lead, ANA, ["FAP-2"], later, actor=LEAD)
    got = import_packet(laptops.a, later, actor=ANA)
    assert got.submissions_known == ["FAP-2"] and not got.submissions_imported
    assert got.definitions_known and not got.definitions_added
    with laptops.a.sessions() as session:
        assert len(list_packets(session)) == 2


def test_importing_a_return_twice_changes_nothing(laptops: Laptops) -> None:
    ra, _rb, _id_a, _id_b = scored_returns(laptops)
    import_return(laptops.lead, ra, actor=LEAD)
    before = craft.snapshot(laptops.lead.root)
    again = import_return(laptops.lead, ra, actor=LEAD)
    assert again.already_imported and not again.added
    assert craft.snapshot(laptops.lead.root) == before


def test_a_later_return_with_the_same_reviews_and_one_more_adds_only_the_new_one(
    laptops: Laptops,
) -> None:
    pa, _pb, id_a, _id_b = packets_for_both(laptops)
    import_packet(laptops.a, pa, actor=ANA)
    score(laptops.a, "FAP-1", ANA)
    early, late = laptops.tmp / "early.zip", laptops.tmp / "late.zip"
    partial = export_return(laptops.a, id_a, ANA, early, actor=ANA)
    assert partial.not_done == [{"submission_id": "FAP-2", "state": "not started"}]
    assert import_return(laptops.lead, early, actor=LEAD).added == ["FAP-1"]
    score(laptops.a, "FAP-2", ANA)
    export_return(laptops.a, id_a, ANA, late, actor=ANA)
    got = import_return(laptops.lead, late, actor=LEAD)
    assert got.unchanged == ["FAP-1"] and got.added == ["FAP-2"] and not got.conflicts


# Refusals that leave the folder as it was ----------------------------------------------------


def test_a_tampered_or_truncated_return_is_refused_and_changes_nothing(laptops: Laptops) -> None:
    ra, _rb, id_a, _id_b = scored_returns(laptops)
    before = craft.snapshot(laptops.lead.root)
    tmp = laptops.tmp
    # Ana holds her packet's key, so she could seal a changed return: the checks below
    # the authentication still hold.
    sealed = sealed_with(packet_key(tmp / "packet-ana.zip"))

    def flip_one_byte(entries: dict[str, bytes]) -> None:
        data = bytearray(entries["reviews.json"])
        at = data.index(b'"pass"') + 1
        data[at] ^= 0x01  # "pass" becomes "qass"
        entries["reviews.json"] = bytes(data)

    changed = rewrite(ra, tmp / "changed.zip", flip_one_byte, rehash=False)
    with pytest.raises(ArchiveRejected, match=r"'reviews.json' does not match its hash") as e:
        import_return(laptops.lead, changed, actor=LEAD)
    assert "Nothing was imported" in str(e.value)

    truncated = tmp / "truncated.zip"
    truncated.write_bytes(ra.read_bytes()[: ra.stat().st_size // 2])
    with pytest.raises(ArchiveRejected, match="not a readable zip file"):
        import_return(laptops.lead, truncated, actor=LEAD)

    # One byte flipped in the zip itself, inside the stored reviews.json.
    raw = bytearray(ra.read_bytes())
    raw[raw.index(b'"feedback"') + 14] ^= 0x20
    flipped = tmp / "flipped.zip"
    flipped.write_bytes(bytes(raw))
    with pytest.raises(ArchiveRejected, match=r"reviews\.json"):
        import_return(laptops.lead, flipped, actor=LEAD)

    # Re-hashed, but a review no longer matches its own digest.
    def raise_a_level(reviews: list[dict[str, Any]]) -> None:
        reviews[0]["feedback"] = "Changed on the way."

    forged = rewrite(ra, tmp / "forged.zip", change_reviews(raise_a_level))
    with pytest.raises(PacketError, match=f"not made from packet {id_a}"):
        import_return(laptops.lead, forged, actor=LEAD)
    forged = rewrite(ra, tmp / "forged.zip", both(change_reviews(raise_a_level), sealed))
    with pytest.raises(ArchiveRejected, match="does not match its digest"):
        import_return(laptops.lead, forged, actor=LEAD)

    # Digest made to fit too, but the decision does not follow from the levels.
    def wrong_decision(reviews: list[dict[str, Any]]) -> None:
        reviews[0]["decision"] = "not-yet"
        reviews[0]["digest"] = review_digest(reviews[0])

    liar = rewrite(ra, tmp / "liar.zip", both(change_reviews(wrong_decision), sealed))
    with pytest.raises(PacketError, match="pass rule"):
        import_return(laptops.lead, liar, actor=LEAD)

    # A review of a submission the packet did not assign to this reviewer.
    def other_submission(reviews: list[dict[str, Any]]) -> None:
        reviews[0]["submission_id"] = "FAP-9"
        reviews[0]["digest"] = review_digest(reviews[0])

    unasked = rewrite(ra, tmp / "unasked.zip", both(change_reviews(other_submission), sealed))
    with pytest.raises(PacketError, match="did not assign FAP-9 to Ana Ruiz"):
        import_return(laptops.lead, unasked, actor=LEAD)

    def extra_entry(entries: dict[str, bytes]) -> None:
        entries["notes.txt"] = b"hello"

    extra = rewrite(ra, tmp / "extra.zip", extra_entry, rehash=False)
    with pytest.raises(ArchiveRejected, match=r"'notes\.txt' is not listed in manifest\.json"):
        import_return(laptops.lead, extra, actor=LEAD)

    assert craft.snapshot(laptops.lead.root) == before


def test_a_return_is_only_taken_by_the_folder_that_issued_its_packet(laptops: Laptops) -> None:
    ra, rb, _id_a, _id_b = scored_returns(laptops)
    before = craft.snapshot(laptops.b.root)
    with pytest.raises(PacketError, match="received rather than issued"):
        import_return(laptops.b, rb, actor=BEN)
    with pytest.raises(PacketError, match="did not issue"):
        import_return(laptops.b, ra, actor=BEN)
    assert craft.snapshot(laptops.b.root) == before
    with pytest.raises(ArchiveRejected, match="is a review return, not a review packet"):
        import_packet(laptops.b, ra, actor=BEN)


def test_a_packet_is_refused_whole_when_unsafe_or_damaged(laptops: Laptops) -> None:
    pa, _pb, _id_a, _id_b = packets_for_both(laptops)
    before = craft.snapshot(laptops.a.root)
    tmp = laptops.tmp

    def climb_out(entries: dict[str, bytes]) -> None:
        entries["../outside.txt"] = b"where am I"

    with pytest.raises(ArchiveRejected, match=r"'\.\./outside\.txt' has a '\.\.' segment"):
        import_packet(laptops.a, rewrite(pa, tmp / "climb.zip", climb_out), actor=ANA)

    def absolute(entries: dict[str, bytes]) -> None:
        entries["/etc/cron.d/x"] = b"* * * * * root true"

    with pytest.raises(ArchiveRejected, match="absolute path"):
        import_packet(laptops.a, rewrite(pa, tmp / "abs.zip", absolute), actor=ANA)

    def stowaway(entries: dict[str, bytes]) -> None:
        entries["bundles/notes.txt"] = b"listed, but neither a definition nor a bundle"

    with pytest.raises(ArchiveRejected, match=r"'bundles/notes\.txt' is neither a definition"):
        import_packet(laptops.a, rewrite(pa, tmp / "stowaway.zip", stowaway), actor=ANA)

    def bomb(entries: dict[str, bytes]) -> None:
        entries["bundles/FAP-1.zip"] = bytes(4 * 1024 * 1024)

    bombed = rewrite(pa, tmp / "bomb.zip", bomb, compression=zipfile.ZIP_DEFLATED)
    with pytest.raises(ArchiveRejected, match=r"'bundles/FAP-1\.zip' expands .* \(a zip bomb\)"):
        import_packet(laptops.a, bombed, actor=ANA)

    def image_elsewhere(entries: dict[str, bytes]) -> None:
        name = next(n for n in entries if n.endswith("definition.json"))
        content = json.loads(entries[name])
        content["achievement"]["image"] = "../../../../../../../../etc/hostname"
        entries[name] = json.dumps(content).encode()

    with pytest.raises(ArchiveRejected, match="names an image other than"):
        import_packet(laptops.a, rewrite(pa, tmp / "image.zip", image_elsewhere), actor=ANA)

    def swap_evidence(entries: dict[str, bytes]) -> None:
        name = next(n for n in entries if n.startswith("bundles/"))
        entries[name] = entries[name][:-30] + bytes(30)

    with pytest.raises(ArchiveRejected, match="does not match its hash"):
        import_packet(
            laptops.a, rewrite(pa, tmp / "swap.zip", swap_evidence, rehash=False), actor=ANA
        )

    truncated = tmp / "truncated.zip"
    truncated.write_bytes(pa.read_bytes()[:-100])
    with pytest.raises(ArchiveRejected, match="not a readable zip file"):
        import_packet(laptops.a, truncated, actor=ANA)

    with pytest.raises(PacketError, match="this data folder made"):
        import_packet(laptops.lead, pa, actor=LEAD)
    assert craft.snapshot(laptops.a.root) == before


def test_a_packet_bundle_that_conflicts_with_a_submission_here_is_refused_first(
    laptops: Laptops,
) -> None:
    """Ana's folder already holds another FAP-2: nothing of the packet is added."""
    other = craft.bundle_zip(
        laptops.tmp / "other.zip", {"plan.pdf": craft.text_pdf("other")}, submission_id="FAP-2"
    )
    assert Importer(laptops.a).import_paths([other]).imported
    pa, _pb, _id_a, _id_b = packets_for_both(laptops)
    before = craft.snapshot(laptops.a.root)
    with pytest.raises(PacketError, match="already holds submission FAP-2 with other content"):
        import_packet(laptops.a, pa, actor=ANA)
    assert craft.snapshot(laptops.a.root) == before


def test_exporting_refuses_what_it_cannot_do(laptops: Laptops) -> None:
    out = laptops.tmp / "p.zip"
    with pytest.raises(PacketError, match="no submission 'NOPE'"):
        export_packet(laptops.lead, ANA, ["FAP-1", "NOPE"], out, actor=LEAD)
    with pytest.raises(PacketError, match="name them"):
        export_packet(laptops.lead, " ", ["FAP-1"], out, actor=LEAD)
    assert not out.exists()
    pa, _pb, id_a, _id_b = packets_for_both(laptops)
    import_packet(laptops.a, pa, actor=ANA)
    review = ReviewSession.open(laptops.a, "FAP-1", ANA)
    review.set_feedback("Halfway.")
    with pytest.raises(PacketError, match=r"FAP-1 \(not submitted\); FAP-2 \(not started\)"):
        export_return(laptops.a, id_a, ANA, out, actor=ANA)
    with pytest.raises(PacketError, match="assigns nothing to 'Ben Osei'"):
        export_return(laptops.a, id_a, BEN, out, actor=ANA)
    with pytest.raises(PacketError, match="made in this data folder"):
        export_return(laptops.lead, id_a, ANA, out, actor=LEAD)
    assert not out.exists()


# Conflicts ----------------------------------------------------------------------------------


def test_a_rescored_review_is_a_conflict_until_a_lead_resolves_it(laptops: Laptops) -> None:
    ra, _rb, id_a, _id_b = scored_returns(laptops)
    import_return(laptops.lead, ra, actor=LEAD)
    held = review_of(laptops.lead, "FAP-1", ANA)

    # Ana reopens FAP-1 on her laptop, scores one criterion Not Yet, returns it again.
    review = ReviewSession.open(laptops.a, "FAP-1", ANA)
    review.reopen("Missed the log's gap.")
    review.set_level(review.rubric.criteria[1].id, review.rubric.criteria[1].levels[0].id)
    review.submit()
    again = laptops.tmp / "ra-again.zip"
    export_return(laptops.a, id_a, ANA, again, actor=ANA)

    got = import_return(laptops.lead, again, actor=LEAD)
    assert got.unchanged == ["FAP-2"] and not got.added
    assert [c["submission_id"] for c in got.conflicts] == ["FAP-1"]
    assert review_of(laptops.lead, "FAP-1", ANA) == held  # untouched
    with laptops.lead.sessions() as session:
        (conflict,) = list_conflicts(session)
    assert conflict.reviewer == ANA and conflict.packet_id == id_a
    assert any("decision" in d for d in conflict.differences)
    assert conflict.existing["decision"] == "pass" and conflict.incoming["decision"] == "not-yet"

    # The same file, or the same content in another file, raises nothing new.
    before = craft.snapshot(laptops.lead.root)
    assert import_return(laptops.lead, again, actor=LEAD).already_imported
    assert craft.snapshot(laptops.lead.root) == before

    def later(entries: dict[str, bytes]) -> None:
        manifest = json.loads(entries["manifest.json"])
        manifest["created"] = dt.datetime.now(dt.UTC).isoformat()
        entries["manifest.json"] = json.dumps(manifest).encode()

    resealed = both(later, sealed_with(packet_key(laptops.tmp / "packet-ana.zip")))
    once_more = rewrite(again, laptops.tmp / "ra-once-more.zip", resealed)
    repeat = import_return(laptops.lead, once_more, actor=LEAD)
    assert repeat.conflicts == [{"id": conflict.id, "submission_id": "FAP-1", "new": False}]
    with laptops.lead.sessions() as session:
        assert len(list_conflicts(session)) == 1

    with pytest.raises(PacketError, match="not a lead"):
        resolve_conflict(laptops.lead, conflict.id, "incoming", ANA, "Mine is newer.")
    with pytest.raises(PacketError, match="Say why"):
        resolve_conflict(laptops.lead, conflict.id, "incoming", LEAD, "  ")
    resolve_conflict(laptops.lead, conflict.id, "incoming", LEAD, "Ana rescored after a call.")
    assert review_of(laptops.lead, "FAP-1", ANA) == review_of(laptops.a, "FAP-1", ANA)
    with laptops.lead.sessions() as session:
        assert list_conflicts(session) == []
        (done,) = list_conflicts(session, include_resolved=True)
    assert done.resolution == "incoming" and done.resolved_by == LEAD
    with pytest.raises(PacketError, match="resolved already"):
        resolve_conflict(laptops.lead, conflict.id, "existing", LEAD, "Changed my mind.")
    assert chain_ok(laptops.lead)


def test_keeping_the_existing_review_leaves_it_and_its_decision(laptops: Laptops) -> None:
    ra, rb, id_a, _id_b = scored_returns(laptops)
    import_return(laptops.lead, ra, actor=LEAD)
    import_return(laptops.lead, rb, actor=LEAD)
    adjudicate(laptops.lead, "FAP-1", LEAD, "pass", "Log is complete.", feedback_from=ANA)
    review = ReviewSession.open(laptops.a, "FAP-2", ANA)
    review.reopen()
    review.set_feedback("Shorter feedback.")
    review.submit()
    again = laptops.tmp / "ra-again.zip"
    export_return(laptops.a, id_a, ANA, again, actor=ANA)
    held = review_of(laptops.lead, "FAP-2", ANA)
    (conflict,) = import_return(laptops.lead, again, actor=LEAD).conflicts
    assert resolve_conflict(laptops.lead, conflict["id"], "existing", LEAD, "Keep the long one.")
    assert review_of(laptops.lead, "FAP-2", ANA) == held
    assert state(laptops.lead, "FAP-1") == "pass"
    with laptops.lead.sessions() as session:
        resolved = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "conflict.resolve")
        )
        assert json.loads(resolved.one().after)["keep"] == "existing"


# Trust: returns bound to their packet, believable times, blind packets ----------------------


def packet_key(packet: Path) -> str:
    """The per-packet return key that a packet file carries (its assessor holds it)."""
    with zipfile.ZipFile(packet) as z:
        manifest = json.loads(z.read("manifest.json"))
    key = manifest["return_key"]
    assert key["method"] == "hmac-sha256"
    return str(key["key"])


def sealed_with(key: str) -> Callable[[dict[str, bytes]], None]:
    """Authenticates a rewritten return's manifest with `key`, as whoever holds that key
    can: HMAC-SHA256 over the canonical JSON of the manifest without its authentication."""

    def apply(entries: dict[str, bytes]) -> None:
        manifest = json.loads(entries["manifest.json"])
        manifest.pop("authentication", None)
        manifest["files"] = [
            {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in sorted(entries.items())
            if name != "manifest.json"
        ]
        content = json.dumps(manifest, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        data = content.encode("utf-8", "surrogatepass")  # a test may seal what is no text
        mac = hmac.new(bytes.fromhex(key), data, hashlib.sha256).hexdigest()
        manifest["authentication"] = {"method": "hmac-sha256", "mac": mac}
        entries["manifest.json"] = json.dumps(manifest).encode()

    return apply


def both(*changes: Callable[[dict[str, bytes]], None]) -> Callable[[dict[str, bytes]], None]:
    def apply(entries: dict[str, bytes]) -> None:
        for change in changes:
            change(entries)

    return apply


def test_an_assessor_cannot_forge_a_return_in_another_assessors_name(laptops: Laptops) -> None:
    """Ben knows Ana's packet id. He turns his own return into one "from" Ana's packet,
    by Ana, passing FAP-1: unauthenticated, or sealed with his own packet's key."""
    _ra, rb, id_a, _id_b = scored_returns(laptops)
    ben_key = packet_key(laptops.tmp / "packet-ben.zip")

    def as_ana(entries: dict[str, bytes]) -> None:
        manifest = json.loads(entries["manifest.json"])
        manifest["packet_id"], manifest["reviewer"] = id_a, ANA
        manifest.pop("authentication", None)
        entries["manifest.json"] = json.dumps(manifest).encode()
        body = json.loads(entries["reviews.json"])
        for review in body["reviews"]:
            review["reviewer"] = ANA
        entries["reviews.json"] = json.dumps(body).encode()

    def passing(entries: dict[str, bytes]) -> None:
        with laptops.lead.sessions() as session:
            definition = session.scalars(
                select(Definition).where(Definition.achievement_uri == CREDENTIAL)
            ).first()
            assert definition is not None
            rubric = Rubric.from_content(definition.content)
        body = json.loads(entries["reviews.json"])
        for review in body["reviews"]:
            review["levels"] = {c.id: c.levels[-1].id for c in rubric.criteria}
            review["decision"] = "pass"
            review["digest"] = review_digest(review)
        entries["reviews.json"] = json.dumps(body).encode()

    before = craft.snapshot(laptops.lead.root)
    plain = rewrite(rb, laptops.tmp / "forged-plain.zip", both(as_ana, passing))
    with pytest.raises(PacketError, match="carries no authentication") as e:
        import_return(laptops.lead, plain, actor=LEAD)
    assert "Nothing was imported" in str(e.value)
    sealed = rewrite(
        rb, laptops.tmp / "forged-sealed.zip", both(as_ana, passing, sealed_with(ben_key))
    )
    with pytest.raises(PacketError, match=f"was not made from packet {id_a}"):
        import_return(laptops.lead, sealed, actor=LEAD)
    assert craft.snapshot(laptops.lead.root) == before


@pytest.mark.parametrize("when", ["1970-01-01T00:00:00+00:00", "2099-06-01T12:00:00+00:00"])
def test_a_return_with_unbelievable_review_times_is_refused(laptops: Laptops, when: str) -> None:
    """Times are outside a review's digest, and Ana holds her packet's key: the times
    themselves must be checked against the packet's issue and the lead's clock."""
    ra, _rb, _id_a, _id_b = scored_returns(laptops)
    ana_key = packet_key(laptops.tmp / "packet-ana.zip")

    def retimed(reviews: list[dict[str, Any]]) -> None:
        reviews[1]["started_at"] = reviews[1]["submitted_at"] = when

    before = craft.snapshot(laptops.lead.root)
    odd = rewrite(ra, laptops.tmp / "odd.zip", both(change_reviews(retimed), sealed_with(ana_key)))
    with pytest.raises(PacketError, match=r"review of FAP-2 by Ana Ruiz .*submitted") as e:
        import_return(laptops.lead, odd, actor=LEAD)
    assert when[:4] in str(e.value) and "Nothing was imported" in str(e.value)
    assert craft.snapshot(laptops.lead.root) == before
    # The same return untouched is taken.
    assert import_return(laptops.lead, ra, actor=LEAD).added == ["FAP-1", "FAP-2"]


def test_a_return_for_a_packet_issued_before_returns_were_authenticated_is_refused(
    laptops: Laptops,
) -> None:
    ra, _rb, id_a, _id_b = scored_returns(laptops)
    # As a folder made before returns were authenticated holds it: no return key.
    with laptops.lead.sessions.begin() as session:
        session.execute(delete(FolderSetting).where(FolderSetting.key.contains(id_a)))
    before = craft.snapshot(laptops.lead.root)
    with pytest.raises(PacketError, match=r"(?i)reissue"):
        import_return(laptops.lead, ra, actor=LEAD)
    assert craft.snapshot(laptops.lead.root) == before

    # The assessor's folder that imported a packet before then has no key either.
    with laptops.a.sessions.begin() as session:
        session.execute(delete(FolderSetting).where(FolderSetting.key.contains(id_a)))
    with pytest.raises(PacketError, match="Ask the lead to make the packet again"):
        export_return(laptops.a, id_a, ANA, laptops.tmp / "unkeyed.zip", actor=ANA)
    assert not (laptops.tmp / "unkeyed.zip").exists()

    # And a packet file made before then is refused on import, before any scoring.
    def unkeyed(entries: dict[str, bytes]) -> None:
        manifest = json.loads(entries["manifest.json"])
        del manifest["return_key"]
        entries["manifest.json"] = json.dumps(manifest).encode()

    old = rewrite(laptops.tmp / "packet-ben.zip", laptops.tmp / "old-packet.zip", unkeyed)
    fresh = DataFolder.open(laptops.tmp / "fresh")
    try:
        before = craft.snapshot(fresh.root)
        with pytest.raises(PacketError, match="Ask the lead to make the packet again"):
            import_packet(fresh, old, actor=BEN)
        assert craft.snapshot(fresh.root) == before
    finally:
        fresh.close()


def test_a_reissued_packet_brings_back_reviews_scored_from_the_first(laptops: Laptops) -> None:
    """Reviews submitted before a packet is reissued are still within the times of the
    first packet that gave those submissions to that reviewer."""
    pa, _pb, _id_a, _id_b = packets_for_both(laptops)
    import_packet(laptops.a, pa, actor=ANA)
    score(laptops.a, "FAP-1", ANA)
    again = laptops.tmp / "reissued.zip"
    reissued = export_packet(laptops.lead, ANA, ["FAP-1"], again, actor=LEAD)
    assert import_packet(laptops.a, again, actor=ANA).submissions_known == ["FAP-1"]
    back = laptops.tmp / "back.zip"
    export_return(laptops.a, reissued.packet_id, ANA, back, actor=ANA)
    assert import_return(laptops.lead, back, actor=LEAD).added == ["FAP-1"]


def test_a_return_carries_the_assessors_audit_anchor(laptops: Laptops) -> None:
    ra, _rb, _id_a, _id_b = scored_returns(laptops)
    with zipfile.ZipFile(ra) as z:
        manifest = json.loads(z.read("manifest.json"))
    anchor = manifest[ANCHOR_KEY]
    with laptops.a.sessions() as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
    # The head when the return was made: the entry that records the return comes after.
    assert events[-1].action == "packet.return"
    assert anchor == {"entries": events[-2].seq, "head": events[-2].hash}


def test_a_blind_packet_carries_codes_and_its_return_maps_back(laptops: Laptops) -> None:
    named = craft.bundle_zip(
        laptops.tmp / "named.zip",
        {"Ana Lima - lesson plan.pdf": craft.text_pdf("plan")},
        submission_id="FAP-7",
    )
    assert Importer(laptops.lead).import_paths([named]).imported
    with laptops.lead.sessions.begin() as session:
        BLIND_REVIEW.set(session, True)
    packet = laptops.tmp / "blind.zip"
    made = export_packet(laptops.lead, ANA, ["FAP-1", "FAP-7"], packet, actor=LEAD)
    codes = [submission_code("FAP-1"), submission_code("FAP-7")]

    raw = packet.read_bytes()  # entries are stored, so every inner bundle's bytes show
    for secret in (b"Ana Lima", b"ana@example.org", b"mailto:", b"Lima", b"FAP-7"):
        assert secret not in raw, secret
    with zipfile.ZipFile(packet) as z:
        manifest = json.loads(z.read("manifest.json"))
        for entry in manifest["bundles"]:
            with zipfile.ZipFile(io.BytesIO(z.read(entry["path"]))) as inner:
                assert all("Lima" not in name for name in inner.namelist())
    assert [a["submission_id"] for a in manifest["assignment"]] == codes

    got = import_packet(laptops.a, packet, actor=ANA)
    assert sorted(got.submissions_imported) == sorted(codes)
    with laptops.a.sessions() as session:
        pk = session.scalars(
            select(Submission.id).where(Submission.submission_id == codes[1])
        ).one()
        view = submission_view(session, pk, laptops.a.store.objects)
    assert view is not None
    assert view.submission_id == codes[1] and view.earner == codes[1]
    assert view.earner_email is None
    assert all(item.path is None or "Lima" not in item.path for item in view.items)

    for code in codes:
        score(laptops.a, code, ANA)
    back = laptops.tmp / "blind-return.zip"
    assert export_return(laptops.a, made.packet_id, ANA, back, actor=ANA).submissions == codes
    got_back = import_return(laptops.lead, back, actor=LEAD)
    assert got_back.added == ["FAP-1", "FAP-7"]
    held = review_of(laptops.lead, "FAP-7", ANA)
    theirs = review_of(laptops.a, codes[1], ANA)
    assert held == {**theirs, "submission_id": "FAP-7"}
    # Returned again unchanged: the same reviews, not conflicts.
    again = laptops.tmp / "blind-again.zip"
    export_return(laptops.a, made.packet_id, ANA, again, actor=ANA)
    repeat = import_return(laptops.lead, again, actor=LEAD)
    assert repeat.unchanged == ["FAP-1", "FAP-7"] and not repeat.conflicts


def test_review_times_allow_a_small_clock_difference_and_no_more() -> None:
    issued = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)
    now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    minutes = dt.timedelta(minutes=1)
    assert review_time_problem(issued - 14 * minutes, issued, issued, now) is None
    assert review_time_problem(now, now + 14 * minutes, issued, now) is None
    early = review_time_problem(issued - 16 * minutes, issued, issued, now)
    assert early is not None and "was started at 2026-11-30T08:44:00+00:00" in early
    late = review_time_problem(now, now + 16 * minutes, issued, now)
    assert late is not None and "was submitted at 2026-12-01T09:16:00+00:00" in late
    backwards = review_time_problem(now, issued, issued, now)
    assert backwards is not None and "before it was started" in backwards


def test_a_return_with_half_a_surrogate_pair_is_refused_in_words(laptops: Laptops) -> None:
    """JSON can escape a lone surrogate, which no UTF-8 text holds: refused, no traceback,
    whether in the manifest or (sealed by the assessor) in a review."""
    ra, _rb, _id_a, _id_b = scored_returns(laptops)
    sealed = sealed_with(packet_key(laptops.tmp / "packet-ana.zip"))

    def in_manifest(entries: dict[str, bytes]) -> None:
        manifest = json.loads(entries["manifest.json"])
        manifest["from"]["folder"] = "\ud800"
        entries["manifest.json"] = json.dumps(manifest).encode()

    def in_feedback(reviews: list[dict[str, Any]]) -> None:
        reviews[0]["feedback"] = "Good\udfff"

    before = craft.snapshot(laptops.lead.root)
    for n, change in enumerate((in_manifest, change_reviews(in_feedback))):
        odd = rewrite(ra, laptops.tmp / f"surrogate-{n}.zip", both(change, sealed))
        with pytest.raises(ArchiveRejected, match="lone surrogate"):
            import_return(laptops.lead, odd, actor=LEAD)
    assert craft.snapshot(laptops.lead.root) == before

    def lead_named_oddly(entries: dict[str, bytes]) -> None:
        manifest = json.loads(entries["manifest.json"])
        manifest["from"]["lead"] = "Lena\ud800"
        entries["manifest.json"] = json.dumps(manifest).encode()

    packet = rewrite(
        laptops.tmp / "packet-ben.zip", laptops.tmp / "odd-packet.zip", lead_named_oddly
    )
    fresh = DataFolder.open(laptops.tmp / "fresh")
    try:
        with pytest.raises(ArchiveRejected, match="lone surrogate"):
            import_packet(fresh, packet, actor=BEN)
    finally:
        fresh.close()
