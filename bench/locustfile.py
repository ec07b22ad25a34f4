"""The load test's people, for locust; bench/bench_load.py builds the plan and runs it.

    locust --headless -u 50 -r 10 -t 2m --host http://127.0.0.1:PORT -f bench/locustfile.py

NLC_LOAD_PLAN names the JSON plan bench_load.py wrote: the pages, the session cookies of the
signed-in people, the submitted artefacts each co-leader may decide and the broker's
collections and artefacts. Every POST is written to NLC_LOAD_WRITES (one JSON line each, with
its status), so that bench_load.py can check each acknowledged write against the database.

Fifty users: 31 anonymous readers, 12 searching teachers, 6 co-leaders moderating and 1 broker
(`fixed_count`), each waiting 1 to 5 seconds between actions, as a person reading would.
"""

import itertools
import json
import os
import random
import re
import threading
from pathlib import Path

from locust import HttpUser, between, task

PLAN = json.loads(Path(os.environ["NLC_LOAD_PLAN"]).read_text(encoding="utf-8"))
WRITES = open(os.environ["NLC_LOAD_WRITES"], "a", encoding="utf-8")  # noqa: SIM115
WRITES_LOCK = threading.Lock()
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
QUEUE_LOCK = threading.Lock()
WAIT = between(1, 5)


def record(kind: str, status: int, **details) -> None:
    acknowledged = 200 <= status < 400
    with WRITES_LOCK:
        WRITES.write(json.dumps({"kind": kind, "status": status, "ok": acknowledged, **details}))
        WRITES.write("\n")
        WRITES.flush()


class SignedIn(HttpUser):
    """A person with a session made by bench_load.py. Production marks cookies Secure, which a
    client on plain loopback HTTP would not send back: the CSRF and messages cookies the site
    sets are kept by hand (in production the proxy terminates TLS)."""

    abstract = True
    cookie = ""

    def on_start(self) -> None:
        name, _, value = self.cookie.partition("=")
        self.client.cookies.set(name, value)

    def keep_cookies(self, response) -> None:
        for answer in [*response.history, response]:
            for cookie in answer.cookies:
                self.client.cookies.set(cookie.name, cookie.value)

    def form_page(self, path: str, name: str) -> str | None:
        """GET a page with a form; the CSRF token in it, or None (a failure already counted)."""
        with self.client.get(path, name=name, catch_response=True) as response:
            self.keep_cookies(response)
            found = CSRF_FIELD.search(response.text or "")
            if response.status_code != 200 or not found:
                response.failure(f"{response.status_code}, no form")
                return None
            return found.group(1)

    def post(self, path: str, data: dict, *, name: str, expect: int = 302):
        with self.client.post(
            path, data, name=name, allow_redirects=False, catch_response=True
        ) as r:
            self.keep_cookies(r)
            if r.status_code != expect:
                r.failure(f"{r.status_code}, expected {expect}")
            return r


class AnonymousReader(HttpUser):
    fixed_count = 31
    wait_time = WAIT

    @task
    def read(self) -> None:
        path, name = random.choice(PLAN["anonymous"])
        self.client.get(path, name=name)


class SearchingTeacher(SignedIn):
    fixed_count = 12
    wait_time = WAIT
    teachers = itertools.cycle(PLAN["teachers"])

    def on_start(self) -> None:
        self.cookie = next(self.teachers)
        super().on_start()

    @task(3)
    def search_page(self) -> None:
        self.client.get("/search/", params={"q": random.choice(PLAN["queries"])}, name="/search/")

    @task(2)
    def search_api(self) -> None:
        self.client.get(
            "/api/v1/search/",
            params={"q": random.choice(PLAN["queries"])},
            name="/api/v1/search/",
            headers={"Accept": "application/json"},
        )

    @task(1)
    def read_result(self) -> None:
        path, name = random.choice(PLAN["signed_in"])
        self.client.get(path, name=f"{name} (signed in)")


class ModeratingCoLeader(SignedIn):
    """Opens a submitted artefact's workspace, then approves it or returns it with a comment.
    Each artefact is handed to one co-leader only, so no decision is refused as already made."""

    fixed_count = 6
    wait_time = WAIT
    moderators = itertools.cycle(PLAN["moderators"])

    def on_start(self) -> None:
        self.mine = next(self.moderators)
        self.cookie = self.mine["cookie"]
        super().on_start()

    def next_artefact(self) -> int | None:
        with QUEUE_LOCK:
            return self.mine["artefacts"].pop() if self.mine["artefacts"] else None

    @task
    def moderate(self) -> None:
        artefact_id = self.next_artefact()
        if artefact_id is None:
            self.client.get("/artefacts/yours/", name="/artefacts/yours/")
            return
        workspace = f"/artefacts/{artefact_id}/"
        token = self.form_page(workspace, "/artefacts/[id]/")
        if token is None:
            return
        if random.random() < 0.5:
            response = self.post(
                f"{workspace}approve/",
                {"csrfmiddlewaretoken": token, "go_live_at": ""},
                name="/artefacts/[id]/approve/",
            )
            record("approve", response.status_code, artefact=artefact_id)
        else:
            comment = f"Load test: please add the observers' notes ({artefact_id})."
            response = self.post(
                f"{workspace}request-changes/",
                {"csrfmiddlewaretoken": token, "comment": comment},
                name="/artefacts/[id]/request-changes/",
            )
            record("return", response.status_code, artefact=artefact_id, comment=comment)
        if response.status_code == 302:
            self.client.get(workspace, name="/artefacts/[id]/")


class Broker(SignedIn):
    """Reads the spread page and the collections, and adds artefacts to draft collections."""

    fixed_count = 1
    wait_time = WAIT

    def on_start(self) -> None:
        self.cookie = PLAN["broker"]["cookie"]
        self.pairs = list(PLAN["broker"]["pairs"])
        super().on_start()

    @task(2)
    def spread(self) -> None:
        self.client.get("/broker/spread/", name="/broker/spread/")

    @task(2)
    def collections(self) -> None:
        self.client.get("/broker/collections/", name="/broker/collections/")

    @task(3)
    def add_item(self) -> None:
        if not self.pairs:
            return
        collection_id, artefact_id = self.pairs.pop()
        edit = f"/broker/collections/{collection_id}/"
        token = self.form_page(edit, "/broker/collections/[id]/")
        if token is None:
            return
        note = f"Load test: worth reading for its method ({artefact_id})."
        response = self.post(
            f"{edit}items/",
            {"csrfmiddlewaretoken": token, "artefact": str(artefact_id), "note": note},
            name="/broker/collections/[id]/items/",
        )
        record(
            "add_item",
            response.status_code,
            collection=collection_id,
            artefact=artefact_id,
            note=note,
        )
