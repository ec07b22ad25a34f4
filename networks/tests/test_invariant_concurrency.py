"""Two co-leaders leaving at the same moment cannot leave an active network with one co-leader.

Runs with real transactions in two threads (each thread has its own database connection). On
PostgreSQL the second transaction waits on the network row's lock and re-counts after the first
commits; on SQLite the IMMEDIATE transaction mode serialises the two writers the same way.
Serialized rollback puts back the data migrations' rows (the directory page) afterwards.
"""

import threading

import pytest

from django.db import OperationalError, close_old_connections, connection

from networks import services
from networks.models import Membership, Role
from tests.world import build_network


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_co_leaders_leaving_cannot_leave_fewer_than_two():
    network = build_network(co_leaders=3, members=0)
    leavers = [m.user for m in network.co_leader_memberships[:2]]
    barrier = threading.Barrier(len(leavers))
    outcomes = []

    first_done = threading.Event()

    def leave(user):
        try:
            barrier.wait(timeout=10)
            for attempt in range(2):
                try:
                    services.leave_network(network=network, by=user)
                    outcomes.append("left")
                    break
                except services.CoLeadershipRule as error:
                    outcomes.append(error.message)
                    break
                except OperationalError as error:
                    # SQLite's shared in-memory test database refuses a second writer outright
                    # ("database table is locked") where a file database waits: wait for the
                    # first transaction to finish, then try again, as a retried request would.
                    if "locked" not in str(error) or attempt:
                        raise
                    first_done.wait(timeout=10)
        except Exception as error:  # reported by the assertion below, not lost in the thread
            outcomes.append(repr(error))
        finally:
            first_done.set()
            connection.close()

    threads = [threading.Thread(target=leave, args=(user,)) for user in leavers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    close_old_connections()

    assert sorted(outcomes, key=len) == [
        "left",
        f"{network.title} must always have at least two co-leaders. "
        "Appoint another co-leader first.",
    ]
    assert Membership.objects.current().filter(network=network, role=Role.CO_LEADER).count() == 2
