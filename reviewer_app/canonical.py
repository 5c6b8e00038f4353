"""One canonical JSON text for hashing: sorted keys, no spaces, UTF-8 as is."""

from __future__ import annotations

import json
from typing import Any

# Built once: `json.dumps` with these options builds an encoder on every call, which
# was a good part of the cost for the small values hashed with every score saved. The
# text is the same as `json.dumps(value, sort_keys=True, ensure_ascii=False,
# separators=(",", ":"), default=str)`.
_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def canonical_json(value: Any) -> str:
    return _ENCODER.encode(value)
