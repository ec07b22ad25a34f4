import pytest

from core.accounts.factories import UserFactory


@pytest.fixture
def person(db):
    """A verified person who signs in with accounts.factories.TEST_PASSWORD."""
    return UserFactory(email="ada@example.org", first_name="Ada", last_name="Lovelace")
