"""Evidence bundles: reading them safely, importing them whole or not at all, and
the readers that describe each kind of file (Qt-free)."""
