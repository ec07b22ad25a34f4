"""Who may see the register in the admin and import GIAS files: a matrix of people × actions."""

import pytest

from django.contrib.auth.models import AnonymousUser

from core.accounts.factories import AdminFactory, BrokerFactory, UserFactory
from core.schools.permissions import can_import_schools, can_view_school_register

PEOPLE = {
    "anonymous": lambda: AnonymousUser(),
    "ordinary user": lambda: UserFactory(),
    "staff without superuser": lambda: UserFactory(is_staff=True),
    "broker": lambda: BrokerFactory(),
    "admin": lambda: AdminFactory(),
    "inactive admin": lambda: AdminFactory(is_active=False),
}
ALLOWED = {"broker", "admin"}
ACTIONS = {"import schools": can_import_schools, "view the register": can_view_school_register}


@pytest.mark.django_db
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("person", PEOPLE)
def test_only_brokers_and_admins_may(person, action):
    user = PEOPLE[person]()

    assert ACTIONS[action](user) is (person in ALLOWED)
