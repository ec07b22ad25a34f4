"""A proposed network, waiting for the national broker's approval before the network exists."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q


class ProposalStatus(models.TextChoices):
    PENDING = "pending", "Waiting for the national broker"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


class NetworkProposal(models.Model):
    """What a teacher proposes: the network's name, purpose and themes, their school and
    optionally a co-proposer. It gives nobody any role: on approval (networks.services
    approve_proposal) the network's page is published as forming, the proposer becomes its
    first co-leader and the co-proposer is invited as the second."""

    title = models.CharField(max_length=255)
    purpose = models.TextField(max_length=5000, validators=[MaxLengthValidator(5000)])
    themes = models.ManyToManyField("networks.Theme", blank=True, related_name="+")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_proposals"
    )
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, related_name="+")
    co_proposer_email = models.EmailField(
        blank=True, help_text="Who will co-lead the network with the proposer (lower case)."
    )
    co_proposer_school = models.ForeignKey(
        "schools.School", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(
        blank=True,
        max_length=2000,
        validators=[MaxLengthValidator(2000)],
        help_text="Why it was declined.",
    )
    network = models.OneToOneField(
        "networks.NetworkPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposal",
        help_text="The network created on approval.",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposed_by"],
                condition=Q(status="pending"),
                name="one_pending_proposal_per_person",
            )
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"Proposal: {self.title}"

    @property
    def is_pending(self) -> bool:
        return self.status == ProposalStatus.PENDING
