from allauth.account.adapter import DefaultAccountAdapter

from django.core.exceptions import ImproperlyConfigured


class AccountAdapter(DefaultAccountAdapter):
    """Keeps allauth's flows; messages and e-mails use the site's own templates."""

    def get_login_redirect_url(self, request):
        return super().get_login_redirect_url(request)

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
