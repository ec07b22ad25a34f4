"""How much `seed_demo --scale <name>` builds: the totals the database holds when it is done.

The demo data is loaded first (its logins and curated examples stay usable at every scale) and
the bulk loaders make up the difference to these totals, so the counts are exact whatever the
demo data holds. Adaptations are artefacts that adapt another one: they count among
`artefacts`, and with the "we tried this" responses they make `responses`.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    name: str
    networks: int
    schools: int
    people: int
    artefacts: int
    responses: int  # "we tried this" responses plus adaptations
    visits: int  # study-visit offers, each with sessions
    review_cycles: int

    @property
    def adaptations(self) -> int:
        return self.artefacts // 10

    @property
    def trials(self) -> int:
        return self.responses - self.adaptations


NATIONAL = Scale(
    name="national",
    networks=150,
    schools=1_500,
    people=20_000,
    artefacts=100_000,
    responses=400_000,
    visits=2_000,
    review_cycles=300,
)
REGIONAL = Scale(
    name="regional",
    networks=15,
    schools=150,
    people=2_000,
    artefacts=10_000,
    responses=40_000,
    visits=200,
    review_cycles=30,
)
# Small enough for the test suite, big enough that every loader writes rows.
TEST = Scale(
    name="test",
    networks=11,
    schools=80,
    people=120,
    artefacts=150,
    responses=400,
    visits=14,
    review_cycles=12,
)

SCALES = {scale.name: scale for scale in (NATIONAL, REGIONAL, TEST)}
