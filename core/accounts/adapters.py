from urllib.parse import urlencode

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from allauth.utils import build_absolute_uri

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    """Keeps allauth's flows; messages and e-mails use the site's own templates."""

    def get_login_redirect_url(self, request):
        return super().get_login_redirect_url(request)

    def get_email_verification_redirect_url(self, email_address) -> str:
        """A person who has not yet said who they are goes on to onboarding once verified:
        straight there when signed in, through the sign-in page otherwise."""
        if email_address.user.has_finished_onboarding:
            return super().get_email_verification_redirect_url(email_address)
        onboarding = reverse("accounts_onboarding")
        if self.request.user.is_authenticated:
            return onboarding
        return f"{reverse('account_login')}?{urlencode({REDIRECT_FIELD_NAME: onboarding})}"

    def send_mail(self, template_prefix: str, email: str, context_data: dict) -> None:
        """Every account e-mail names the site and links to it (site/templates/account/email/)."""
        request = context.request
        site = {
            "site_name": settings.WAGTAIL_SITE_NAME,
            "site_url": build_absolute_uri(request, "/"),
            "sign_in_url": build_absolute_uri(request, reverse("account_login")),
            "forgotten_password_url": build_absolute_uri(
                request, reverse("account_reset_password")
            ),
        }
        super().send_mail(template_prefix, email, {**site, **context_data})

    def get_client_ip(self, request) -> str:
        """The client's address for rate limits (see ALLAUTH_TRUSTED_PROXY_COUNT).

        allauth refuses a request whose X-Forwarded-For lists fewer addresses than there are
        trusted proxies; such a request did not come through them (or forged a short header),
        so it is limited by the address it connected from rather than answered with an error.
        """
        try:
            return super().get_client_ip(request)
        except ImproperlyConfigured:
            return request.META["REMOTE_ADDR"]
