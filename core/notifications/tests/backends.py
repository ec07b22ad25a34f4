"""An e-mail backend for tests whose mail server always refuses, like an SMTP outage."""

from smtplib import SMTPException

from django.core.mail.backends.base import BaseEmailBackend


class FailingEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise SMTPException("The mail server refused the connection.")
