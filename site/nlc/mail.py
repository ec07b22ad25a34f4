"""The embedded e-mail backend: every message is kept as a file and echoed to the console."""

import sys

from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.core.mail.backends.filebased import EmailBackend as FileBackend


class FileAndConsoleEmailBackend(FileBackend):
    def send_messages(self, email_messages):
        sent = super().send_messages(email_messages)
        if email_messages:
            ConsoleBackend(stream=sys.stdout).send_messages(email_messages)
        return sent
