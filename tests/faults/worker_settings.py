"""Development settings for the worker processes of the fault tests: e-mail goes through the
slow test backend into DATA_DIR/mail."""

from nlc.settings.dev import *  # noqa: F403

EMAIL_BACKEND = "tests.faults.slow_mail.SlowFileEmailBackend"
