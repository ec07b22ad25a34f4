from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "core.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        # Connect the signal receivers: sign-in and security events, released e-mail listings.
        from . import audit, claims  # noqa: F401
