"""The one rule for figures drawn from private data: no figure for a group of one to four
people (or things that stand for them), so that no one can be identified from an aggregate."""

from dataclasses import dataclass

MIN_GROUP = 5


def may_show(group_size: int) -> bool:
    """A group of five or more may be shown; so may an empty one (it identifies nobody)."""
    return group_size == 0 or group_size >= MIN_GROUP


@dataclass(frozen=True)
class Counted:
    """A breakdown of a group: its counts by key, shown only when the group may be."""

    total: int
    counts: dict

    @property
    def shown(self) -> bool:
        return may_show(self.total)

    def share(self, key) -> int:
        """Percentage of the group (0 when empty)."""
        return round(100 * self.counts.get(key, 0) / self.total) if self.total else 0
