"""Demo and benchmark data: realistic evidence files and evidence bundles.

Plain Python (Pillow, reportlab, pypdf); no Qt. Everything is deterministic from a seed.
"""

from reviewer_app.demo import media
from reviewer_app.demo.bundles import (
    CULTURAL_PROFICIENCY,
    DEMO_CREDENTIALS,
    EARNERS,
    FAMILIES_AS_PARTNERS,
    GLOBAL_CLASSROOM,
    RUBRIC_PARTS,
    Credential,
    Earner,
    generate_bench_bundles,
    generate_demo_bundles,
    generate_rejected_examples,
    generate_warning_examples,
    write_bundle_files,
    write_manifest_bundle,
)

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
    "media",
    "write_bundle_files",
    "write_manifest_bundle",
]
