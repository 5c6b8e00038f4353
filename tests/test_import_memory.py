"""Large files are streamed, never read whole: a real import process stays small.

Peak memory is the child process's own high-water mark, read in the child as it exits,
so nothing else running on the machine counts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests import craft

MB = 1_000_000
LIMIT_MB = 150

# The peak is the process's own high-water mark (VmHWM). ru_maxrss will not do: Linux
# carries it over from the forking parent across exec, so a child of a big test process
# would report the parent's size.
_MEASURED_MAIN = """
import json, sys
from reviewer_app.cli import main
code = main(sys.argv[2:])
with open("/proc/self/status") as status:
    peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
with open(sys.argv[1], "w") as f:
    json.dump({"code": code, "peak_mb": peak_kb * 1024 / 1e6}, f)
"""


def _import_measured(tmp_path: Path, bundle: Path) -> tuple[int, float, dict[str, object]]:
    result = tmp_path / "peak.json"
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            _MEASURED_MAIN,
            str(result),
            "--data-dir",
            str(tmp_path / "data"),
            "import",
            str(bundle),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )
    measured = json.loads(result.read_text())
    return measured["code"], measured["peak_mb"], json.loads(out.stdout)


@pytest.mark.slow
def test_bundle_with_190_mb_files_imports_in_little_memory(tmp_path: Path) -> None:
    pdf = craft.write_big_pdf(tmp_path / "unit-plan.pdf", 190 * MB)
    video = tmp_path / "lesson.mp4"
    with video.open("wb") as f:
        f.write(b"\0\0\0\x18ftypmp42")
        for _ in range(190):
            f.write(os.urandom(MB))
    files = {"unit-plan.pdf": pdf, "lesson.mp4": video}
    doc = craft.manifest({name: b"" for name in files}, submission_id="BIG-1")
    for item in doc["evidence"]:
        item["sha256"] = craft.file_sha(files[item["path"]])
    bundle = tmp_path / "big.zip"
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_STORED) as z:
        z.writestr("manifest.json", json.dumps(doc))
        for name, path in files.items():
            z.write(path, name)
    pdf.unlink()
    video.unlink()

    code, peak, report = _import_measured(tmp_path, bundle)
    assert code == 0, report
    assert report["imported"][0]["items"] == 2  # type: ignore[index]
    print(f"peak memory importing 2 x 190 MB: {peak:.0f} MB")
    assert peak < LIMIT_MB


@pytest.mark.slow
@pytest.mark.parametrize("as_zip", [True, False])
def test_refusing_a_500_mb_file_stays_small(tmp_path: Path, as_zip: bool) -> None:
    if as_zip:
        # 500 MB of zeros deflate to half a megabyte: refused by its declared size.
        bundle = tmp_path / "huge.zip"
        doc = craft.manifest({"lesson.mp4": b""}, submission_id="HUGE-1")
        with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("manifest.json", json.dumps(doc))
            with z.open("lesson.mp4", "w", force_zip64=True) as entry:
                block = bytes(MB)
                for _ in range(500):
                    entry.write(block)
    else:
        bundle = tmp_path / "huge"
        bundle.mkdir()
        doc = craft.manifest({"lesson.mp4": b""}, submission_id="HUGE-1")
        (bundle / "manifest.json").write_text(json.dumps(doc))
        with (bundle / "lesson.mp4").open("wb") as f:
            f.truncate(500 * MB)  # sparse: big to the importer, free on disk

    code, peak, report = _import_measured(tmp_path, bundle)
    assert code == 1
    error = report["rejected"][0]["error"]  # type: ignore[index]
    assert "lesson.mp4" in error and "500,000,000 bytes" in error
    print(f"peak memory refusing a 500 MB file: {peak:.0f} MB")
    assert peak < LIMIT_MB
