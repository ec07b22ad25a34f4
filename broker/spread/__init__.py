"""How learning moves between networks: the figures of /broker/spread/.

`sources` reads the platform, one function per source of evidence of spread (adaptations, “we
tried this” responses, accepted introductions; study visits and peer reviews join as functions
of their own once those apps exist); `figures` turns what they return into the snapshot the page
shows; `svg` draws the network of networks. Everything is computed by a Celery task
(broker.tasks.refresh_spread_task) into a SpreadSnapshot, so the page reads one row however
large the platform grows.
"""
