"""Demo evidence bundles: realistic submissions for three micro-credentials.

`generate_demo_bundles` writes a small, varied set that covers every bundle shape of
`evidence-bundle.md`; `generate_rejected_examples` and `generate_warning_examples` write
one bundle per rejection or warning; `generate_bench_bundles` writes hundreds of
megabytes for import benchmarks. `write_manifest_bundle` lets tests craft their own.
All output is a pure function of the seed: the same seed gives byte-identical files.

This module gathers the public names; each lives in the module named for what it does.
"""

from __future__ import annotations

from reviewer_app.demo.bench import generate_bench_bundles
from reviewer_app.demo.credentials import (
    CULTURAL_PROFICIENCY,
    DEMO_CREDENTIALS,
    FAMILIES_AS_PARTNERS,
    GLOBAL_CLASSROOM,
    RUBRIC_PARTS,
    Credential,
)
from reviewer_app.demo.demo_set import generate_demo_bundles
from reviewer_app.demo.earners import EARNERS, Earner
from reviewer_app.demo.examples import generate_rejected_examples, generate_warning_examples
from reviewer_app.demo.manifest import BUNDLE_FORMAT as BUNDLE_FORMAT
from reviewer_app.demo.manifest import FileSource as FileSource
from reviewer_app.demo.manifest import Json as Json
from reviewer_app.demo.writing import write_bundle_files, write_manifest_bundle

__all__ = [
    "CULTURAL_PROFICIENCY",
    "DEMO_CREDENTIALS",
    "EARNERS",
    "FAMILIES_AS_PARTNERS",
    "GLOBAL_CLASSROOM",
    "RUBRIC_PARTS",
    "Credential",
    "Earner",
    "generate_bench_bundles",
    "generate_demo_bundles",
    "generate_rejected_examples",
    "generate_warning_examples",
    "write_bundle_files",
    "write_manifest_bundle",
]
