"""The calibration report as CSV and PDF, without Qt: flags in words, n/a for missing
values, a BOM for spreadsheets, names that look like formulas kept as text."""

from __future__ import annotations

import csv
import io
import struct
import zlib
from dataclasses import replace
from typing import Any

from pypdf import PdfReader

from reviewer_app.calibration.export import (
    criterion_flags,
    empty_report_words,
    report_csv,
    report_pdf,
    reviewer_flags,
)
from reviewer_app.calibration.results import CalibrationReport, Rules

RULES_JSON = {
    "exact_agreement_two_levels": 0.9,
    "exact_agreement_three_levels": 0.8,
    "exact_agreement_four_or_more": 0.7,
    "kappa_four_or_more": 0.7,
}
RULES = Rules.from_json(RULES_JSON)


def reviewer(name: str, exact: float | None, qualified: bool, why: list[str]) -> dict[str, Any]:
    return {
        "reviewer": name,
        "anchor_scores": 0 if exact is None else 12,
        "exact_agreement": exact,
        "adjacent_agreement": None if exact is None else 0.9,
        "quadratic_weighted_kappa": None if exact is None else 0.55,
        "quadratic_weighted_kappa_interval": [None, None] if exact is None else [0.3, 0.8],
        "severity": None if exact is None else -0.75,
        "contradicted_decisions": 0,
        "drift": None,
        "qualified": qualified,
        "why": why,
    }


def sample() -> CalibrationReport:
    """A report as the command line's --json prints it, read back into its types."""
    return CalibrationReport.from_json(
        {
            "reviewers": [
                reviewer("Ana Ruiz", 0.92, True, ["meets every rule"]),
                reviewer(
                    "Ben Osei",
                    0.25,
                    False,
                    ["exact agreement 25% is below 70%", "weighted kappa 0.55 is below 0.70"],
                ),
                reviewer("=Nguyễn Thị Lan", None, False, ["has scored no anchors"]),
            ],
            "criteria": [
                {
                    "criterion": "plan",
                    "units": 4,
                    "levels": 4,
                    "krippendorff_alpha_ordinal": 0.5,
                    "krippendorff_alpha_interval": [0.1, 0.9],
                    "exact_agreement": 0.5,
                    "fleiss_kappa": 0.4,
                    "base_rate": None,
                },
                {
                    "criterion": "reflect",
                    "units": 4,
                    "levels": 4,
                    "krippendorff_alpha_ordinal": 0.7,
                    "krippendorff_alpha_interval": [None, None],
                    "exact_agreement": 0.75,
                    "fleiss_kappa": None,
                    "base_rate": None,
                },
            ],
            "overall": {
                "units": 8,
                "reviewers": 2,
                "submissions": 4,
                "krippendorff_alpha_ordinal": 0.6,
                "krippendorff_alpha_interval": [0.2, 0.85],
                "decision_agreement": 0.5,
                "decision_agreement_interval": [0.0, 1.0],
                "decision_units": 4,
            },
            "credential": None,
            "rules": RULES_JSON,
        }
    )


def png(width: int = 40, height: int = 30) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80\x20\x20" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def test_flags_are_words_with_the_reports_reasons() -> None:
    report = sample()
    ana, ben, lan = report.reviewers
    assert reviewer_flags(ana) == {}
    flags = reviewer_flags(ben)
    assert flags["exact_agreement"] == "below threshold: exact agreement 25% is below 70%"
    assert flags["quadratic_weighted_kappa"].startswith("below threshold")
    assert flags["qualified"].startswith("not qualified: exact agreement 25%")
    assert reviewer_flags(lan)["qualified"] == "not qualified: has scored no anchors"
    plan, reflect = report.criteria
    assert criterion_flags(plan, RULES)["krippendorff_alpha_ordinal"].startswith("below threshold")
    assert criterion_flags(plan, RULES)["exact_agreement"] == "below threshold: 50% is under 70%"
    assert criterion_flags(plan, RULES)["fleiss_kappa"].startswith("below threshold")
    assert criterion_flags(reflect, RULES) == {
        "krippendorff_alpha_ordinal": "tentative (alpha under 0.800)"
    }


def test_csv_has_sections_a_bom_and_na() -> None:
    data = report_csv(sample())
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    titles = [r[0] for r in rows if len(r) == 1]
    assert titles[:3] == ["Overall", "Reviewers against anchors", "Criteria across reviewers"]
    start = rows.index(["Reviewers against anchors"]) + 1
    header = rows[start]
    people = {r[0]: dict(zip(header, r, strict=True)) for r in rows[start + 1 : start + 4]}
    assert people["Ben Osei"]["exact_agreement"] == "0.2500"
    assert people["Ben Osei"]["qualified"] == "no"
    assert "below threshold" in people["Ben Osei"]["flags"]
    # A name a spreadsheet would run as a formula stays text; missing values say n/a.
    lan = people["'=Nguyễn Thị Lan"]
    assert lan["exact_agreement"] == "n/a" and lan["kappa_low"] == "n/a"
    start = rows.index(["Criteria across reviewers"]) + 1
    plan = dict(zip(rows[start], rows[start + 1], strict=True))
    assert plan["criterion"] == "plan" and plan["alpha_low"] == "0.1000"
    assert "below threshold" in plan["flags"]


def test_pdf_has_the_tables_flags_and_charts() -> None:
    data = report_pdf(sample(), [("Agreement per criterion", png()), ("Severity", png(80, 20))])
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 1
    text = " ".join(page.extract_text() for page in reader.pages)
    for words in (
        "Calibration report",
        "Ana Ruiz",
        "Ben Osei",
        "Krippendorff",
        "below threshold",
        "not qualified",
        "Agreement per criterion",
        "n/a",
    ):
        assert words in " ".join(text.split()), words
    images = sum(len(page.images) for page in reader.pages)
    assert images == 2


def test_an_empty_report_says_what_is_needed() -> None:
    report = replace(sample(), reviewers=(), criteria=())
    words = empty_report_words(report)
    assert "anchors" in words and "double-marked" in words
    assert empty_report_words(sample()) == ""
    reader = PdfReader(io.BytesIO(report_pdf(report, [])))
    assert "anchors" in reader.pages[0].extract_text()
    assert report_csv(report).decode("utf-8-sig").count("\r\n") > 5
