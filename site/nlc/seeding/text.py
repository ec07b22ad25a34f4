"""Words for generated artefacts and responses, drawn from the demo data's own writing.

Each section of a generated artefact is a few sentences taken from the same section of the
demo artefacts (so "what did not work" reads like what did not work), in a new order; titles
combine a practice with a year group and subject. A seeded `random.Random` makes every run the
same.
"""

import random
import re
from functools import cached_property
from html import escape

from artefacts.demo import SECTION_KEYS, demo_data

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“'‘])")

PRACTICES = [
    "Live marking", "Whole-class feedback", "Exit tickets", "Hinge questions", "Lesson study",
    "Pupil researchers", "Reading aloud", "Talk partners", "Bridging units", "Retrieval quizzes",
    "Worked examples", "Sentence stems", "Peer observation trios", "Learning walks",
    "Visualisers", "Mini-whiteboards", "Self-assessment rubrics", "Oracy debates",
    "Vocabulary walls", "Family reading mornings", "Mixed-age maths talk", "Cold calling",
    "Structured group roles", "Pre-teaching vocabulary", "Instructional coaching",
    "Reflection journals", "Concept cartoons", "Knowledge organisers", "Reciprocal reading",
    "Think-pair-share",
]  # fmt: skip
YEAR_GROUPS = ["Reception", *(f"Year {n}" for n in range(1, 14)), "mixed-age classes"]
SUBJECTS = [
    "writing", "reading", "mathematics", "science", "history", "geography", "French", "art",
    "music", "PE", "computing", "design and technology", "RE", "PSHE",
]  # fmt: skip
FORMS = ["in", "for", "across", "with"]
TAG_WORDS = [
    "feedback", "workload", "writing", "reading", "oracy", "questioning", "transition",
    "metacognition", "vocabulary", "inclusion", "send", "eal", "attendance", "behaviour",
    "homework", "marking", "coaching", "lesson study", "pupil voice", "parents", "phonics",
    "fractions", "reasoning", "retrieval", "assessment", "planning", "observation", "rural",
    "early years", "leadership", "wellbeing", "disadvantage", "curriculum", "science enquiry",
    "fieldwork", "mixed age", "cpd", "research", "peer review", "study visit",
]  # fmt: skip


def sentences(text: str) -> list[str]:
    return [part.strip() for part in SENTENCE_END.split(" ".join(text.split())) if part.strip()]


class Words:
    def __init__(self, seed: int):
        self.random = random.Random(seed)

    @cached_property
    def sections(self) -> dict[str, list[str]]:
        """For each section key of the demo data, every sentence written in it."""
        pools: dict[str, list[str]] = {}
        for spec in demo_data("artefacts"):
            for key in [*SECTION_KEYS.values(), "summary"]:
                text = spec.get(key) or ""
                lines = [line.lstrip("-0123456789. ").strip() for line in text.splitlines()]
                for line in lines:
                    pools.setdefault(key, []).extend(sentences(line))
            evidence = spec.get("evidence")
            if evidence:
                pools.setdefault("evidence", []).extend(sentences(evidence["text"]))
        return pools

    @cached_property
    def trial_sentences(self) -> tuple[list[str], list[str]]:
        specs = demo_data("trials")
        contexts = [spec["context"] for spec in specs]
        notes = [sentence for spec in specs for sentence in sentences(spec["note"])]
        return contexts, notes

    @cached_property
    def changes(self) -> list[str]:
        return [s for spec in demo_data("adaptations") for s in sentences(spec["what_we_changed"])]

    def pick(self, pool: list[str], low: int, high: int) -> list[str]:
        return self.random.sample(pool, min(len(pool), self.random.randint(low, high)))

    def title(self) -> str:
        r = self.random
        return (
            f"{r.choice(PRACTICES)} {r.choice(FORMS)} {r.choice(YEAR_GROUPS)} {r.choice(SUBJECTS)}"
        )

    def paragraph(self, key: str, low: int = 2, high: int = 4) -> str:
        return " ".join(self.pick(self.sections[key], low, high))

    def rich(self, key: str, low: int = 2, high: int = 4) -> str:
        """A section as stored rich text: one or two paragraphs, or a list for the steps."""
        chosen = self.pick(self.sections[key], low, high)
        if key in ("did", "steps"):
            tag = "ol" if key == "steps" else "ul"
            items = "".join(f"<li>{escape(sentence)}</li>" for sentence in chosen)
            return f"<{tag}>{items}</{tag}>"
        middle = max(1, len(chosen) // 2)
        parts = [chosen[:middle], chosen[middle:]]
        return "".join(f"<p>{escape(' '.join(part))}</p>" for part in parts if part)

    def trial(self, contexts: list[str] | None = None) -> tuple[str, str]:
        """Where it was tried (one of `contexts`, by default any) and what happened."""
        every, notes = self.trial_sentences
        return self.random.choice(contexts or every), " ".join(self.pick(notes, 2, 3))

    def what_we_changed(self) -> str:
        return f"<p>{escape(' '.join(self.pick(self.changes, 2, 3)))}</p>"

    def tags(self) -> list[str]:
        return self.random.sample(TAG_WORDS, self.random.randint(1, 4))
