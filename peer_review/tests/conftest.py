import pytest

from .world import build_world, open_cycle


@pytest.fixture
def world(db, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return build_world()


@pytest.fixture
def cycle(world):
    return open_cycle(world)
