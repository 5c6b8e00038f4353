"""Sentences the program says to a person, in that person's language.

The domain code knows no Qt, yet its messages (why a bundle was refused, why a key
cannot be used) reach people through the window. It words them with `translate`, which
the window points at Qt's translator when it starts (`use`); on the command line and in
tests the English stays. Calls are `translate("Context", "literal")` so that Qt's
`lupdate` finds them; placeholders are filled afterwards with `str.format`, never
inside the call, so a translator may move them.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def _english(_context: str, text: str) -> str:
    return text


_translator: Translator = _english


def translate(context: str, text: str) -> str:
    """`text` in the person's language (English when no translator is in use)."""
    return _translator(context, text)


def use(translator: Translator | None) -> None:
    """Words every later message with `translator` (None: English again). It must be
    safe to call from any thread: imports word their reasons on worker threads."""
    global _translator
    _translator = translator or _english
