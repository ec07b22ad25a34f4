"""Networks, their schools and their people, in bulk, on top of the demo networks."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property

from allauth.account.models import EmailAddress

from django.contrib.auth.hashers import make_password
from django.utils import timezone
from django.utils.text import slugify

from core.accounts.demo import DEMO_PASSWORD
from core.accounts.models import User
from core.demo_dates import between
from core.schools.models import School
from networks.demo import FIRST_NAMES, LAST_NAMES
from networks.models import (
    Membership,
    NetworkIndexPage,
    NetworkPage,
    NetworkSchool,
    NetworkStatus,
    Role,
    Theme,
)

from .rows import Inserter, next_id
from .text import Words
from .tree import PageWriter

KINDS = ["Learning Partnership", "Enquiry Network", "Collaborative", "Schools Network", "Alliance"]
FOCUS = ["Reading", "Feedback", "Oracy", "Reasoning", "Transition", "Inclusion", "Curriculum"]
STATUSES = [NetworkStatus.ACTIVE] * 6 + [
    NetworkStatus.SUSTAINING,
    NetworkStatus.FORMING,
    NetworkStatus.CLOSED,
]
SCHOOLS_PER_NETWORK = 10


@dataclass
class Member:
    user_id: int
    school_id: int | None
    role: str
    joined_at: datetime | None = None


@dataclass
class Network:
    id: int
    title: str
    theme_ids: list[int]
    school_ids: list[int]
    people: list[Member] = field(default_factory=list)
    started_at: datetime | None = None  # when its history begins: started, or was set up
    ends_at: datetime | None = None  # closed, or now

    @cached_property
    def writers(self) -> list[Member]:
        return [m for m in self.people if m.role != Role.CRITICAL_FRIEND] or self.people

    @cached_property
    def co_leaders(self) -> list[Member]:
        return [m for m in self.people if m.role == Role.CO_LEADER]


def add_networks(count: int, words: Words, progress) -> int:
    """`count` published network pages under the directory, each with ten schools nobody's
    network has yet (a run of one local authority) and two themes."""
    index = NetworkIndexPage.objects.first()
    rng = words.random
    themes = list(Theme.objects.order_by("pk").values_list("pk", flat=True))
    linked = NetworkSchool.objects.values("school_id")
    free = list(
        School.objects.exclude(pk__in=linked)
        .order_by("region", "local_authority", "urn")
        .values_list("pk", "local_authority")
    )
    writer = PageWriter(
        NetworkPage, ["purpose", "status", "started_on", "planned_span_years", "closed_on"]
    )
    theme_rows = Inserter(NetworkPage.themes.through, ["networkpage", "theme"])
    school_rows = Inserter(NetworkSchool, ["network", "school", "joined_on"])
    taken = set(NetworkPage.objects.values_list("slug", flat=True))
    purposes = words.sections["context"]
    today = timezone.localdate()
    for number in range(count):
        chunk = free[number * SCHOOLS_PER_NETWORK : (number + 1) * SCHOOLS_PER_NETWORK]
        authority = chunk[0][1] if chunk else "National"
        title = f"{authority} {rng.choice(FOCUS)} {rng.choice(KINDS)}"
        slug, suffix = _slug(title), 2
        while slug in taken:
            slug, suffix = f"{_slug(title)}-{suffix}", suffix + 1
        if suffix > 2:
            title = f"{title} {suffix - 1}"
        taken.add(slug)
        status = STATUSES[number % len(STATUSES)]
        # Started within the past two years; a closed network ran for most of its time since.
        started = today - timedelta(days=rng.randrange(60, 720))
        started_on = None if status == NetworkStatus.FORMING else started
        published = timezone.make_aware(datetime.combine(started, time(9)))
        closed_on = None
        if status == NetworkStatus.CLOSED:
            closed_on = started + (today - started) * rng.uniform(0.6, 0.9)
        chosen = rng.sample(themes, 2)
        network_id = writer.add(
            index,
            title=title,
            slug=slug,
            owner_id=None,
            published_at=published,
            fields={
                "purpose": " ".join(rng.sample(purposes, 3)),
                "status": status,
                "started_on": started_on,
                "planned_span_years": 4,
                "closed_on": closed_on,
            },
            relations={"themes": chosen},
        )
        for theme_id in chosen:
            theme_rows.add(network_id, theme_id)
        for school_id, _authority in chunk:
            school_rows.add(network_id, school_id, started_on or started)
        progress(1)
    written = writer.finish()
    theme_rows.flush()
    school_rows.flush()
    return written


def _slug(title: str) -> str:
    return slugify(title)[:80]


def add_people(count: int, words: Words, progress) -> int:
    """`count` people with verified addresses (every one signs in with the demo password),
    spread over every network in turn: the first three in a network without co-leaders lead
    it, the fourth is its critical friend, the others are members of one of its schools."""
    rng = words.random
    networks = list(NetworkPage.objects.order_by("pk").values_list("pk", flat=True))
    schools: dict[int, list[int]] = {}
    for network_id, school_id in NetworkSchool.objects.order_by("pk").values_list(
        "network_id", "school_id"
    ):
        schools.setdefault(network_id, []).append(school_id)
    led = set(Membership.objects.co_leaders().values_list("network_id", flat=True))
    histories = {
        pk: (published, closed_on)
        for pk, published, closed_on in NetworkPage.objects.values_list(
            "pk", "first_published_at", "closed_on"
        )
    }
    seen: dict[int, int] = {}
    password = make_password(DEMO_PASSWORD)  # one hash: hashing 20,000 would take minutes
    now = timezone.now()
    first_user = next_id(User)
    users = Inserter(
        User,
        ["id", "email", "password", "first_name", "last_name", "is_staff", "is_active",
         "is_superuser", "date_joined"],
    )  # fmt: skip
    addresses = Inserter(EmailAddress, ["user", "email", "verified", "primary"])
    memberships = Inserter(Membership, ["network", "user", "role", "school", "joined_at"])
    for number in range(count):
        user_id = first_user + number
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        email = f"{first}.{last}.{user_id}@schools.example.org".lower()
        network_id = networks[number % len(networks)]
        published, closed_on = histories[network_id]
        start = published or now
        until = min(_moment(closed_on), now) if closed_on else now
        joined = between(start, until - timedelta(days=14), rng.random())
        users.add(
            user_id, email, password, first, last, False, True, False, joined - timedelta(days=2)
        )
        addresses.add(user_id, email, True, True)
        place = seen.get(network_id, 0)
        seen[network_id] = place + 1
        role = Role.MEMBER
        if network_id not in led and place < 3:
            role = Role.CO_LEADER
            joined = start
        elif network_id not in led and place == 3:
            role = Role.CRITICAL_FRIEND
        own = schools.get(network_id) or [None]
        school_id = None if role == Role.CRITICAL_FRIEND else own[place % len(own)]
        memberships.add(network_id, user_id, role, school_id, joined)
        progress(1)
    for inserter in (users, addresses, memberships):
        inserter.flush()
    return users.written


def load_networks() -> list[Network]:
    """Every network with its themes, schools and current people, as the loaders use them."""
    now = timezone.now()
    networks = {
        pk: Network(
            pk,
            title,
            [],
            [],
            started_at=min(published or now, now),
            ends_at=min(_moment(closed_on) if closed_on else now, now),
        )
        for pk, title, published, closed_on in NetworkPage.objects.order_by("pk").values_list(
            "pk", "title", "first_published_at", "closed_on"
        )
    }
    through = NetworkPage.themes.through.objects.order_by("pk")
    for network_id, theme_id in through.values_list("networkpage_id", "theme_id"):
        networks[network_id].theme_ids.append(theme_id)
    links = NetworkSchool.objects.filter(left_on__isnull=True).order_by("pk")
    for network_id, school_id in links.values_list("network_id", "school_id"):
        networks[network_id].school_ids.append(school_id)
    people = Membership.objects.current().order_by("pk")
    for network_id, user_id, school_id, role, joined_at in people.values_list(
        "network_id", "user_id", "school_id", "role", "joined_at"
    ):
        networks[network_id].people.append(Member(user_id, school_id, role, joined_at))
    return [network for network in networks.values() if network.people]


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(17)))
