"""What the HTTP benchmarks share: gunicorn on loopback with production settings, and a
keep-alive client that times whole responses.

The site and the floor (floor_app.py) are started with the same gunicorn command line
(`gunicorn_command`): the same worker count and worker class as deploy/, loopback only.
"""

import http.client
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

from harness import ROOT

BENCH = ROOT / "bench"
WORKERS = 2
LOOPBACK = "127.0.0.1"


def production_environment(data_dir: Path, secret_key: str) -> dict[str, str]:
    """DJANGO_ENV=production on the embedded services, in a temporary DATA_DIR, plain HTTP."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "ELASTICSEARCH_URL", "DJANGO_SETTINGS_MODULE", "CACHE_URL"}
    }
    environment.update(
        DJANGO_ENV="production",
        DATA_DIR=str(data_dir),
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS=f"{LOOPBACK},testserver",
        DEBUG="false",
        # Loopback speaks plain HTTP; in production the proxy in front terminates TLS.
        SECURE_SSL_REDIRECT="false",
        PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "site")]),
    )
    return environment


def new_secret_key() -> str:
    return secrets.token_urlsafe(50)


def configure_django_production(environment: dict[str, str]) -> None:
    """This process gets the same settings as the servers (sessions it makes are theirs)."""
    os.environ.clear()
    os.environ.update(environment)
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    from nlc.environment import select_settings_module

    select_settings_module()
    import django

    django.setup()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def gunicorn_command(
    application: str, port: int, *, chdir: Path, log_dir: Path, name: str, workers: int = WORKERS
):
    """deploy/'s gunicorn line (sync workers, access log), two workers unless told, on loopback."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        application,
        "--chdir",
        str(chdir),
        "--bind",
        f"{LOOPBACK}:{port}",
        "--workers",
        str(workers),
        "--timeout",
        "60",
        "--access-logfile",
        str(log_dir / f"{name}-access.log"),
        "--error-logfile",
        str(log_dir / f"{name}-error.log"),
    ]


class Server:
    """A gunicorn master and its workers, stopped (SIGTERM, then SIGKILL) on exit."""

    def __init__(
        self,
        command: list[str],
        port: int,
        environment: dict[str, str],
        ready_path: str,
        output=None,
    ):
        self.command = command
        self.output = output  # a file for the server's own stdout and stderr (tracebacks)
        self.port = port
        self.environment = environment
        self.ready_path = ready_path
        self.process = None

    def __enter__(self) -> "Server":
        self.process = subprocess.Popen(
            self.command,
            env=self.environment,
            cwd=ROOT,
            stdout=self.output,
            stderr=subprocess.STDOUT if self.output else None,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({self.process.returncode}): {self.command}")
            try:
                status, _body, _ms = Client(self.port).get(self.ready_path)
            except OSError:
                time.sleep(0.2)
                continue
            if status < 500:
                return self
            raise RuntimeError(f"{self.ready_path} answered {status} at start-up")
        raise RuntimeError(f"gunicorn did not answer on port {self.port} within 120 s")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Client:
    """One persistent connection; http.client reopens it when the server closes it (gunicorn's
    sync workers close after every response, as deploy/ runs them)."""

    def __init__(self, port: int, cookie: str = ""):
        self.connection = http.client.HTTPConnection(LOOPBACK, port, timeout=60)
        self.headers = {"Host": LOOPBACK, "Connection": "keep-alive", "Accept": "text/html"}
        if cookie:
            self.headers["Cookie"] = cookie

    def get(self, path: str) -> tuple[int, bytes, float]:
        """Status, body and milliseconds from sending the request to the body's last byte."""
        started = time.perf_counter()
        try:
            self.connection.request("GET", path, headers=self.headers)
            response = self.connection.getresponse()
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
            # The server closed an idle connection: one retry on a new one, not timed apart.
            self.connection.close()
            self.connection.request("GET", path, headers=self.headers)
            response = self.connection.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - started) * 1000
        return response.status, body, elapsed

    def close(self) -> None:
        self.connection.close()


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} CPUs)"
