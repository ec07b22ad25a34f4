"""Factories for networks, their people, schools, invitations and decisions.

Tests and demo data build networks through these. They write rows directly and do not go through
networks.services (no notifications, no audit log).

SchoolFactory is the schools register's own (core.schools.factories), re-exported here.
"""

import hashlib
from datetime import timedelta

import factory

from django.utils import timezone
from django.utils.text import slugify

from core.accounts.factories import UserFactory
from core.schools.factories import SchoolFactory

from .models import (
    Decision,
    DecisionKind,
    Invitation,
    JoinRequest,
    Membership,
    NetworkIndexPage,
    NetworkPage,
    NetworkSchool,
    NetworkStatus,
    Role,
    Theme,
)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.LazyAttribute(lambda theme: slugify(theme.name))
    description = "A focus theme."


class NetworkPageFactory(factory.django.DjangoModelFactory):
    """A live NetworkPage under the directory (NetworkIndexPage).

    `NetworkPageFactory(themes=[theme])` sets its themes; `parent=` puts it elsewhere.
    """

    class Meta:
        model = NetworkPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Learning Network {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    purpose = "Schools working together on a shared challenge in their classrooms."
    status = NetworkStatus.FORMING
    live = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        parent = parent or NetworkIndexPage.objects.get()
        page = model_class(**kwargs)
        parent.add_child(instance=page)
        return page

    @factory.post_generation
    def themes(page, create, extracted, **kwargs):
        if create and extracted:
            page.themes.set(extracted)
            page.save()


class ActiveNetworkFactory(NetworkPageFactory):
    status = NetworkStatus.ACTIVE
    started_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=200))


class MembershipFactory(factory.django.DjangoModelFactory):
    """A current membership (a member by default, with a school)."""

    class Meta:
        model = Membership

    network = factory.SubFactory(NetworkPageFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.MEMBER
    school = factory.SubFactory(SchoolFactory)


class CoLeaderFactory(MembershipFactory):
    role = Role.CO_LEADER


class CriticalFriendFactory(MembershipFactory):
    role = Role.CRITICAL_FRIEND
    school = None


class NetworkSchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkSchool

    network = factory.SubFactory(NetworkPageFactory)
    school = factory.SubFactory(SchoolFactory)
    joined_on = factory.LazyFunction(timezone.localdate)


class InvitationFactory(factory.django.DjangoModelFactory):
    """A pending invitation. The raw token is kept on the instance as `.token`."""

    class Meta:
        model = Invitation

    network = factory.SubFactory(NetworkPageFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    role = Role.MEMBER
    school = factory.SubFactory(SchoolFactory)
    invited_by = factory.SubFactory(UserFactory)
    token = factory.Sequence(lambda n: f"factory-invitation-token-{n:06d}-abcdefghijklmnop")
    token_hash = factory.LazyAttribute(lambda inv: hashlib.sha256(inv.token.encode()).hexdigest())
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        token = kwargs.pop("token", None)
        invitation = super()._create(model_class, *args, **kwargs)
        invitation.token = token
        return invitation


class JoinRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JoinRequest

    network = factory.SubFactory(NetworkPageFactory)
    user = factory.SubFactory(UserFactory)
    school = factory.SubFactory(SchoolFactory)
    message = "We are working on the same challenge and would like to join."


class DecisionFactory(factory.django.DjangoModelFactory):
    """A pending two-key decision; give `target` for co-leadership kinds."""

    class Meta:
        model = Decision

    network = factory.SubFactory(NetworkPageFactory)
    kind = DecisionKind.CLOSE_NETWORK
    target = None
    proposed_by = factory.SubFactory(UserFactory)
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
