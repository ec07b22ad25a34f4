"""The Wagtail groups that carry each network's page permissions (see networks.wagtail_permissions)."""

from django.db import models


class AccessLevel(models.TextChoices):
    CO_LEADERS = "co_leaders", "co-leaders"
    MEMBERS = "members", "members"


class NetworkAccessGroup(models.Model):
    """Links a network to the Wagtail group holding one level of access to its page subtree."""

    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="access_groups"
    )
    level = models.CharField(max_length=12, choices=AccessLevel.choices)
    group = models.OneToOneField(
        "auth.Group", on_delete=models.CASCADE, related_name="network_access"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["network", "level"], name="one_group_per_access_level")
        ]

    def __str__(self):
        return self.group.name
