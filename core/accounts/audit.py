"""Sign-ins and security changes go to Wagtail's audit log (Reports > Site history)."""

from allauth.account.signals import password_changed, password_reset, password_set
from allauth.mfa.signals import authenticator_added, authenticator_removed, authenticator_reset

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from wagtail.log_actions import log

from .models import User

SIGNED_IN = "accounts.signed_in"
SIGNED_OUT = "accounts.signed_out"
SIGN_IN_FAILED = "accounts.sign_in_failed"
PASSWORD_CHANGED = "accounts.password_changed"  # noqa: S105
PASSWORD_RESET = "accounts.password_reset"  # noqa: S105
MFA_ADDED = "accounts.mfa_added"
MFA_REMOVED = "accounts.mfa_removed"

ACTION_LABELS = {
    SIGNED_IN: ("Signed in", "Signed in"),
    SIGNED_OUT: ("Signed out", "Signed out"),
    SIGN_IN_FAILED: ("Sign-in failed", "A sign-in with a wrong password"),
    PASSWORD_CHANGED: ("Password changed", "Changed their password"),
    PASSWORD_RESET: ("Password reset", "Reset a forgotten password"),
    MFA_ADDED: ("Two-factor added", "Turned on a two-factor method"),
    MFA_REMOVED: ("Two-factor removed", "Turned off a two-factor method"),
}


def record(user, action, *, by_that_person=True, **data):
    """Log `action` against `user`'s account, as done by them unless `by_that_person` is False."""
    if user is None or not getattr(user, "pk", None):
        return
    log(instance=user, action=action, user=user if by_that_person else None, data=data)


@receiver(user_logged_in)
def _signed_in(sender, request, user, **kwargs):
    record(user, SIGNED_IN)


@receiver(user_logged_out)
def _signed_out(sender, request, user, **kwargs):
    record(user, SIGNED_OUT)


@receiver(user_login_failed)
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    email = (credentials or {}).get("email") or (credentials or {}).get("username")
    if email:
        # Whoever typed the wrong password may not be the account's owner: the entry names no one.
        record(
            User.objects.filter(email__iexact=email).first(), SIGN_IN_FAILED, by_that_person=False
        )


@receiver(password_changed)
@receiver(password_set)
def _password_changed(sender, request, user, **kwargs):
    record(user, PASSWORD_CHANGED)


@receiver(password_reset)
def _password_reset(sender, request, user, **kwargs):
    record(user, PASSWORD_RESET)


@receiver(authenticator_added)
@receiver(authenticator_reset)
def _mfa_added(sender, request, user, authenticator, **kwargs):
    record(user, MFA_ADDED, type=authenticator.type)


@receiver(authenticator_removed)
def _mfa_removed(sender, request, user, authenticator, **kwargs):
    record(user, MFA_REMOVED, type=authenticator.type)
