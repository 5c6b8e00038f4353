"""Prose for Culturally Responsive Classroom Practice: overview answers and the lesson plan."""

from __future__ import annotations

from reviewer_app.demo.texts_shared import Outline

# What families and students turn out to know about, in the reflection.
CRP_TOPIC = "the topics we studied"
CRP_CONTEXT = (
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
CRP_PRACTICE = (
    "I chose this practice because students learn more when the classroom treats what they "
    "bring from home as knowledge, not as background.",
    "I wanted every student to be heard in every lesson, not only the few who raise their "
    "hands first.",
    "Research on culturally sustaining pedagogy convinced me to start from students' "
    "languages and communities rather than add them at the end.",
    "The practice is small enough to repeat every week, which matters more to me than a "
    "single showcase lesson.",
)
CRP_LESSON: Outline = (
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
