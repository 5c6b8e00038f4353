"""Composes one earner's texts for one credential from the prose pools, using a seeded rng.

Templates in the pools may name {school}, {grade}, {subject}, {city}, {languages},
{lang} (the earner's first home language), {country} and {topic}.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from reviewer_app.demo.credentials import Credential
from reviewer_app.demo.earners import Earner
from reviewer_app.demo.texts_classroom import CRP_CONTEXT, CRP_LESSON, CRP_PRACTICE, CRP_TOPIC
from reviewer_app.demo.texts_families import (
    FAP_CONTEXT,
    FAP_GOAL,
    FAP_PLAN,
    FAP_TOPIC,
    LOG_MODES,
    LOG_TOPICS,
)
from reviewer_app.demo.texts_global import GEC_CONNECT, GEC_CONTEXT, GEC_TOPIC, GEC_UNIT
from reviewer_app.demo.texts_shared import REFLECTION, REFLECTION_REVISED, STUDENT_WORK, Outline


@dataclass(frozen=True)
class Prose:
    """One credential's pools: one per overview question, its plan outline, its topic."""

    answers: tuple[Sequence[str], Sequence[str]]
    outline: Outline
    topic: str


# By credential prefix.
PROSE = {
    "FAP": Prose((FAP_CONTEXT, FAP_GOAL), FAP_PLAN, FAP_TOPIC),
    "CRP": Prose((CRP_CONTEXT, CRP_PRACTICE), CRP_LESSON, CRP_TOPIC),
    "GEC": Prose((GEC_CONTEXT, GEC_CONNECT), GEC_UNIT, GEC_TOPIC),
}


class Texts:
    """Composes one earner's texts for one credential from the pools, using `rng`."""

    def __init__(self, earner: Earner, credential: Credential, rng: random.Random) -> None:
        self.earner = earner
        self.prose = PROSE[credential.prefix]
        self.rng = rng
        self.context = {
            "school": earner.school,
            "grade": earner.grade,
            "subject": earner.subject,
            "city": earner.city,
            "languages": join(earner.languages),
            "lang": earner.languages[0],
            "country": rng.choice(("Mexico", "Ghana", "Vietnam", "Poland", "Somalia")),
            "topic": self.prose.topic,
        }

    def fill(self, template: str) -> str:
        return template.format(**self.context)

    def pick(self, pool: Sequence[str], count: int) -> list[str]:
        return [self.fill(text) for text in self.rng.sample(list(pool), min(count, len(pool)))]

    def overview(self, question: int) -> str:
        body = self.pick(self.prose.answers[question], 3)
        if question == 0:
            opening = (
                f"I teach {self.earner.grade} {self.earner.subject} at {self.earner.school} in "
                f"{self.earner.city}. My students speak {join(self.earner.languages)} at home."
            )
            return " ".join([opening, *body])
        return " ".join([self.earner.focus, *body])

    def sections(self, outline: Outline) -> list[str]:
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
                f"{self.rng.choice(LOG_MODES)}: {self.rng.choice(LOG_TOPICS)}. "
                f"Reply: {self.rng.choice(('yes', 'yes', 'yes, next day', 'not yet'))}."
            )
        return lines

    def reflection(self, *, revised: bool) -> str:
        paragraphs = self.pick(REFLECTION, 3)
        if revised:
            paragraphs = [*self.pick(REFLECTION_REVISED, 2), *paragraphs]
        return "\n\n".join(paragraphs)

    def student_work(self, count: int) -> list[list[str]]:
        pages = []
        for title, text in self.rng.sample(STUDENT_WORK, min(count, len(STUDENT_WORK))):
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


def join(items: Sequence[str]) -> str:
    """Lists items as prose: "a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
