"""The broker's section of a person's home (core.home): introductions to other networks that
wait for an answer from a network the person co-leads. One query, for co-leaders only."""

from django.db.models import Q
from django.urls import reverse

from core.home import HomeItem, HomeSection, first_and_count
from networks.models import NetworkStatus, Role
from networks.permissions import roles_by_network

from .models import Introduction


def introductions_section(user) -> HomeSection | None:
    led = [pk for pk, role in roles_by_network(user).items() if role == Role.CO_LEADER]
    if not led:
        return None
    introductions, count = first_and_count(
        Introduction.objects.filter(
            Q(learner_id__in=led, learner_accepted_at__isnull=True)
            & ~Q(learner__status=NetworkStatus.CLOSED)
            | Q(source_id__in=led, source_accepted_at__isnull=True)
            & ~Q(source__status=NetworkStatus.CLOSED)
        )
        .select_related("learner", "source")
        .order_by("-sent_at", "-pk")
    )
    return HomeSection(
        key="introductions",
        title="Introductions waiting",
        count=count,
        items=[
            HomeItem(
                label=f"{introduction.learner.title} and {introduction.source.title}",
                url=reverse("broker:introduction", kwargs={"introduction_id": introduction.pk}),
                meta="The national broker thinks one could learn from the other.",
            )
            for introduction in introductions
        ],
        empty_text="No introduction is waiting for your network's answer.",
    )
