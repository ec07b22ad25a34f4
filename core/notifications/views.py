from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from .selectors import notifications_for
from .services import mark_read


@login_required
def notification_list(request):
    page_obj = Paginator(notifications_for(request.user), 25).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page_obj": page_obj})


@login_required
@require_POST
def mark_all_read(request):
    count = mark_read(user=request.user)
    messages.success(request, f"Marked {count} notification{'s' if count != 1 else ''} as read.")
    return redirect("notifications:list")
