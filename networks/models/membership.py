from django.conf import settings
from django.db import models
from django.db.models import Q


class Role(models.TextChoices):
    CO_LEADER = "co_leader", "Co-leader"
    MEMBER = "member", "Member"
    CRITICAL_FRIEND = "critical_friend", "Critical friend"


MINIMUM_CO_LEADERS = 2
"""A network never has one leader: two co-leaders at least, once it is active."""


class MembershipQuerySet(models.QuerySet):
    def current(self):
        """Memberships nobody has left: the one spelling of "belongs to the network now"."""
        return self.filter(left_at__isnull=True)

    def co_leaders(self):
        return self.current().filter(role=Role.CO_LEADER)

    def network_ids_of(self, user):
        """The ids of the networks the person belongs to now, as a subquery."""
        return self.current().filter(user=user).values("network_id")


class Membership(models.Model):
    """A person's place in a network. Leaving sets left_at; the row stays as history."""

    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    school = models.ForeignKey(
        "schools.School",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        help_text="The school this person represents (none for a critical friend).",
    )
    joined_at = models.DateTimeField(auto_now_add=True)
    left_at = models.DateTimeField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["network", "role", "user__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "user"],
                condition=Q(left_at__isnull=True),
                name="one_current_membership_per_person",
            )
        ]
        indexes = [models.Index(fields=["network", "role", "left_at"])]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} of {self.network}"

    @property
    def is_current(self) -> bool:
        return self.left_at is None


class NetworkSchool(models.Model):
    """A school's time in a network: joined_on and left_on are kept as history."""

    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="school_links"
    )
    school = models.ForeignKey(
        "schools.School", on_delete=models.PROTECT, related_name="network_links"
    )
    joined_on = models.DateField()
    left_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["school__name", "-joined_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "school"],
                condition=Q(left_on__isnull=True),
                name="one_current_link_per_school",
            )
        ]

    def __str__(self):
        return f"{self.school} in {self.network}"
