"""Benchmark: comparing two versions of the largest artefact (issue #15, item 7).

    .venv/bin/python bench/bench_compare.py [--repeat 5]

Builds two versions of an artefact at the largest size its fields allow (title 255 characters,
summary 600, each section's text at its maximum: 20,000 characters, 5,000 for what we changed;
artefacts.models.pages) in which every tenth word of every paragraph
changed, the worst case for a word diff, and times `artefacts.diff.compare` on them (no database:
the pages are not saved). Goal: under one second. Exits with status 1 if it misses it.
"""

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from harness import configure_django, say

GOAL_SECONDS = 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="nlc-bench-compare-"))
    try:
        configure_django(data_dir)
        from artefacts.diff import Budget, compare
        from artefacts.tests.test_diff import largest_artefact_pair

        old, new = largest_artefact_pair()
        timings = []
        for _ in range(args.repeat):
            budget = Budget()
            started = time.perf_counter()
            compare(old, new, budget=budget)
            timings.append(time.perf_counter() - started)
        worst = max(timings)
        say(
            f"compare, largest artefact: worst {worst:.3f} s of {args.repeat} "
            f"({budget.spent:,} word pairs, {budget.passages_shown_whole} passages shown whole)"
        )
        if worst >= GOAL_SECONDS:
            say(f"MISSED: goal under {GOAL_SECONDS} s")
            return 1
        return 0
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
