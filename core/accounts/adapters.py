from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Keeps allauth's flows; messages and e-mails use the site's own templates."""

    def get_login_redirect_url(self, request):
        return super().get_login_redirect_url(request)
