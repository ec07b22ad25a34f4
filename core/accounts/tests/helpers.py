"""What the accounts tests (and the cross-cutting ones in tests/) share: signing in as a person
would, reading links out of e-mails, and reading the audit log."""

import re

from django.core import mail
from django.urls import reverse

from wagtail.models import ModelLogEntry

LINK = re.compile(r"https?://[^\s<>\"]+")


def sign_in(client, email: str, password: str):
    """Post the sign-in form, following redirects, and return the final response."""
    return client.post(
        reverse("account_login"), {"login": email, "password": password}, follow=True
    )


def is_signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def link_in_last_email(to: str, containing: str) -> str:
    """The first link in the newest e-mail to `to` whose URL contains `containing`."""
    messages = [message for message in mail.outbox if to in message.to]
    assert messages, f"No e-mail was sent to {to}"
    links = [link for link in LINK.findall(messages[-1].body) if containing in link]
    assert links, f"No link containing {containing!r} in:\n{messages[-1].body}"
    return links[0]


def audit_actions(user) -> list[str]:
    """The actions Wagtail's audit log holds for this person, oldest first."""
    return list(
        ModelLogEntry.objects.for_instance(user)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
