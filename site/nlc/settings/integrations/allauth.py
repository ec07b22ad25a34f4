"""django-allauth: e-mail sign-in, mandatory verification, TOTP two-factor and rate limits."""

from ..env import env

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Networked Learning] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if not env("DEBUG") else "http"
ACCOUNT_LOGIN_BY_CODE_ENABLED = False
ACCOUNT_PREVENT_ENUMERATION = True
# Failed log-ins are limited per account ("key": a few guesses lock that account only) and,
# more loosely, per client address, so one person typing wrong passwords cannot lock out a
# whole school behind one address.
ACCOUNT_RATE_LIMITS = {
    "login_failed": env("LOGIN_FAILURES_ALLOWED"),
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
# How many reverse proxies in front of the site append to X-Forwarded-For. 0 (the default):
# the header is ignored, since anyone can send it, and the client is the connection's address.
ALLAUTH_TRUSTED_PROXY_COUNT = env("TRUSTED_PROXY_COUNT")
ACCOUNT_ADAPTER = "core.accounts.adapters.AccountAdapter"
# An address someone else listed without verifying it does not block its owner's sign-up.
ACCOUNT_FORMS = {"signup": "core.accounts.forms.SignupForm"}

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Networked Learning"
