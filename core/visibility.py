from django.db import models


class Visibility(models.TextChoices):
    """Who may read something a network publishes: an artefact, a study-visit offer, and the
    search document made from either. The rule for each value is the content app's
    `permissions.py`; search applies it through the audience its apps register."""

    PUBLIC = "public", "Public: anyone on the web"
    MEMBERS = "members", "Signed-in members of any network"
    NETWORK = "network", "Our network only"
