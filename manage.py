#!/usr/bin/env python
"""Django's command-line utility, run from the repository root."""

import os
import sys
from pathlib import Path

# The project package lives in site/ (a plain folder, because "site" is a standard-library module).
sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))


def main():
    from nlc.environment import select_settings_module

    select_settings_module()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
