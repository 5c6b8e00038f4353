"""Prose every credential shares: reflections and student work, and the outline shape."""

from __future__ import annotations

from collections.abc import Sequence

# A plan document: numbered sections, each a heading and a pool of paragraphs.
Outline = Sequence[tuple[str, Sequence[str]]]

REFLECTION = (
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
REFLECTION_REVISED = (
    "In my first submission the reflection described what I did but not what I learned. "
    "Following the assessor's feedback, I now connect each change to evidence from students "
    "and families.",
    "The feedback asked how I would know the practice worked. I added the numbers from my "
    "log: replies rose from 9 of 24 families in September to 21 of 24 in October.",
    "I have also named what I would do differently: start smaller, and ask families to "
    "help design the next step.",
)
STUDENT_WORK = (
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
