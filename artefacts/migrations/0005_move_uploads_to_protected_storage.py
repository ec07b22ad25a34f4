"""Move uploads out of the folder the production proxy used to serve publicly (issue #15.8).

Until now uploads lived in DATA_DIR/media and the documented proxy served /media/ from it, so
anyone with a link had the file. They now live in MEDIA_ROOT (DATA_DIR/protected), which only
permission-checked views serve. Stored names are relative to the storage, so the rows need no
change: every file under settings.LEGACY_MEDIA_ROOT moves to the same relative path under
MEDIA_ROOT. A file already there is left where it is (and reported); running it again moves
whatever is left. Self-contained, as migrations must stay runnable whatever the code becomes.
"""

import os
import shutil
from pathlib import Path

from django.conf import settings
from django.db import migrations


def move_tree(source: Path, destination: Path) -> tuple[int, list[str]]:
    """Move every file under `source` to the same relative path under `destination`, never
    overwriting; remove the folders it empties. Returns (files moved, names left behind)."""
    source, destination = Path(source), Path(destination)
    if not source.is_dir() or source.resolve() == destination.resolve():
        return 0, []
    moved, left = 0, []
    for folder, _subfolders, names in os.walk(source):
        for name in names:
            path = Path(folder) / name
            relative = path.relative_to(source)
            target = destination / relative
            if target.exists():
                left.append(str(relative))
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(path), str(target))
            moved += 1
    for folder, _subfolders, _names in sorted(os.walk(source), key=lambda row: -len(row[0])):
        if Path(folder) != source and not any(Path(folder).iterdir()):
            Path(folder).rmdir()
    return moved, left


def move_uploads(apps, schema_editor):
    legacy = getattr(settings, "LEGACY_MEDIA_ROOT", None)
    if not legacy:
        return
    moved, left = move_tree(Path(legacy), Path(settings.MEDIA_ROOT))
    if moved or left:
        print(f"\n  Moved {moved} uploaded files from {legacy} to {settings.MEDIA_ROOT}.")
    for name in left:
        print(f"  Not moved (a file of that name is already in {settings.MEDIA_ROOT}): {name}")


class Migration(migrations.Migration):
    dependencies = [("artefacts", "0004_trial_moderation_and_adaptation_notices")]

    operations = [migrations.RunPython(move_uploads, migrations.RunPython.noop, elidable=False)]
