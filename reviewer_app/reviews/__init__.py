"""Reviews, decisions and the earner's feedback letter (Qt-free)."""
