"""Demo and benchmark data: realistic evidence files and evidence bundles.

Plain Python (Pillow, reportlab, pypdf); no Qt. Everything is deterministic from a seed.
The package exports `media` and everything `bundles` exports.
"""

from reviewer_app.demo import bundles, media
from reviewer_app.demo.bundles import *  # noqa: F403  (exactly bundles.__all__)

__all__ = ["media"]
__all__ += bundles.__all__
