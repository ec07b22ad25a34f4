from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from .. import services
from ..forms import ProposeNetworkForm
from ..permissions import can_propose_network
from ._common import check, form_page


@login_required
def propose(request):
    check(can_propose_network(request.user))
    form = ProposeNetworkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            network = services.propose_network(
                title=form.cleaned_data["title"],
                purpose=form.cleaned_data["purpose"],
                themes=form.cleaned_data["themes"],
                school=form.cleaned_data["school"],
                by=request.user,
            )
        except services.ActionRefused as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                f"{network.title} is proposed and forming, with you as its first co-leader. "
                "Invite a second co-leader: the network becomes active once there are two.",
            )
            return redirect("networks:manage", network_slug=network.slug)
    return form_page(
        request,
        title="Propose a network",
        intro=(
            "A network is a group of schools that choose to work together on a shared challenge. "
            "You become its first co-leader; it becomes active once a second co-leader accepts."
        ),
        form=form,
        submit_label="Propose the network",
        back_url="/networks/",
    )
