"""Signed credentials: issuer keys, Open Badges 3.0 and 2.0 documents, proofs, baked
badge images, export and verification. Qt-free, like the rest of the domain code."""
