from tests.world import closed_network, world  # noqa: F401
