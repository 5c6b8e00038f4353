"""The demo micro-credentials an earner can submit evidence for, and the rubric parts."""

from __future__ import annotations

from dataclasses import dataclass

RUBRIC_PARTS = ("overview", "artifacts", "reflection")


@dataclass(frozen=True)
class Credential:
    """A demo micro-credential: its achievement id, name and overview questions."""

    id: str
    name: str
    prefix: str  # submission id prefix, as the issuing platform numbers attempts
    questions: tuple[str, ...]

    def manifest(self) -> dict[str, str]:
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
