import pytest

from core.accounts.factories import AdminFactory, BrokerFactory, UserFactory


@pytest.fixture(autouse=True)
def uploads_in_tmp(settings, tmp_path):
    """Uploaded CSVs are stored under MEDIA_ROOT: keep them out of data/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def admin_user(db):
    return AdminFactory(email="admin@example.org")


@pytest.fixture
def broker(db):
    return BrokerFactory(email="broker@example.org")


@pytest.fixture
def ordinary_user(db):
    return UserFactory(email="teacher@example.org")
