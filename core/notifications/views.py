from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .selectors import notifications_for, owns_all
from .services import mark_read

PER_PAGE = 25


@login_required
def notification_list(request):
    page_obj = Paginator(notifications_for(request.user), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "notifications/list.html", {"page_obj": page_obj})


def _selected_ids(request) -> list[int]:
    try:
        return sorted({int(value) for value in request.POST.getlist("notification")})
    except ValueError:
        raise Http404("No such notification.") from None


def _list_page(request) -> str:
    url = reverse("notifications:list")
    page = request.POST.get("page", "")
    return f"{url}?page={page}" if page.isdigit() and page != "1" else url


@login_required
@require_POST
def mark_all_read(request):
    """“Mark all as read”, or (scope=selected) “Mark selected as read” for the ticked ones."""
    if request.POST.get("scope") == "selected":
        ids = _selected_ids(request)
        if not ids:
            messages.error(request, "Tick the notifications to mark as read.")
            return redirect(_list_page(request))
        if not owns_all(request.user, ids):
            raise Http404("No such notification.")
        count = mark_read(user=request.user, notification_ids=ids)
    else:
        count = mark_read(user=request.user)
    messages.success(request, f"Marked {count} notification{'s' if count != 1 else ''} as read.")
    return redirect(_list_page(request))


@login_required
def open_notification(request, notification_id: int):
    """Follow a notification's link, marking it read on the way."""
    notification = get_object_or_404(
        notifications_for(request.user).only("pk", "url", "read_at"), pk=notification_id
    )
    if not notification.is_read:
        mark_read(user=request.user, notification_ids=[notification.pk])
    url = notification.url
    if not url or not url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        url = reverse("notifications:list")
    return redirect(url)
