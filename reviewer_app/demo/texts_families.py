"""Prose for Families as Partners: overview answers, the communication plan, the contact log."""

from __future__ import annotations

from reviewer_app.demo.texts_shared import Outline

# What families and students turn out to know about, in the reflection.
FAP_TOPIC = "their children's learning at home"
FAP_CONTEXT = (
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
FAP_GOAL = (
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
FAP_PLAN: Outline = (
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
LOG_MODES = (
    "phone call",
    "phone call with interpreter",
    "text message (translated)",
    "home visit",
    "conversation at pick-up",
    "note in Friday folder",
    "video call",
    "voice note",
)
LOG_TOPICS = (
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
