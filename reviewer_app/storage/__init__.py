"""The local store: database, schema versions and the content-addressed evidence store."""
