from django.shortcuts import render
from django.urls import reverse


def manage_url(network) -> str:
    return reverse("networks:manage", kwargs={"network_slug": network.slug})


def form_page(
    request,
    *,
    network=None,
    title,
    intro="",
    form,
    submit_label,
    back_url="",
    status=200,
    template="networks/manage/form_page.html",
    **extra,
):
    return render(
        request,
        template,
        {
            "network": network,
            "title": title,
            "intro": intro,
            "form": form,
            "submit_label": submit_label,
            "back_url": back_url,
            **extra,
        },
        status=status,
    )
