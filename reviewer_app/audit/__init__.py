"""The audit trail: who changed what, when, before and after; append-only and
hash-chained so that a change behind the program's back is found (Qt-free)."""
