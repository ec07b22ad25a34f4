"""Run every benchmark in this folder (`make bench`); exit non-zero if any misses its goal."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        sys.stdout.write(f"== {script.name}\n")
        sys.stdout.flush()
        if subprocess.run([sys.executable, str(script)], check=False).returncode != 0:
            failed.append(script.name)
    if failed:
        sys.stdout.write(f"Missed their goal or failed: {', '.join(failed)}\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
