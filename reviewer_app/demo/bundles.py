"""Demo evidence bundles: realistic submissions for three micro-credentials.

`generate_demo_bundles` writes a small, varied set that covers every bundle shape of
`evidence-bundle.md`; `generate_rejected_examples` and `generate_warning_examples` write
one bundle per rejection or warning; `generate_bench_bundles` writes hundreds of
megabytes for import benchmarks. `write_manifest_bundle` lets tests craft their own.
All output is a pure function of the seed: the same seed gives byte-identical files.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from reviewer_app.demo import media

__all__ = [
    "CULTURAL_PROFICIENCY",
    "DEMO_CREDENTIALS",
    "EARNERS",
    "FAMILIES_AS_PARTNERS",
    "GLOBAL_CLASSROOM",
    "RUBRIC_PARTS",
    "Credential",
    "Earner",
    "generate_bench_bundles",
    "generate_demo_bundles",
    "generate_rejected_examples",
    "generate_warning_examples",
    "write_bundle_files",
    "write_manifest_bundle",
]

BUNDLE_FORMAT = "evidence-bundle/1"
RUBRIC_PARTS = ("overview", "artifacts", "reflection")
FileSource = bytes | Path
Json = dict[str, Any]

# Zip entries get a fixed timestamp: the wall clock would break byte-identical output.
_ZIP_DATE_TIME = (2026, 10, 1, 12, 0, 0)
_JPEG_MAGIC = b"\xff\xd8\xff"
_RESUBMISSION_NOTE = "Resubmission: revised the reflection after feedback."


# ------------------------------------------------------------------ credentials, earners


@dataclass(frozen=True)
class Credential:
    """A demo micro-credential: its achievement id, name and overview questions."""

    id: str
    name: str
    prefix: str  # submission id prefix, as the issuing platform numbers attempts
    questions: tuple[str, ...]

    def manifest(self) -> Json:
        return {"id": self.id, "name": self.name}


FAMILIES_AS_PARTNERS = Credential(
    id="https://credentials.example.org/mc/families-as-partners-1",
    name="Families as Partners: Two-Way Communication",
    prefix="FAP",
    questions=(
        "Describe the families in your class and the languages they speak at home.",
        "What is the goal of your two-way communication plan, and how do families respond?",
    ),
)
CULTURAL_PROFICIENCY = Credential(
    id="https://credentials.example.org/mc/cultural-proficiency-1",
    name="Culturally Responsive Classroom Practice",
    prefix="CRP",
    questions=(
        "Describe your classroom and the cultural and linguistic backgrounds of your students.",
        "Which culturally responsive practice did you focus on, and why did you choose it?",
    ),
)
GLOBAL_CLASSROOM = Credential(
    id="https://credentials.example.org/mc/global-classroom-1",
    name="Global Education in the Classroom",
    prefix="GEC",
    questions=(
        "Describe your students and the global issue your unit addresses.",
        "How does the unit connect your students with people and places beyond their community?",
    ),
)
DEMO_CREDENTIALS = (FAMILIES_AS_PARTNERS, CULTURAL_PROFICIENCY, GLOBAL_CLASSROOM)


@dataclass(frozen=True)
class Earner:
    """A fictional educator, with what their texts need to sound like their own."""

    name: str
    email: str
    school: str
    grade: str
    subject: str
    city: str
    languages: tuple[str, ...]
    focus: str  # one paragraph only this earner writes, so search finds them

    @property
    def id(self) -> str:
        return f"mailto:{self.email}"

    def manifest(self) -> Json:
        return {"id": self.id, "name": self.name, "email": self.email}


EARNERS: tuple[Earner, ...] = (
    Earner(
        name="María José Núñez",
        email="maria.nunez@example.org",
        school="Lincoln Elementary School",
        grade="second grade",
        subject="literacy",
        city="Chicago",
        languages=("Spanish", "Polish", "Arabic"),
        focus="Every family was offered a home visit in the first six weeks. I went in pairs with "
        "our bilingual aide, stayed no longer than thirty minutes, and asked one question "
        "only: what do you want this year to be like for your child? Families who preferred "
        "not to host me chose a meeting at the public library instead.",
    ),
    Earner(
        name="José Luis Peña",
        email="jl.pena@example.com",
        school="Riverside Middle School",
        grade="seventh grade",
        subject="science",
        city="San Antonio",
        languages=("Spanish", "Vietnamese"),
        focus="The bilingual newsletter goes home every other Friday in English and Spanish, on "
        "paper and as a photo in the class chat. Its last section is always a question for "
        "families, and the tear-off reply slip comes back in the homework folder.",
    ),
    Earner(
        name="Liam O'Connor",
        email="liam.oconnor@example.org",
        school="Harbor View Primary",
        grade="kindergarten",
        subject="early literacy",
        city="Boston",
        languages=("Portuguese", "Haitian Creole"),
        focus="I started a weekly two-minute voice note to each family in the language they "
        "asked for, recorded with help from our Portuguese-speaking paraprofessional, and "
        "families answer with a voice note of their own.",
    ),
    Earner(
        name="Hannah Goldberg",
        email="hannah.goldberg@example.com",
        school="Maple Grove Elementary",
        grade="fourth grade",
        subject="mathematics",
        city="Minneapolis",
        languages=("Somali", "Hmong", "Spanish"),
        focus="I moved our autumn conferences to student-led conferences: each child showed a "
        "folder of work to their family, and families wrote one goal with their child on a "
        "card that stays on the desk all term.",
    ),
    Earner(
        name="Samuel Okafor",
        email="samuel.okafor@example.org",
        school="Eastside Community School",
        grade="third grade",
        subject="reading",
        city="Houston",
        languages=("Yoruba", "Igbo", "Spanish"),
        focus="Families helped plan a family reading night with stories in Yoruba, Igbo "
        "and Spanish.",
    ),
    Earner(
        name="Kwame Mensah",
        email="kwame.mensah@example.org",
        school="Columbus Academy of Arts",
        grade="eighth grade",
        subject="English language arts",
        city="Columbus",
        languages=("Twi", "Somali", "Nepali"),
        focus="I audited our classroom library with students: we counted whose stories were on the "
        "shelves and whose were missing, and the class voted on forty new titles bought "
        "with a small grant from the parent association.",
    ),
    Earner(
        name="Priya Raghunathan",
        email="priya.r@example.com",
        school="Sunnyvale Middle School",
        grade="sixth grade",
        subject="mathematics",
        city="San Jose",
        languages=("Tamil", "Mandarin", "Spanish"),
        focus="I used sentence frames and talking partners so that every student explains their "
        "reasoning aloud at least once per lesson, in English or in their home language "
        "with a partner who shares it.",
    ),
    Earner(
        name="Ana Lucía Gómez",
        email="analucia.gomez@example.org",
        school="Valle Verde High School",
        grade="ninth grade",
        subject="biology",
        city="Albuquerque",
        languages=("Spanish", "Navajo", "Keres"),
        focus="Each unit opened with a community connection: students interviewed a relative about "
        "plants used for food or medicine at home, and those interviews became the data set "
        "for our lesson on plant adaptations.",
    ),
    Earner(
        name="Nguyễn Thị Lan",
        email="lan.nguyen@example.org",
        school="Pacific Heights Elementary",
        grade="fifth grade",
        subject="social studies",
        city="Seattle",
        languages=("Vietnamese", "Amharic", "Russian"),
        focus="The unit ended with a field trip to the river restoration site, where students "
        "measured water quality with a scientist from the watershed council and compared "
        "their results with a partner class in Vietnam.",
    ),
    Earner(
        name="Sofía Ramírez",
        email="sofia.ramirez@example.com",
        school="International School of Madrid",
        grade="sixth grade",
        subject="geography",
        city="Madrid",
        languages=("Spanish", "English", "Romanian"),
        focus="Our sister-school video calls with a class in Nairobi ran every second Thursday; "
        "students prepared questions in pairs and kept a shared slide deck of what they "
        "learned about each other's water supply.",
    ),
    Earner(
        name="Chen Wei",
        email="wei.chen@example.org",
        school="Greenwood Middle School",
        grade="seventh grade",
        subject="social studies",
        city="Oakland",
        languages=("Cantonese", "Mandarin", "Spanish"),
        focus="We took a field trip to the neighbourhood market, where students traced where ten "
        "foods came from and interviewed two shop owners about their supply chains.",
    ),
    Earner(
        name="Fatima Al-Sayed",
        email="fatima.alsayed@example.com",
        school="Dearborn Heights Academy",
        grade="eighth grade",
        subject="history",
        city="Detroit",
        languages=("Arabic", "Bengali", "English"),
        focus="Students recorded migration stories: each interviewed an adult who moved to a new "
        "country, and the class mapped the routes and the reasons people gave.",
    ),
    Earner(
        name="Tomasz Wójcik",
        email="tomasz.wojcik@example.org",
        school="Warsaw International School",
        grade="ninth grade",
        subject="environmental science",
        city="Warsaw",
        languages=("Polish", "Ukrainian", "English"),
        focus="The class adopted a stretch of the Vistula bank for a river clean-up and shared "
        "their litter survey with a partner school on the Danube.",
    ),
)


def _earner(name: str) -> Earner:
    return next(earner for earner in EARNERS if earner.name == name)


# ----------------------------------------------------------------------------- texts

_FAP_CONTEXT = (
    "Many of our families work evening shifts, so a phone call at four in the afternoon "
    "rarely reaches anyone; text messages and short voice notes work better.",
    "Several grandparents are the main caregivers and prefer to talk in person at pick-up.",
    "A few families arrived in the country this year and are still learning how the school "
    "day, homework and report cards work.",
    "Our school shares one part-time {lang} interpreter with two other campuses, so I book "
    "interpreting a week ahead.",
    "Most families have a smartphone but no computer, so anything I send must read well on "
    "a small screen.",
    "About a third of my families had not been inside the building before this year, apart "
    "from enrolment day.",
    "Two families asked for everything on paper because they share one phone.",
)
_FAP_GOAL = (
    "The goal of my plan is that every family hears good news from me before they hear "
    "about a problem, and that every family has at least one easy way to answer.",
    "I want families to tell me what their children are proud of at home, so that I can "
    "bring those strengths into our morning meeting.",
    "Families reply through the class messaging app, which translates both ways, on a paper "
    "slip in the Friday folder, or by calling the office.",
    "I will know the plan works when replies come from families who never answered before, "
    "not only from the ones who always do.",
    "Each month I log whom I contacted, how, in which language, and whether the family "
    "answered, so I can see whom I am missing.",
    "I stopped sending long emails; a short message with one question gets three times as "
    "many answers.",
)
_Outline = Sequence[tuple[str, Sequence[str]]]

_FAP_PLAN: _Outline = (
    (
        "Purpose",
        (
            "This plan builds two-way communication with the families of my {grade} class at "
            "{school}. Two-way means that families can start a conversation, not only receive "
            "news, and that I act on what they tell me.",
            "The plan exists because last year most of my messages went one way: I informed, "
            "families read, and I rarely learned anything from them.",
        ),
    ),
    (
        "Families served",
        (
            "Families speak {languages} at home. I asked every family in September which "
            "language and which channel they prefer, and I keep their answers in my contact log.",
            "Some families prefer paper, some the messaging app, some a call; none of the "
            "channels is the default for everyone.",
        ),
    ),
    (
        "Channels and languages",
        (
            "Messages go out in the family's preferred language. For {lang} I use the district "
            "interpreter for anything about grades or behaviour, never an automatic translation.",
            "A positive phone call to every family before the end of September sets the tone, "
            "before any call about a problem.",
        ),
    ),
    (
        "Calendar",
        (
            "September: welcome call and language survey. October: family literacy night. "
            "November: conferences. January: mid-year check-in by message or call.",
            "Every Friday: a photo of the week's learning with one question families can answer.",
        ),
    ),
    (
        "How families respond",
        (
            "Every message ends with a question families can answer in one line, in any language.",
            "Families can answer by message, on paper, by voice note or in person at pick-up; "
            "each answer gets a reply from me within two school days.",
        ),
    ),
    (
        "Checking that it works",
        (
            "At the end of each month I count, for each family, whether they started or answered "
            "a conversation; a family with no contact for four weeks gets a personal call.",
            "In December I will ask families, in a short survey in their language, whether they "
            "feel they can reach me and whether I listen.",
        ),
    ),
)
_FAP_LOG_MODES = (
    "phone call",
    "phone call with interpreter",
    "text message (translated)",
    "home visit",
    "conversation at pick-up",
    "note in Friday folder",
    "video call",
    "voice note",
)
_FAP_LOG_TOPICS = (
    "shared a positive note about reading at home",
    "family asked how to get a library card",
    "discussed attendance after two late mornings",
    "invited the family to literacy night",
    "family shared that the child loves drawing maps",
    "answered a question about the report card",
    "family asked for homework on paper",
    "talked about the reading goal set at the conference",
    "family offered to read a story in their language to the class",
)
_CRP_CONTEXT = (
    "Students told me in a survey that they rarely see their neighbourhood in the examples "
    "we use in {subject}.",
    "Half of my students are multilingual, and several act as interpreters for their "
    "families at appointments.",
    "Our curriculum materials were written for a very different community, so I adapt "
    "examples every week.",
    "Students come from families who have lived here for generations and from families "
    "who arrived last year.",
    "Several students are quiet in whole-class discussion but talk with confidence in "
    "small groups.",
)
_CRP_PRACTICE = (
    "I chose this practice because students learn more when the classroom treats what they "
    "bring from home as knowledge, not as background.",
    "I wanted every student to be heard in every lesson, not only the few who raise their "
    "hands first.",
    "Research on culturally sustaining pedagogy convinced me to start from students' "
    "languages and communities rather than add them at the end.",
    "The practice is small enough to repeat every week, which matters more to me than a "
    "single showcase lesson.",
)
_CRP_LESSON: _Outline = (
    (
        "Objectives",
        (
            "Students will explain a key idea of the unit using an example from their own "
            "community, and respond to a classmate's example.",
            "Students will use academic vocabulary in English and connect it to a word in "
            "their home language.",
        ),
    ),
    (
        "Connecting to students' lives",
        (
            "The lesson opens with objects and stories students brought from home; we sort them "
            "together and name what they have in common.",
            "Students interview a family member before the lesson and bring one quotation.",
        ),
    ),
    (
        "Sequence",
        (
            "Warm-up (5 minutes): think-pair-share with sentence frames on the board. Main task "
            "(25 minutes): small groups analyse the examples. Closing (10 minutes): gallery walk.",
            "Groups are planned so that each includes a student who shares a home language with "
            "a newer English learner.",
        ),
    ),
    (
        "Assessment",
        (
            "Exit ticket: one sentence that uses the day's vocabulary and one question the "
            "student still has. I read every ticket before the next lesson.",
            "I listen to two groups each lesson and note who explains their reasoning.",
        ),
    ),
    (
        "Adaptations",
        (
            "Word banks in {languages}; visuals for every instruction; extra time to write.",
            "Students may answer orally, in writing or with a labelled drawing.",
        ),
    ),
)
_GEC_CONTEXT = (
    "Our unit addresses access to clean water, one of the United Nations Sustainable "
    "Development Goals, through the river that runs past our school.",
    "Many students have relatives in other countries, so global questions are also family "
    "questions for them.",
    "The unit asks how everyday choices here, such as what we eat and what we throw away, "
    "connect to people far away.",
    "Students compare data they collect locally with data from a partner class abroad.",
    "We read news from three countries about the same event and compare how it is told.",
)
_GEC_CONNECT = (
    "Students exchanged letters and short videos with a partner class and answered each "
    "other's questions about daily life.",
    "A guest speaker from a local refugee resettlement agency answered students' questions "
    "by video.",
    "Students presented their findings to families and to the partner school in a final "
    "online exhibition.",
    "Each group chose one organisation working on the issue and wrote to it with a question.",
)
_GEC_UNIT: _Outline = (
    (
        "Unit question",
        (
            "How do people in different places meet the same need, and what can we learn from "
            "each other?",
            "What connects our neighbourhood to the rest of the world, and who decides?",
        ),
    ),
    (
        "Learning goals",
        (
            "Students investigate a global issue through local evidence, consider perspectives "
            "other than their own, communicate ideas to a real audience, and take action.",
            "Students compare sources from at least two countries and explain why accounts differ.",
        ),
    ),
    (
        "Field work",
        (
            "The field trip is planned for the fourth week: permission slips in {languages}, two "
            "family volunteers per group, and a data sheet each student completes on site.",
            "Students collect data at school for two weeks and share it with the partner class.",
        ),
    ),
    (
        "Partner class",
        (
            "We meet the partner class by video every second week; students prepare questions "
            "in pairs and take turns to host.",
            "Letters are exchanged by post and scanned, so both classes keep a copy.",
        ),
    ),
    (
        "Final product",
        (
            "Each group makes a poster and a two-minute talk for a family exhibition evening.",
            "The class writes a joint letter to the city council with three recommendations.",
        ),
    ),
)
_REFLECTION = (
    "Looking back, the biggest change was in whom I heard from. Students and families who "
    "had been silent in September are now part of the conversation.",
    "What surprised me most was how much families already knew about {topic}; I had "
    "planned to teach them and ended up learning from them.",
    "One thing did not work: my first survey was too long and only a third came back. The "
    "second version had three questions and nearly every family answered.",
    "Next term I will plan the follow-up before the first contact, so that what families "
    "and students tell me changes what happens in class the week after.",
    "I learned to check my own assumptions. I had assumed that families who did not answer "
    "were not interested; most of them had simply not received the message.",
    "Working with a colleague helped: we read each other's plans and pointed out whose "
    "voices were missing.",
    "The evidence I chose shows the practice in ordinary weeks, not only on special days, "
    "because that is where it has to last.",
)
_REFLECTION_REVISED = (
    "In my first submission the reflection described what I did but not what I learned. "
    "Following the assessor's feedback, I now connect each change to evidence from students "
    "and families.",
    "The feedback asked how I would know the practice worked. I added the numbers from my "
    "log: replies rose from 9 of 24 families in September to 21 of 24 in October.",
    "I have also named what I would do differently: start smaller, and ask families to "
    "help design the next step.",
)
_TOPIC = {
    "FAP": "their children's learning at home",
    "CRP": "the topics we studied",
    "GEC": "the places and people we studied",
}
_STUDENT_WORK = (
    (
        "My family's story",
        "My grandmother came from {country} when she was nineteen. She "
        "brought a small notebook with recipes and songs. On Sundays she teaches me one song.",
    ),
    (
        "What I learned this week",
        "This week we learned that rivers carry more than water. "
        "They carry soil, seeds and sometimes rubbish from far away.",
    ),
    (
        "Interview notes",
        "I asked my uncle why he moved. He said there was work here and his "
        "brother was already here. He misses the mountains and the food.",
    ),
    (
        "Letter to our partner class",
        "Dear friends, at our school we start at eight o'clock. "
        "What time do you start? Our favourite game at recess is football. What is yours?",
    ),
    (
        "Exit ticket",
        "Today I learned that a community is people who help each other. I "
        "still wonder how new families find out where things are.",
    ),
)


class _Texts:
    """Composes one earner's texts for one credential from the pools, using `rng`."""

    def __init__(self, earner: Earner, credential: Credential, rng: random.Random) -> None:
        self.earner = earner
        self.credential = credential
        self.rng = rng
        self.context = {
            "school": earner.school,
            "grade": earner.grade,
            "subject": earner.subject,
            "city": earner.city,
            "languages": _join(earner.languages),
            "lang": earner.languages[0],
            "country": rng.choice(("Mexico", "Ghana", "Vietnam", "Poland", "Somalia")),
            "topic": _TOPIC[credential.prefix],
        }

    def fill(self, template: str) -> str:
        return template.format(**self.context)

    def pick(self, pool: Sequence[str], count: int) -> list[str]:
        return [self.fill(text) for text in self.rng.sample(list(pool), min(count, len(pool)))]

    def overview(self, question: int) -> str:
        opening = (
            f"I teach {self.earner.grade} {self.earner.subject} at {self.earner.school} in "
            f"{self.earner.city}. My students speak {_join(self.earner.languages)} at home."
        )
        pools = {
            "FAP": (_FAP_CONTEXT, _FAP_GOAL),
            "CRP": (_CRP_CONTEXT, _CRP_PRACTICE),
            "GEC": (_GEC_CONTEXT, _GEC_CONNECT),
        }[self.credential.prefix]
        body = self.pick(pools[question], 3)
        if question == 0:
            return " ".join([opening, *body])
        return " ".join([self.earner.focus, *body])

    def sections(self, outline: _Outline) -> list[str]:
        """Numbered sections of paragraphs from each pool, the earner's focus in the second.

        A heading shares a paragraph with the text under it (a line break apart), so a
        page break never strands it at the foot of a page.
        """
        paragraphs: list[str] = []
        for number, (heading, pool) in enumerate(outline, start=1):
            body = self.pick(pool, self.rng.randint(len(pool) - 1, len(pool)))
            if number == 2:
                body.append(self.earner.focus)
            paragraphs.append(f"{number}. {heading}\n{body[0]}")
            paragraphs.extend(body[1:])
        return paragraphs

    def contact_log(self, entries: int) -> list[str]:
        lines = [
            f"Family contact log of {self.earner.name}, {self.earner.school}. Each line: date, "
            "family (student number), language, how, what was said, whether the family replied."
        ]
        day = date(2026, 9, self.rng.randint(2, 6))
        for _ in range(entries):
            day += timedelta(days=self.rng.randint(1, 3))
            lines.append(
                f"{day.isoformat()}: Student {self.rng.randint(1, 26):02} "
                f"({self.rng.choice(self.earner.languages)}), "
                f"{self.rng.choice(_FAP_LOG_MODES)}: {self.rng.choice(_FAP_LOG_TOPICS)}. "
                f"Reply: {self.rng.choice(('yes', 'yes', 'yes, next day', 'not yet'))}."
            )
        return lines

    def reflection(self, *, revised: bool) -> str:
        paragraphs = self.pick(_REFLECTION, 3)
        if revised:
            paragraphs = [*self.pick(_REFLECTION_REVISED, 2), *paragraphs]
        return "\n\n".join(paragraphs)

    def student_work(self, count: int) -> list[list[str]]:
        pages = []
        for title, text in self.rng.sample(_STUDENT_WORK, min(count, len(_STUDENT_WORK))):
            pages.append([title, "", self.fill(text)])
        return pages

    def newsletter(self) -> list[str]:
        return [
            f"Class newsletter / Boletín de la clase, {self.earner.school}",
            "This week we read stories about families from around the world.",
            "Esta semana leímos cuentos sobre familias de todo el mundo.",
            "Family literacy night: Thursday at 6 p.m. in the library. Childcare provided.",
            "Noche de lectura familiar: el jueves a las 6 p. m. en la biblioteca.",
            "Question for families: what story did you love as a child?",
            "Pregunta para las familias: ¿qué cuento le gustaba de niño o niña?",
            "Reply on the slip below, by message, or tell me at pick-up.",
        ]


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# ---------------------------------------------------------------- writing bundles


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read(source: FileSource) -> bytes:
    return source if isinstance(source, bytes) else source.read_bytes()


def _zip_info(name: str, data: bytes) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE_TIME)
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    # Exporters store JPEGs as they are: deflating them gains nothing.
    jpeg = data.startswith(_JPEG_MAGIC)
    info.compress_type = zipfile.ZIP_STORED if jpeg else zipfile.ZIP_DEFLATED
    return info


@contextmanager
def _staged(out: Path) -> Iterator[Path]:
    """Yield a temporary sibling of `out`, renamed to `out` only once fully written."""
    if out.exists():
        raise FileExistsError(f"{out} already exists; write demo bundles into a fresh folder")
    partial = out.with_name(f".{out.name}.partial")
    if partial.is_dir():
        shutil.rmtree(partial)
    partial.unlink(missing_ok=True)
    try:
        yield partial
        os.replace(partial, out)
    except BaseException:
        if partial.is_dir():
            shutil.rmtree(partial, ignore_errors=True)
        else:
            partial.unlink(missing_ok=True)
        raise


def _write_zip(target: Path, entries: Mapping[str, FileSource]) -> None:
    with zipfile.ZipFile(target, "w") as archive:
        for name, source in entries.items():
            data = _read(source)
            archive.writestr(_zip_info(name, data), data)


def _write_folder(target: Path, entries: Mapping[str, FileSource]) -> None:
    target.mkdir(parents=True)
    for name, source in entries.items():
        destination = target.joinpath(*name.split("/"))
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(_read(source))


def write_bundle_files(out: Path, entries: Mapping[str, FileSource], *, as_zip: bool) -> Path:
    """Write `entries` (POSIX path inside the bundle -> bytes or a file to copy) to `out`.

    With `as_zip`, `out` is a zip file (JPEGs stored, everything else deflated, fixed
    timestamps); otherwise a folder. Nothing is checked or added: use it for loose
    bundles, batches and deliberately broken bundles. Raises FileExistsError if `out`
    exists; `out` appears only once complete.
    """
    with _staged(out) as partial:
        if as_zip:
            _write_zip(partial, entries)
        else:
            _write_folder(partial, entries)
    return out


def _manifest_entries(
    manifest_fields: Mapping[str, Any], files: Mapping[str, FileSource]
) -> dict[str, FileSource]:
    """`manifest.json` (hashes filled in) followed by the files, ready to write."""
    manifest = dict(manifest_fields)
    manifest["evidence"] = [_with_hash(item, files) for item in manifest_fields["evidence"]]
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    return {"manifest.json": text.encode("utf-8"), **files}


def _with_hash(item: Mapping[str, Any], files: Mapping[str, FileSource]) -> Json:
    if "path" not in item or "sha256" in item:
        return dict(item)
    digest = _sha256(_read(files[item["path"]]))
    # Keep the spec's field order: path, sha256, then the rest.
    rest = {key: value for key, value in item.items() if key != "path"}
    return {"path": item["path"], "sha256": digest, **rest}


def write_manifest_bundle(
    out: Path,
    manifest_fields: Mapping[str, Any],
    files: Mapping[str, FileSource],
    *,
    as_zip: bool,
) -> Path:
    """Write a manifest bundle to `out` (a `.zip` file or a folder) and return `out`.

    `manifest_fields` is the manifest as a dict; each file item of its `evidence` that has
    no `sha256` gets the SHA-256 of `files[item["path"]]`, computed here. An item that
    already carries a `sha256` keeps it, so a test can list a missing file or a wrong
    hash. `files` maps POSIX paths inside the bundle to bytes or to a file to copy; files
    that no item lists are written too (the importer ignores them with a warning).
    Raises KeyError for an unhashed item whose path is not in `files`.
    """
    return write_bundle_files(out, _manifest_entries(manifest_fields, files), as_zip=as_zip)


# ---------------------------------------------------------------- demo bundle specs


@dataclass(frozen=True)
class _Spec:
    earner: Earner
    credential: Credential
    number: int
    submitted_at: str
    artifacts: tuple[str, ...]
    attempt: int | None = 1
    as_zip: bool = True
    notes: str | None = None

    @property
    def submission_id(self) -> str:
        return f"{self.credential.prefix}-2026-{self.number:04}"


@dataclass
class _Builder:
    """Collects one submission's evidence items and files while artifacts are added."""

    spec: _Spec
    staging: Path
    seed: int
    evidence: list[Json] = field(default_factory=list)
    files: dict[str, FileSource] = field(default_factory=dict)

    def rng(self, key: str) -> random.Random:
        """A stream per earner, credential and artifact: a resubmission that reuses an
        artifact reproduces its bytes exactly, as an earner re-uploading the same file."""
        spec = self.spec
        return random.Random(f"{self.seed}/{spec.earner.email}/{spec.credential.prefix}/{key}")

    def texts(self, key: str) -> _Texts:
        return _Texts(self.spec.earner, self.spec.credential, self.rng(key))

    def scratch(self, name: str) -> Path:
        folder = self.staging / self.spec.submission_id
        folder.mkdir(parents=True, exist_ok=True)
        return folder / name

    def add_file(self, path: str, source: FileSource, **item: str | None) -> None:
        self.files[path] = source
        self.evidence.append({"path": path, **{k: v for k, v in item.items() if v is not None}})

    def add_text(self, text: str, part: str, title: str) -> None:
        self.evidence.append({"text": text, "part": part, "title": title})

    def manifest(self) -> Json:
        spec = self.spec
        fields: Json = {"format": BUNDLE_FORMAT, "submission_id": spec.submission_id}
        if spec.attempt is not None:
            fields["attempt"] = spec.attempt
        fields |= {
            "submitted_at": spec.submitted_at,
            "earner": spec.earner.manifest(),
            "credential": spec.credential.manifest(),
            "evidence": self.evidence,
        }
        if spec.notes:
            fields["notes"] = spec.notes
        return fields


def _overview(b: _Builder) -> None:
    texts = b.texts("overview")
    for index, question in enumerate(b.spec.credential.questions):
        b.add_text(texts.overview(index), "overview", question)


def _plan_pdf(b: _Builder, *, path: str, title: str, outline: _Outline, pages: int) -> None:
    texts = b.texts(path)
    paragraphs = [f"{b.spec.earner.name}, {b.spec.earner.school}", *texts.sections(outline)]
    data = media.render_text_pdf(title=title, paragraphs=paragraphs, pages=pages)
    b.add_file(path, data, media_type="application/pdf", part="artifacts", title=title)


def _communication_plan(b: _Builder) -> None:
    name = "Plan de comunicación familiar" if b.spec.earner.languages[0] == "Spanish" else "plan"
    _plan_pdf(
        b,
        path=f"evidence/{name}.pdf",
        title="Two-way communication plan",
        outline=_FAP_PLAN,
        pages=3,
    )


def _lesson_plan(b: _Builder) -> None:
    _plan_pdf(
        b,
        path="evidence/lesson-plan.pdf",
        title=f"Lesson plan: {b.spec.earner.subject}",
        outline=_CRP_LESSON,
        pages=4,
    )


def _unit_plan(b: _Builder) -> None:
    _plan_pdf(
        b,
        path="evidence/unit-plan.pdf",
        title="Global issues unit plan",
        outline=_GEC_UNIT,
        pages=5,
    )


def _contact_log(b: _Builder) -> None:
    lines = b.texts("contact-log").contact_log(entries=28)
    title = "Family contact log, September to October 2026"
    data = media.render_text_pdf(title=title, paragraphs=lines, pages=2)
    b.add_file(
        "evidence/contact-log.pdf",
        data,
        media_type="application/pdf",
        part="artifacts",
        title=title,
        description="Every contact with a family, with the language used.",
    )


def _photo(b: _Builder, name: str, caption: str, **item: str | None) -> None:
    path = media.write_photo_jpeg(
        b.scratch(name), width=1280, height=960, rng=b.rng(name), caption=caption
    )
    b.add_file(
        f"evidence/{name}",
        path,
        **({"media_type": "image/jpeg", "part": "artifacts", "title": caption} | item),
    )


def _family_night_photo(b: _Builder) -> None:
    """A portrait phone photo stored sideways with EXIF orientation 6, as phones do."""
    caption = "Student-made invitation to family literacy night"
    path = media.write_photo_jpeg(
        b.scratch("invitation.jpg"),
        width=1600,
        height=1200,
        rng=b.rng("invitation"),
        exif_orientation=6,
        caption=caption,
    )
    b.add_file(
        "evidence/IMG_2041.jpg", path, media_type="image/jpeg", part="artifacts", title=caption
    )


def _work_photo(b: _Builder) -> None:
    _photo(b, "student-work.jpg", "Student work sample from the unit")


def _untyped_photo(b: _Builder) -> None:
    """A JPEG with no media_type: the importer must sniff it."""
    _photo(b, "IMG_3307.jpg", "Anchor chart made with students", media_type=None)


def _library_photo(b: _Builder) -> None:
    """A photo that answers no rubric part (no `part`)."""
    _photo(b, "classroom-library.jpg", "Our classroom library before the audit", part=None)


def _second_photo(b: _Builder) -> None:
    _photo(b, "poster.jpg", "Group poster for the family exhibition")


def _newsletter_scan(b: _Builder) -> None:
    path = media.write_scan_png(
        b.scratch("newsletter.png"), lines=b.texts("nl").newsletter(), rng=b.rng("newsletter")
    )
    b.add_file(
        "evidence/newsletter-scan.png",
        path,
        media_type="image/png",
        part="artifacts",
        title="Bilingual newsletter, first issue (scan)",
    )


def _work_scans(b: _Builder) -> None:
    texts = b.texts("scans")
    for index, lines in enumerate(texts.student_work(2), start=1):
        path = media.write_scan_png(
            b.scratch(f"scan-{index}.png"), lines=lines, rng=b.rng(f"scan-{index}")
        )
        b.add_file(
            f"evidence/student-writing-{index}.png",
            path,
            media_type="image/png",
            part="artifacts",
            title=f"Student writing sample {index} (scan)",
        )


def _letters_tiff(b: _Builder) -> None:
    """A three-page TIFF scan, with no media_type given."""
    pages = b.texts("letters").student_work(3)
    path = media.write_scan_tiff(b.scratch("letters.tif"), pages=pages, rng=b.rng("letters"))
    b.add_file(
        "evidence/letters-to-partner-class.tif",
        path,
        part="artifacts",
        title="Letters to our partner class (3 pages)",
    )


def _poster_webp(b: _Builder) -> None:
    path = media.write_webp(
        b.scratch("poster.webp"),
        rng=b.rng("poster"),
        caption="Water around the world: group poster",
    )
    b.add_file("evidence/poster.webp", path, part="artifacts", title="Group poster (photo)")


def _survey_gif(b: _Builder) -> None:
    """A chart that answers no rubric part, with no media_type."""
    path = media.write_gif(
        b.scratch("survey.gif"),
        rng=b.rng("survey"),
        title="Languages spoken at home (class survey)",
        labels=b.spec.earner.languages,
    )
    b.add_file("evidence/survey-chart.gif", path, title="Class survey chart")


def _scanned_log(b: _Builder) -> None:
    """An image-only PDF (no text layer): imported with a warning."""
    texts = b.texts("signed-log")
    scans = [
        media.write_scan_png(
            b.scratch(f"log-{i}.png"), lines=texts.contact_log(12), rng=b.rng(f"log-{i}")
        )
        for i in (1, 2)
    ]
    path = media.write_image_only_pdf(b.scratch("signed-log.pdf"), scans)
    b.add_file(
        "evidence/signed-contact-log.pdf",
        path,
        media_type="application/pdf",
        part="artifacts",
        title="Signed family contact log (scanned)",
    )


def _encrypted_plan(b: _Builder) -> None:
    """A password-protected PDF: imported with a warning."""
    texts = b.texts("encrypted")
    path = media.write_encrypted_pdf(
        b.scratch("lesson.pdf"),
        title="Lesson plan (protected)",
        paragraphs=texts.sections(_CRP_LESSON),
        pages=2,
    )
    b.add_file(
        "evidence/lesson-plan-protected.pdf",
        path,
        media_type="application/pdf",
        part="artifacts",
        title="Lesson plan (password protected by my district)",
    )


def _field_trip_pdf(b: _Builder) -> None:
    texts = b.texts("trip")
    paragraphs = [
        "Field trip itinerary and permission form",
        b.spec.earner.focus,
        "8:30 leave school by bus. 9:15 guided walk. 10:30 data collection in groups. "
        "12:00 lunch. 13:30 return to school.",
        *texts.pick(_GEC_CONTEXT, 2),
        "Parent or guardian signature: ______________________",
    ]
    data = media.render_text_pdf(title="Field trip plan", paragraphs=paragraphs, pages=2)
    b.add_file(
        "evidence/field-trip.pdf",
        data,
        media_type="application/pdf",
        part="artifacts",
        title="Field trip itinerary and permission form",
    )


def _reflection_text(b: _Builder) -> None:
    text = b.texts(f"reflection-{b.spec.attempt}").reflection(revised=_revised(b))
    b.add_text(text, "reflection", "Reflection")


def _reflection_md(b: _Builder) -> None:
    body = b.texts(f"reflection-{b.spec.attempt}").reflection(revised=_revised(b))
    text = f"# Reflection\n\n*{b.spec.credential.name}*\n\n{body}\n"
    path = media.write_reflection_md(b.scratch("reflection.md"), text)
    b.add_file(
        "reflection.md", path, media_type="text/markdown", part="reflection", title="Reflection"
    )


def _reflection_txt(b: _Builder) -> None:
    body = b.texts(f"reflection-{b.spec.attempt}").reflection(revised=_revised(b))
    path = media.write_reflection_txt(b.scratch("reflection.txt"), f"Reflection\n\n{body}")
    b.add_file(
        "reflection.txt", path, media_type="text/plain", part="reflection", title="Reflection"
    )


def _revised(b: _Builder) -> bool:
    return (b.spec.attempt or 1) > 1


_ARTIFACTS: dict[str, Callable[[_Builder], None]] = {
    "overview": _overview,
    "communication_plan": _communication_plan,
    "lesson_plan": _lesson_plan,
    "unit_plan": _unit_plan,
    "contact_log": _contact_log,
    "family_night_photo": _family_night_photo,
    "work_photo": _work_photo,
    "untyped_photo": _untyped_photo,
    "library_photo": _library_photo,
    "second_photo": _second_photo,
    "newsletter_scan": _newsletter_scan,
    "work_scans": _work_scans,
    "letters_tiff": _letters_tiff,
    "poster_webp": _poster_webp,
    "survey_gif": _survey_gif,
    "scanned_log": _scanned_log,
    "encrypted_plan": _encrypted_plan,
    "field_trip": _field_trip_pdf,
    "reflection_text": _reflection_text,
    "reflection_md": _reflection_md,
    "reflection_txt": _reflection_txt,
}

_FAP, _CRP, _GEC = FAMILIES_AS_PARTNERS, CULTURAL_PROFICIENCY, GLOBAL_CLASSROOM
_MARIA_WORK = ("overview", "communication_plan", "contact_log", "family_night_photo")
_SOFIA_WORK = ("overview", "unit_plan", "work_photo")

_DEMO_SPECS: tuple[_Spec, ...] = (
    _Spec(
        _earner("María José Núñez"),
        _FAP,
        142,
        "2026-09-18T19:42:10-05:00",
        (*_MARIA_WORK, "reflection_text"),
    ),
    _Spec(
        _earner("María José Núñez"),
        _FAP,
        187,
        "2026-10-09T20:05:33-05:00",
        (*_MARIA_WORK, "reflection_md"),
        attempt=2,
        notes=_RESUBMISSION_NOTE,
    ),
    _Spec(
        _earner("José Luis Peña"),
        _FAP,
        143,
        "2026-09-21T07:15:48-05:00",
        ("overview", "communication_plan", "newsletter_scan", "work_photo", "reflection_txt"),
    ),
    _Spec(
        _earner("Liam O'Connor"),
        _FAP,
        151,
        "2026-09-25T21:03:12-04:00",
        ("overview", "scanned_log", "work_photo", "reflection_text"),
        attempt=None,
    ),
    _Spec(
        _earner("Hannah Goldberg"),
        _FAP,
        156,
        "2026-09-29T16:47:00-05:00",
        ("overview", "contact_log", "poster_webp", "survey_gif", "reflection_md"),
        as_zip=False,
    ),
    _Spec(
        _earner("Kwame Mensah"),
        _CRP,
        207,
        "2026-09-22T22:10:05-04:00",
        ("overview", "lesson_plan", "work_scans", "library_photo", "reflection_txt"),
        as_zip=False,
    ),
    _Spec(
        _earner("Priya Raghunathan"),
        _CRP,
        211,
        "2026-09-24T18:30:41-07:00",
        ("overview", "encrypted_plan", "work_photo", "reflection_text"),
    ),
    _Spec(
        _earner("Ana Lucía Gómez"),
        _CRP,
        215,
        "2026-10-01T12:02:19-06:00",
        ("overview", "lesson_plan", "untyped_photo", "work_scans", "reflection_md"),
    ),
    _Spec(
        _earner("Nguyễn Thị Lan"),
        _GEC,
        304,
        "2026-09-30T08:55:27-07:00",
        ("overview", "unit_plan", "field_trip", "letters_tiff", "poster_webp", "reflection_md"),
    ),
    _Spec(
        _earner("Sofía Ramírez"),
        _GEC,
        306,
        "2026-10-02T09:14:00Z",
        (*_SOFIA_WORK, "reflection_text"),
    ),
    _Spec(
        _earner("Sofía Ramírez"),
        _GEC,
        329,
        "2026-10-16T17:40:52+02:00",
        (*_SOFIA_WORK, "reflection_md"),
        attempt=2,
        notes=_RESUBMISSION_NOTE,
        as_zip=False,
    ),
    _Spec(
        _earner("Tomasz Wójcik"),
        _GEC,
        318,
        "2026-10-05T19:21:36+02:00",
        ("overview", "unit_plan", "work_photo", "second_photo", "reflection_txt"),
    ),
)
_BATCH_NAME = "GEC-batch-2026-10.zip"
_BATCH_SPECS: tuple[_Spec, ...] = (
    _Spec(
        _earner("Chen Wei"),
        _GEC,
        311,
        "2026-10-03T14:22:05-07:00",
        ("overview", "field_trip", "work_photo", "survey_gif", "reflection_text"),
    ),
    _Spec(
        _earner("Fatima Al-Sayed"),
        _GEC,
        312,
        "2026-10-03T23:48:10-04:00",
        ("overview", "unit_plan", "work_scans", "reflection_txt"),
    ),
)
_LOOSE_EARNER = "Samuel Okafor"


def _build(spec: _Spec, staging: Path, seed: int) -> dict[str, FileSource]:
    builder = _Builder(spec, staging, seed)
    for kind in spec.artifacts:
        _ARTIFACTS[kind](builder)
    return _manifest_entries(builder.manifest(), builder.files)


def _bundle_name(spec: _Spec) -> str:
    suffix = ".zip" if spec.as_zip else ""
    return f"{spec.submission_id}{suffix}"


def _write_loose(out_dir: Path, staging: Path, seed: int) -> Path:
    """A zip named after the earner with evidence files only, as a teacher zips a folder."""
    earner = _earner(_LOOSE_EARNER)
    spec = _Spec(earner, _FAP, 0, "", ("communication_plan", "work_photo", "reflection_txt"))
    entries = _build(spec, staging, seed)
    loose = {
        "Communication plan.pdf": entries["evidence/plan.pdf"],
        "Family night.jpg": entries["evidence/student-work.jpg"],
        "Reflection.txt": entries["reflection.txt"],
    }
    return write_bundle_files(out_dir / f"{earner.name}.zip", loose, as_zip=True)


def _write_batch(out_dir: Path, staging: Path, seed: int) -> Path:
    """One zip whose top level holds two bundle folders, as a platform's bulk export."""
    entries: dict[str, FileSource] = {}
    for spec in _BATCH_SPECS:
        folder = f"{spec.submission_id} {spec.earner.name}"
        entries |= {f"{folder}/{name}": data for name, data in _build(spec, staging, seed).items()}
    return write_bundle_files(out_dir / _BATCH_NAME, entries, as_zip=True)


def generate_demo_bundles(out_dir: Path, *, seed: int = 7) -> list[Path]:
    """Write the demo bundles into `out_dir` (created if needed) and return their paths.

    Covers every shape of `evidence-bundle.md`: manifest bundles as zips and folders, a
    loose zip, a batch zip holding two bundle folders, two resubmissions (attempt 2), and
    two bundles that import with warnings (a scanned PDF with no text, an encrypted PDF).
    Nothing in it should be rejected. Raises FileExistsError if a bundle already exists.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="demo-bundles-") as scratch:
        staging = Path(scratch)
        for spec in _DEMO_SPECS:
            entries = _build(spec, staging, seed)
            paths.append(
                write_bundle_files(out_dir / _bundle_name(spec), entries, as_zip=spec.as_zip)
            )
        paths.append(_write_loose(out_dir, staging, seed))
        paths.append(_write_batch(out_dir, staging, seed))
    return paths


# ------------------------------------------------------------- rejected and warnings

_REJECT_EARNER = _earner("Hannah Goldberg")
_LATIN1_TEXT = (
    "Reflexión final\n\nLas familias respondieron con entusiasmo: “¡gracias por escribir en "
    "español!”. El niño más tímido leyó en voz alta; su mamá lloró de alegría.\n"
)


def _base_manifest(submission_id: str, evidence: list[Json]) -> Json:
    return {
        "format": BUNDLE_FORMAT,
        "submission_id": submission_id,
        "attempt": 1,
        "submitted_at": "2026-10-12T10:00:00-05:00",
        "earner": _REJECT_EARNER.manifest(),
        "credential": FAMILIES_AS_PARTNERS.manifest(),
        "evidence": evidence,
    }


def _pdf_item(path: str, **extra: str) -> Json:
    return {
        "path": path,
        "media_type": "application/pdf",
        "part": "artifacts",
        "title": "Communication plan",
        **extra,
    }


def _small_pdf() -> bytes:
    return media.render_text_pdf(
        title="Communication plan", paragraphs=["A short plan for two-way communication."]
    )


def _small_jpeg(scratch: Path) -> bytes:
    path = media.write_photo_jpeg(
        scratch / "photo.jpg", width=320, height=240, rng=random.Random(5), caption="Student work"
    )
    return path.read_bytes()


def _rejected_entries(scratch: Path) -> dict[str, tuple[Json | bytes, dict[str, FileSource]]]:
    """Reason -> (manifest fields, or raw manifest bytes; files)."""
    pdf, jpeg = _small_pdf(), _small_jpeg(scratch)
    bomb = media.write_decompression_bomb_png(scratch / "bomb.png").read_bytes()
    latin1 = media.write_latin1_text(scratch / "latin1.txt", _LATIN1_TEXT).read_bytes()
    repetitive = b"2026-09-14 phone call: reply yes.\n" * 400_000  # 13.6 MB, ratio > 1000:1
    return {
        "not-a-pdf": (_base_manifest("REJ-NOT-A-PDF", [_pdf_item("plan.pdf")]), {"plan.pdf": jpeg}),
        "hash-mismatch": (
            _base_manifest("REJ-HASH", [_pdf_item("plan.pdf", sha256=_sha256(pdf + b"\n"))]),
            {"plan.pdf": pdf},
        ),
        "missing-file": (
            _base_manifest(
                "REJ-MISSING", [_pdf_item("plan.pdf"), _pdf_item("log.pdf", sha256=_sha256(pdf))]
            ),
            {"plan.pdf": pdf},
        ),
        "invalid-json": (
            b'{"format": "evidence-bundle/1", "submission_id": "REJ-JSON",\n',
            {"plan.pdf": pdf},
        ),
        "wrong-format": (
            _base_manifest("REJ-FORMAT", [_pdf_item("plan.pdf")]) | {"format": "evidence-bundle/2"},
            {"plan.pdf": pdf},
        ),
        "bomb-png": (
            _base_manifest(
                "REJ-BOMB",
                [
                    {
                        "path": "chart.png",
                        "media_type": "image/png",
                        "part": "artifacts",
                        "title": "Chart",
                    }
                ],
            ),
            {"chart.png": bomb},
        ),
        "latin1-text": (
            _base_manifest(
                "REJ-LATIN1",
                [
                    {
                        "path": "reflection.txt",
                        "media_type": "text/plain",
                        "part": "reflection",
                        "title": "Reflection",
                    }
                ],
            ),
            {"reflection.txt": latin1},
        ),
        "path-traversal": (
            _base_manifest("REJ-TRAVERSAL", [_pdf_item("../plan.pdf")]),
            {"../plan.pdf": pdf},
        ),
        "zip-ratio": (
            _base_manifest(
                "REJ-RATIO",
                [
                    {
                        "path": "log.txt",
                        "media_type": "text/plain",
                        "part": "artifacts",
                        "title": "Contact log",
                    }
                ],
            ),
            {"log.txt": repetitive},
        ),
    }


def _write_symlink_bundle(out: Path, pdf: bytes) -> Path:
    """A zip with a symbolic-link entry, which zipfile cannot write through writestr's API."""
    manifest = _base_manifest("REJ-SYMLINK", [_pdf_item("plan.pdf"), _pdf_item("link.pdf")])
    manifest["evidence"][1]["sha256"] = _sha256(b"../../etc/passwd")
    entries = _manifest_entries(manifest, {"plan.pdf": pdf})
    with _staged(out) as partial, zipfile.ZipFile(partial, "w") as archive:
        for name, source in entries.items():
            data = _read(source)
            archive.writestr(_zip_info(name, data), data)
        link = zipfile.ZipInfo("link.pdf", date_time=_ZIP_DATE_TIME)
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, b"../../etc/passwd")
    return out


def generate_rejected_examples(out_dir: Path) -> dict[str, Path]:
    """Write one zip per rejection reason into `out_dir`; return reason -> path.

    Reasons: not-a-pdf (JPEG bytes listed as application/pdf), hash-mismatch,
    missing-file, invalid-json, wrong-format, bomb-png (pixel count past Pillow's limit),
    latin1-text (text/plain that is not UTF-8), path-traversal (`../` entry), zip-ratio
    (compression ratio past 200:1), symlink (a symbolic-link entry) and not-a-zip.
    Every manifest is otherwise valid, so each bundle breaks exactly one rule.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    with tempfile.TemporaryDirectory(prefix="demo-rejected-") as scratch:
        for reason, (manifest, files) in _rejected_entries(Path(scratch)).items():
            out = out_dir / f"{reason}.zip"
            if isinstance(manifest, bytes):
                written[reason] = write_bundle_files(
                    out, {"manifest.json": manifest, **files}, as_zip=True
                )
            else:
                written[reason] = write_manifest_bundle(out, manifest, files, as_zip=True)
    written["symlink"] = _write_symlink_bundle(out_dir / "symlink.zip", _small_pdf())
    not_zip = out_dir / "not-a-zip.zip"
    with _staged(not_zip) as partial:
        partial.write_bytes(b"This is a text file that someone renamed to .zip.\n")
    written["not-a-zip"] = not_zip
    return written


def generate_warning_examples(out_dir: Path) -> dict[str, Path]:
    """Write bundles that import with a warning, not a rejection; return reason -> path.

    damaged-pdf: a truncated PDF pypdf cannot read; unlisted-file: a file no evidence
    item lists. (The demo set already holds a scanned and an encrypted PDF.)
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    pdf = _small_pdf()
    with tempfile.TemporaryDirectory(prefix="demo-warnings-") as scratch:
        damaged = media.write_damaged_pdf(Path(scratch) / "damaged.pdf").read_bytes()
    damaged_manifest = _base_manifest("WARN-DAMAGED", [_pdf_item("log.pdf")])
    unlisted_manifest = _base_manifest("WARN-UNLISTED", [_pdf_item("plan.pdf")])
    return {
        "damaged-pdf": write_manifest_bundle(
            out_dir / "damaged-pdf.zip", damaged_manifest, {"log.pdf": damaged}, as_zip=True
        ),
        "unlisted-file": write_manifest_bundle(
            out_dir / "unlisted-file.zip",
            unlisted_manifest,
            {"plan.pdf": pdf, "notes/draft.txt": b"Draft I forgot to remove.\n"},
            as_zip=True,
        ),
    }


# ------------------------------------------------------------------------ benchmark

_BENCH_FIRST = (
    "Amara",
    "Diego",
    "Mei",
    "Omar",
    "Ingrid",
    "Kofi",
    "Lucía",
    "Ravi",
    "Zoë",
    "Tariq",
    "Hana",
    "Mateo",
    "Aisha",
    "Pierre",
    "Yuki",
    "Björn",
    "Nia",
    "Iván",
)
_BENCH_LAST = (
    "Adeyemi",
    "Fernández",
    "Takahashi",
    "Haddad",
    "Lindqvist",
    "Boateng",
    "Moreau",
    "Iyer",
    "Kowalski",
    "Nakamura",
    "Okonkwo",
    "García",
    "Schmidt",
)


@dataclass(frozen=True)
class _BenchAssets:
    photos: tuple[bytes, ...]
    portfolios: tuple[bytes, ...]  # large PDFs with embedded photos


def _bench_photo(seed: int, index: int, scratch: Path) -> bytes:
    rng = random.Random(f"bench/{seed}/photo/{index}")
    width, height = ((4032, 3024), (3264, 2448))[index % 2]
    path = media.write_photo_jpeg(
        scratch / f"photo-{index}.jpg",
        width=width,
        height=height,
        rng=rng,
        caption=f"Student work, photo {index + 1}",
        quality=92,
        noise=rng.randint(18, 24),
    )
    return path.read_bytes()


def _bench_portfolio(seed: int, index: int, photos: Sequence[Path]) -> bytes:
    rng = random.Random(f"bench/{seed}/portfolio/{index}")
    earner = rng.choice(EARNERS)
    texts = _Texts(earner, FAMILIES_AS_PARTNERS, rng)
    paragraphs = [*texts.sections(_FAP_PLAN), *texts.contact_log(40)]
    return media.render_text_pdf(
        title=f"Evidence portfolio {index + 1}", paragraphs=paragraphs, pages=6, images=photos
    )


def _bench_assets(seed: int, target_bytes: int, scratch: Path) -> _BenchAssets:
    """A handful of distinct big photos and portfolio PDFs, reused with cheap variations."""
    # Small targets (tests) get a smaller pool: rendering the assets dominates their time.
    photo_count = max(1, min(5, target_bytes // (48 * 1024 * 1024)))
    photos = tuple(_bench_photo(seed, index, scratch) for index in range(photo_count))
    paths = sorted(scratch.glob("photo-*.jpg"))
    per_portfolio = min(3, photo_count)
    portfolio_count = 1 if target_bytes < 64 * 1024 * 1024 else 2
    portfolios = tuple(
        _bench_portfolio(
            seed, index, [paths[(index + k) % len(paths)] for k in range(per_portfolio)]
        )
        for index in range(portfolio_count)
    )
    return _BenchAssets(photos, portfolios)


def _bench_earner(index: int) -> Earner:
    first = _BENCH_FIRST[index % len(_BENCH_FIRST)]
    last = _BENCH_LAST[(index // len(_BENCH_FIRST)) % len(_BENCH_LAST)]
    template = EARNERS[index % len(EARNERS)]
    return Earner(
        f"{first} {last}",
        f"bench.{index:05}@example.com",
        template.school,
        template.grade,
        template.subject,
        template.city,
        template.languages,
        template.focus,
    )


def _bench_bundle(
    index: int, seed: int, assets: _BenchAssets, budget: int
) -> tuple[Json, dict[str, FileSource], int]:
    """One bundle: its own text PDF and answers, then reused media until `budget` bytes."""
    rng = random.Random(f"bench/{seed}/bundle/{index}")
    credential = DEMO_CREDENTIALS[index % len(DEMO_CREDENTIALS)]
    earner = _bench_earner(index)
    texts = _Texts(earner, credential, rng)
    outline = {"FAP": _FAP_PLAN, "CRP": _CRP_LESSON, "GEC": _GEC_UNIT}[credential.prefix]
    plan = media.render_text_pdf(
        title=f"{credential.name}: plan",
        pages=rng.randint(2, 6),
        paragraphs=[*texts.sections(outline), *texts.contact_log(20)],
    )
    files: dict[str, FileSource] = {"evidence/plan.pdf": plan}
    evidence: list[Json] = [
        {"text": texts.overview(0), "part": "overview", "title": credential.questions[0]},
        _pdf_item("evidence/plan.pdf", title="Plan"),
    ]
    size = len(plan)
    while size < budget:
        number = len(files)
        token = f"bench {seed} bundle {index} item {number}"
        if rng.random() < 0.8:
            name, data = (
                f"evidence/photo-{number}.jpg",
                media.jpeg_with_comment(rng.choice(assets.photos), token),
            )
            evidence.append(
                {
                    "path": name,
                    "media_type": "image/jpeg",
                    "part": "artifacts",
                    "title": f"Photo {number}",
                }
            )
        else:
            name = f"evidence/portfolio-{number}.pdf"
            data = media.pdf_with_id(rng.choice(assets.portfolios), token.encode())
            evidence.append(_pdf_item(name, title=f"Portfolio {number}"))
        files[name] = data
        size += len(data)
    evidence.append(
        {"text": texts.reflection(revised=False), "part": "reflection", "title": "Reflection"}
    )
    manifest = {
        "format": BUNDLE_FORMAT,
        "submission_id": f"BENCH-{seed}-{index:05}",
        "attempt": 1,
        "submitted_at": f"2026-10-{1 + index % 28:02}T{8 + index % 12:02}:{index % 60:02}:00-05:00",
        "earner": earner.manifest(),
        "credential": credential.manifest(),
        "evidence": evidence,
    }
    return manifest, files, size


def generate_bench_bundles(
    out_dir: Path,
    *,
    count: int = 200,
    target_bytes: int = 320 * 1024 * 1024,
    seed: int = 1,
) -> list[Path]:
    """Write `count` manifest bundle zips holding at least `target_bytes` of evidence.

    Each bundle has its own text PDF; camera-size JPEGs (2 to 4 MB) and large portfolio
    PDFs with embedded photos fill it up to its share of the target. Those are rendered
    once and varied per use (a JPEG comment, a PDF trailer id) so that no two files share
    a hash. Returns the zip paths in order.
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    total = 0
    with tempfile.TemporaryDirectory(prefix="bench-bundles-") as scratch:
        assets = _bench_assets(seed, target_bytes, Path(scratch))
        for index in range(count):
            # Spread the target evenly: bundle i closes once the running total reaches
            # its share, so the last bundle ends just past target_bytes.
            share = -(-target_bytes * (index + 1) // count)
            manifest, files, size = _bench_bundle(index, seed, assets, share - total)
            total += size
            out = out_dir / f"BENCH-{seed}-{index:05}.zip"
            paths.append(write_manifest_bundle(out, manifest, files, as_zip=True))
    return paths
