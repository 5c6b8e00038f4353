"""Benchmark bundles: hundreds of megabytes of evidence for import benchmarks.

A few big photos and portfolio PDFs are rendered once and varied per use (a JPEG
comment, a PDF trailer id), so that no two files share a hash.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reviewer_app.demo import media
from reviewer_app.demo.compose import Texts
from reviewer_app.demo.credentials import DEMO_CREDENTIALS, FAMILIES_AS_PARTNERS
from reviewer_app.demo.earners import EARNERS, Earner
from reviewer_app.demo.manifest import (
    JPEG,
    FileSource,
    Json,
    file_item,
    manifest_fields,
    pdf_item,
    text_item,
)
from reviewer_app.demo.writing import write_manifest_bundle

_BENCH_FIRST = (
    "Amara",
    "Diego",
    "Mei",
    "Omar",
    "Ingrid",
    "Kofi",
    "Lucía",
    "Ravi",
    "Zoë",
    "Tariq",
    "Hana",
    "Mateo",
    "Aisha",
    "Pierre",
    "Yuki",
    "Björn",
    "Nia",
    "Iván",
)
_BENCH_LAST = (
    "Adeyemi",
    "Fernández",
    "Takahashi",
    "Haddad",
    "Lindqvist",
    "Boateng",
    "Moreau",
    "Iyer",
    "Kowalski",
    "Nakamura",
    "Okonkwo",
    "García",
    "Schmidt",
)


@dataclass(frozen=True)
class _BenchAssets:
    photos: tuple[bytes, ...]
    portfolios: tuple[bytes, ...]  # large PDFs with embedded photos


def _bench_photo(seed: int, index: int, scratch: Path) -> bytes:
    rng = random.Random(f"bench/{seed}/photo/{index}")
    width, height = ((4032, 3024), (3264, 2448))[index % 2]
    path = media.write_photo_jpeg(
        scratch / f"photo-{index}.jpg",
        width=width,
        height=height,
        rng=rng,
        caption=f"Student work, photo {index + 1}",
        quality=92,
        noise=rng.randint(18, 24),
    )
    return path.read_bytes()


def _bench_portfolio(seed: int, index: int, photos: Sequence[Path]) -> bytes:
    rng = random.Random(f"bench/{seed}/portfolio/{index}")
    earner = rng.choice(EARNERS)
    texts = Texts(earner, FAMILIES_AS_PARTNERS, rng)
    paragraphs = [*texts.sections(texts.prose.outline), *texts.contact_log(40)]
    return media.render_text_pdf(
        title=f"Evidence portfolio {index + 1}", paragraphs=paragraphs, pages=6, images=photos
    )


def _bench_assets(seed: int, target_bytes: int, scratch: Path) -> _BenchAssets:
    """A handful of distinct big photos and portfolio PDFs, reused with cheap variations."""
    # Small targets (tests) get a smaller pool: rendering the assets dominates their time.
    photo_count = max(1, min(5, target_bytes // (48 * 1024 * 1024)))
    photos = tuple(_bench_photo(seed, index, scratch) for index in range(photo_count))
    paths = sorted(scratch.glob("photo-*.jpg"))
    per_portfolio = min(3, photo_count)
    portfolio_count = 1 if target_bytes < 64 * 1024 * 1024 else 2
    portfolios = tuple(
        _bench_portfolio(
            seed, index, [paths[(index + k) % len(paths)] for k in range(per_portfolio)]
        )
        for index in range(portfolio_count)
    )
    return _BenchAssets(photos, portfolios)


def _bench_earner(index: int) -> Earner:
    first = _BENCH_FIRST[index % len(_BENCH_FIRST)]
    last = _BENCH_LAST[(index // len(_BENCH_FIRST)) % len(_BENCH_LAST)]
    template = EARNERS[index % len(EARNERS)]
    return replace(template, name=f"{first} {last}", email=f"bench.{index:05}@example.com")


def _bench_bundle(
    index: int, seed: int, assets: _BenchAssets, budget: int
) -> tuple[Json, dict[str, FileSource], int]:
    """One bundle: its own text PDF and answers, then reused media until `budget` bytes."""
    rng = random.Random(f"bench/{seed}/bundle/{index}")
    credential = DEMO_CREDENTIALS[index % len(DEMO_CREDENTIALS)]
    earner = _bench_earner(index)
    texts = Texts(earner, credential, rng)
    plan = media.render_text_pdf(
        title=f"{credential.name}: plan",
        pages=rng.randint(2, 6),  # drawn before the paragraphs: the order fixes the bytes
        paragraphs=[*texts.sections(texts.prose.outline), *texts.contact_log(20)],
    )
    files: dict[str, FileSource] = {"evidence/plan.pdf": plan}
    evidence = [
        text_item(texts.overview(0), "overview", credential.questions[0]),
        pdf_item("evidence/plan.pdf", "Plan"),
    ]
    size = len(plan)
    while size < budget:
        number = len(files)
        token = f"bench {seed} bundle {index} item {number}"
        if rng.random() < 0.8:
            name = f"evidence/photo-{number}.jpg"
            data = media.jpeg_with_comment(rng.choice(assets.photos), token)
            evidence.append(file_item(name, f"Photo {number}", media_type=JPEG))
        else:
            name = f"evidence/portfolio-{number}.pdf"
            data = media.pdf_with_id(rng.choice(assets.portfolios), token.encode())
            evidence.append(pdf_item(name, f"Portfolio {number}"))
        files[name] = data
        size += len(data)
    evidence.append(text_item(texts.reflection(revised=False), "reflection", "Reflection"))
    manifest = manifest_fields(
        submission_id=f"BENCH-{seed}-{index:05}",
        submitted_at=f"2026-10-{1 + index % 28:02}T{8 + index % 12:02}:{index % 60:02}:00-05:00",
        earner=earner,
        credential=credential,
        evidence=evidence,
    )
    return manifest, files, size


def generate_bench_bundles(
    out_dir: Path,
    *,
    count: int = 200,
    target_bytes: int = 320 * 1024 * 1024,
    seed: int = 1,
) -> list[Path]:
    """Write `count` manifest bundle zips holding at least `target_bytes` of evidence.

    Each bundle has its own text PDF; camera-size JPEGs (2 to 4 MB) and large portfolio
    PDFs with embedded photos fill it up to its share of the target. Those are rendered
    once and varied per use (a JPEG comment, a PDF trailer id) so that no two files share
    a hash. Returns the zip paths in order.
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    total = 0
    with tempfile.TemporaryDirectory(prefix="bench-bundles-") as scratch:
        assets = _bench_assets(seed, target_bytes, Path(scratch))
        for index in range(count):
            # Spread the target evenly: bundle i closes once the running total reaches
            # its share, so the last bundle ends just past target_bytes.
            share = -(-target_bytes * (index + 1) // count)
            manifest, files, size = _bench_bundle(index, seed, assets, share - total)
            total += size
            out = out_dir / f"{manifest['submission_id']}.zip"
            paths.append(write_manifest_bundle(out, manifest, files, as_zip=True))
    return paths
