"""Test-only e-mail delivery for worker processes started by the fault tests: each message is
written to a file, as in development, after announcing itself (a marker file named by
SLOW_MAIL_MARKER) and waiting SLOW_MAIL_SECONDS, as a slow SMTP server would keep it."""

import os
import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend as FileBackend


class SlowFileEmailBackend(FileBackend):
    def send_messages(self, email_messages):
        if marker := os.environ.get("SLOW_MAIL_MARKER"):
            Path(marker).write_text(", ".join(", ".join(m.to) for m in email_messages))
        time.sleep(float(os.environ.get("SLOW_MAIL_SECONDS", "0")))
        return super().send_messages(email_messages)
