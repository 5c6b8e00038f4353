"""Prose for Global Education in the Classroom: overview answers and the unit plan."""

from __future__ import annotations

from reviewer_app.demo.texts_shared import Outline

# What families and students turn out to know about, in the reflection.
GEC_TOPIC = "the places and people we studied"
GEC_CONTEXT = (
    "Our unit addresses access to clean water, one of the United Nations Sustainable "
    "Development Goals, through the river that runs past our school.",
    "Many students have relatives in other countries, so global questions are also family "
    "questions for them.",
    "The unit asks how everyday choices here, such as what we eat and what we throw away, "
    "connect to people far away.",
    "Students compare data they collect locally with data from a partner class abroad.",
    "We read news from three countries about the same event and compare how it is told.",
)
GEC_CONNECT = (
    "Students exchanged letters and short videos with a partner class and answered each "
    "other's questions about daily life.",
    "A guest speaker from a local refugee resettlement agency answered students' questions "
    "by video.",
    "Students presented their findings to families and to the partner school in a final "
    "online exhibition.",
    "Each group chose one organisation working on the issue and wrote to it with a question.",
)
GEC_UNIT: Outline = (
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
