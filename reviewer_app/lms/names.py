"""How Moodle and Canvas name the files of a submissions download, read back.

Moodle ("Download all submissions" of mod/assign) names each top-level entry
`<who>_<id>_assignsubmission_<plugin>` (a folder), or, without folders,
`<who>_<id>_assignsubmission_<plugin>_<file>`. `<who>` is the full name (Moodle turns an
underscore in a name into a space), a group's name for group submissions, the localized
word for "Participant" under blind marking, and in some versions has a `username_` in
front: so it is read from the right, the name being what follows the last underscore.

Canvas ("Download Submissions") names each file
`<sortablename>[_LATE]_<userid>_<attachmentid>_<display name>` (the sortable name in lower
case, without spaces or punctuation), or `<prefix>_text.html`
and `<prefix>_link.html` for text and URL entries; under anonymous grading the name is
`anon` and the user id is the anonymous id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Platform = Literal["moodle", "canvas"]
PLATFORMS: tuple[Platform, ...] = ("moodle", "canvas")

_MOODLE_FOLDER = re.compile(r"^(?P<who>.+?)_(?P<id>\d+)_assignsubmission_(?P<plugin>[a-z0-9]+)$")
_MOODLE_FLAT = re.compile(
    r"^(?P<who>.+?)_(?P<id>\d+)_assignsubmission_(?P<plugin>[a-z0-9]+)_(?P<file>.+)$", re.DOTALL
)
_CANVAS_TAIL = r"_(?:(?P<attachment>\d+)_(?P<file>.+)|(?P<entry>text|link)\.html)$"
_CANVAS_ANON = re.compile(r"^anon(?P<late>_LATE)?_(?P<id>[A-Za-z0-9]+)" + _CANVAS_TAIL, re.DOTALL)
_CANVAS = re.compile(r"^(?P<who>.+?)(?P<late>_LATE)?_(?P<id>\d+)" + _CANVAS_TAIL, re.DOTALL)

# Moodle's string 'participant' (mod/assign) in the languages its users most often run,
# as it appears in a file name; a download where every name is one same word is blind
# too, whatever the language.
PARTICIPANT_WORDS = frozenset(
    {
        "participant",
        "participante",
        "partecipante",
        "teilnehmer",
        "teilnehmer/in",
        "teilnehmerin",
        "deelnemer",
        "deltagare",
        "deltager",
        "deltaker",
        "osallistuja",
        "uczestnik",
        "účastník",
        "résztvevő",
        "kat\u0131l\u0131mc\u0131",  # Turkish, with dotless i
        "участник",
        "учасник",
        "συμμετέχων",
        "参加者",
        "参与者",
        "參與者",
        "참가자",
        "peserta",
        "mshiriki",
        "משתתף",
        "مشارك",
    }
)


@dataclass(frozen=True)
class MoodleName:
    who: str  # as written: a full name, a group's name, or the "Participant" word
    username: str | None
    participant_id: str
    plugin: str  # "file", "onlinetext", ...
    file: str | None  # the file's own name, without folders; None for a folder


def moodle_name(head: str) -> MoodleName | None:
    """A top-level entry's name read as Moodle writes it; None when it is not."""
    match = _MOODLE_FOLDER.match(head)
    file = None
    if match is None:
        match = _MOODLE_FLAT.match(head)
        if match is None:
            return None
        file = match["file"]
    username, _, who = match["who"].rpartition("_")
    return MoodleName(who.strip(), username or None, match["id"], match["plugin"], file)


def is_participant_word(who: str) -> bool:
    return who.casefold() in PARTICIPANT_WORDS


@dataclass(frozen=True)
class CanvasName:
    who: str  # the sortable name ("lopezmaria"), or "anon"
    anonymous: bool
    late: bool
    user_id: str
    kind: Literal["file", "text", "link"]
    attachment_id: str | None
    file: str | None  # the display name, for a file


def canvas_name(name: str) -> CanvasName | None:
    """A file's name read as Canvas writes it; None when it is not. The sortable name
    is the shortest that leaves an id and an entry that fit after it."""
    anonymous = True
    match = _CANVAS_ANON.match(name)
    if match is None:
        anonymous = False
        match = _CANVAS.match(name)
        if match is None:
            return None
    if not anonymous and match["who"] != match["who"].lower():
        # Canvas writes the sortable name in lower case: `IMG_2024_0101_x.jpg` or
        # `Screenshot_20240101_123456_Chrome.jpg` is a camera's name, not Canvas's.
        return None
    entry = match["entry"]
    return CanvasName(
        who="anon" if anonymous else match["who"],
        anonymous=anonymous,
        late=match["late"] is not None,
        user_id=match["id"],
        kind="file" if entry is None else ("text" if entry == "text" else "link"),
        attachment_id=match["attachment"],
        file=match["file"],
    )
