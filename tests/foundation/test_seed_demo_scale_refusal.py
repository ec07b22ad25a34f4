"""`seed_demo --scale ...` builds only on an empty database: otherwise it says why and adds
nothing (the loaded run's second run is refused in test_seed_demo_scale)."""

from io import StringIO

import pytest

from django.core.management import CommandError, call_command

from core.accounts.models import User
from core.schools.models import School


@pytest.mark.django_db
def test_a_database_with_one_school_is_refused_with_what_it_holds():
    School.objects.create(urn=1, name="Oakfield Primary School")

    with pytest.raises(CommandError, match="already holds 1 school: nothing was added"):
        call_command("seed_demo", scale="test", no_progress=True, stdout=StringIO())

    assert (School.objects.count(), User.objects.exists()) == (1, False)
