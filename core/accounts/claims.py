"""E-mail addresses someone listed without verifying them do not stand in the owner's way.

With ACCOUNT_UNIQUE_EMAIL and enumeration prevention, allauth treats any listed address as taken:
whoever adds a colleague's address to their own account (it stays unverified, since they cannot
open the colleague's mail) would stop that colleague from signing up, and so from accepting an
invitation. Only a verified address, or the address an account signs in with, is a claim here;
when the owner verifies the address, the unverified listings elsewhere are removed.
"""

from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed

from django.dispatch import receiver

from .models import User


def is_claimed(email: str) -> bool:
    """Whether an account signs in with this address or has verified it."""
    return (
        User.objects.filter(email__iexact=email).exists()
        or EmailAddress.objects.filter(email__iexact=email, verified=True).exists()
    )


@receiver(email_confirmed)
def _release_unverified_listings(sender, request, email_address, **kwargs):
    EmailAddress.objects.filter(email__iexact=email_address.email, verified=False).exclude(
        user_id=email_address.user_id
    ).delete()
