"""Demo people, one per role. Other apps' demo modules build on them."""

from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress

from django.contrib.auth.models import Group
from django.utils import timezone

from .models import BROKER_GROUP_NAME, User, WorkRole

STAFF_JOINED_DAYS_AGO = 730
DEMO_PASSWORD = "learn-together-2026"  # noqa: S105  (printed by `make run`; demo data only)


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    first_name: str
    last_name: str


DEMO_LOGINS = [
    DemoLogin("Teacher", "teacher@example.org", "Amira", "Hussain"),
    DemoLogin("Network co-leader", "coleader@example.org", "Tom", "Brennan"),
    DemoLogin("National broker", "broker@example.org", "Grace", "Okafor"),
    DemoLogin("Admin", "admin@example.org", "Sam", "Whitfield"),
]


DEMO_WORK_ROLES = {
    "Teacher": WorkRole.TEACHER,
    "Network co-leader": WorkRole.LEADER,
    "National broker": WorkRole.OUTSIDE,  # national staff, not in a school
    "Admin": WorkRole.OUTSIDE,
}


def demo_user(email: str, first_name: str, last_name: str, **flags) -> User:
    """Create the person once; later runs find them and change nothing."""
    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": first_name, "last_name": last_name, **flags}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def seed(log) -> None:
    for login in DEMO_LOGINS:
        flags = {"is_staff": True, "is_superuser": True} if login.role == "Admin" else {}
        flags["work_role"] = DEMO_WORK_ROLES[login.role]
        if flags["work_role"] == WorkRole.OUTSIDE:
            # National staff were here from the start (the networks' people sign up later).
            flags["date_joined"] = timezone.now() - timedelta(days=STAFF_JOINED_DAYS_AGO)
        user = demo_user(login.email, login.first_name, login.last_name, **flags)
        if login.role == "National broker":
            user.groups.add(Group.objects.get(name=BROKER_GROUP_NAME))
    log(f"{len(DEMO_LOGINS)} demo logins")
