"""The names of the files an export writes for earners, from `output_names`: the
earner's name (readable, in any script) and the exact submission id or pathway (unique)."""

from __future__ import annotations

from reviewer_app.credentials.awards import PendingAward
from reviewer_app.output_names import HASH_MARK, exact_name, joined, label, tag

EARNER_BYTES = 40


def earner_label(name: str) -> str:
    return label(name, fallback="earner", limit=EARNER_BYTES)


def credential_stem(pending: PendingAward) -> str:
    """credentials/<earner>_<submission id>: unique because submission ids are."""
    award = pending.award
    return "credentials/" + joined(
        earner_label(award.recipient_name), exact_name(award.submission_id, fallback="submission")
    )


def pathway_stem(earner_name: str, earner_key: str, pathway_slug: str) -> str:
    """credentials/pathways/<earner>_<pathway>~<hash>: one CLR per earner and pathway,
    told apart by a hash of the earner's exact identifier (two earners may share a
    name; the identifier itself stays out of the name)."""
    unique = f"{pathway_slug}{HASH_MARK}{tag(earner_key + chr(0) + pathway_slug)}"
    return "credentials/pathways/" + joined(earner_label(earner_name), unique)
