"""The fictional educators who submit the demo bundles."""

from __future__ import annotations

from dataclasses import dataclass


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

    def manifest(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name, "email": self.email}


# Each row gives the fields in the order Earner declares them: name, email, school,
# grade, subject, city, home languages, and the focus paragraph.
EARNERS: tuple[Earner, ...] = (
    Earner(
        "María José Núñez",
        "maria.nunez@example.org",
        "Lincoln Elementary School",
        "second grade",
        "literacy",
        "Chicago",
        ("Spanish", "Polish", "Arabic"),
        "Every family was offered a home visit in the first six weeks. I went in pairs with "
        "our bilingual aide, stayed no longer than thirty minutes, and asked one question "
        "only: what do you want this year to be like for your child? Families who preferred "
        "not to host me chose a meeting at the public library instead.",
    ),
    Earner(
        "José Luis Peña",
        "jl.pena@example.com",
        "Riverside Middle School",
        "seventh grade",
        "science",
        "San Antonio",
        ("Spanish", "Vietnamese"),
        "The bilingual newsletter goes home every other Friday in English and Spanish, on "
        "paper and as a photo in the class chat. Its last section is always a question for "
        "families, and the tear-off reply slip comes back in the homework folder.",
    ),
    Earner(
        "Liam O'Connor",
        "liam.oconnor@example.org",
        "Harbor View Primary",
        "kindergarten",
        "early literacy",
        "Boston",
        ("Portuguese", "Haitian Creole"),
        "I started a weekly two-minute voice note to each family in the language they "
        "asked for, recorded with help from our Portuguese-speaking paraprofessional, and "
        "families answer with a voice note of their own.",
    ),
    Earner(
        "Hannah Goldberg",
        "hannah.goldberg@example.com",
        "Maple Grove Elementary",
        "fourth grade",
        "mathematics",
        "Minneapolis",
        ("Somali", "Hmong", "Spanish"),
        "I moved our autumn conferences to student-led conferences: each child showed a "
        "folder of work to their family, and families wrote one goal with their child on a "
        "card that stays on the desk all term.",
    ),
    Earner(
        "Samuel Okafor",
        "samuel.okafor@example.org",
        "Eastside Community School",
        "third grade",
        "reading",
        "Houston",
        ("Yoruba", "Igbo", "Spanish"),
        "Families helped plan a family reading night with stories in Yoruba, Igbo and Spanish.",
    ),
    Earner(
        "Kwame Mensah",
        "kwame.mensah@example.org",
        "Columbus Academy of Arts",
        "eighth grade",
        "English language arts",
        "Columbus",
        ("Twi", "Somali", "Nepali"),
        "I audited our classroom library with students: we counted whose stories were on the "
        "shelves and whose were missing, and the class voted on forty new titles bought "
        "with a small grant from the parent association.",
    ),
    Earner(
        "Priya Raghunathan",
        "priya.r@example.com",
        "Sunnyvale Middle School",
        "sixth grade",
        "mathematics",
        "San Jose",
        ("Tamil", "Mandarin", "Spanish"),
        "I used sentence frames and talking partners so that every student explains their "
        "reasoning aloud at least once per lesson, in English or in their home language "
        "with a partner who shares it.",
    ),
    Earner(
        "Ana Lucía Gómez",
        "analucia.gomez@example.org",
        "Valle Verde High School",
        "ninth grade",
        "biology",
        "Albuquerque",
        ("Spanish", "Navajo", "Keres"),
        "Each unit opened with a community connection: students interviewed a relative about "
        "plants used for food or medicine at home, and those interviews became the data set "
        "for our lesson on plant adaptations.",
    ),
    Earner(
        "Nguyễn Thị Lan",
        "lan.nguyen@example.org",
        "Pacific Heights Elementary",
        "fifth grade",
        "social studies",
        "Seattle",
        ("Vietnamese", "Amharic", "Russian"),
        "The unit ended with a field trip to the river restoration site, where students "
        "measured water quality with a scientist from the watershed council and compared "
        "their results with a partner class in Vietnam.",
    ),
    Earner(
        "Sofía Ramírez",
        "sofia.ramirez@example.com",
        "International School of Madrid",
        "sixth grade",
        "geography",
        "Madrid",
        ("Spanish", "English", "Romanian"),
        "Our sister-school video calls with a class in Nairobi ran every second Thursday; "
        "students prepared questions in pairs and kept a shared slide deck of what they "
        "learned about each other's water supply.",
    ),
    Earner(
        "Chen Wei",
        "wei.chen@example.org",
        "Greenwood Middle School",
        "seventh grade",
        "social studies",
        "Oakland",
        ("Cantonese", "Mandarin", "Spanish"),
        "We took a field trip to the neighbourhood market, where students traced where ten "
        "foods came from and interviewed two shop owners about their supply chains.",
    ),
    Earner(
        "Fatima Al-Sayed",
        "fatima.alsayed@example.com",
        "Dearborn Heights Academy",
        "eighth grade",
        "history",
        "Detroit",
        ("Arabic", "Bengali", "English"),
        "Students recorded migration stories: each interviewed an adult who moved to a new "
        "country, and the class mapped the routes and the reasons people gave.",
    ),
    Earner(
        "Tomasz Wójcik",
        "tomasz.wojcik@example.org",
        "Warsaw International School",
        "ninth grade",
        "environmental science",
        "Warsaw",
        ("Polish", "Ukrainian", "English"),
        "The class adopted a stretch of the Vistula bank for a river clean-up and shared "
        "their litter survey with a partner school on the Danube.",
    ),
)


def earner_named(name: str) -> Earner:
    """The demo earner called `name`; StopIteration if there is none."""
    return next(earner for earner in EARNERS if earner.name == name)
