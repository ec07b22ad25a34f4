from django.contrib.auth.decorators import login_required
from django.contrib.humanize.templatetags.humanize import apnumber

from core.views import perform_form

from .. import services
from ..forms import ProposeNetworkForm
from ..models import MINIMUM_CO_LEADERS
from ..permissions import deny_unless, why_not_propose_network
from ._common import form_page, manage_url


@login_required
def propose(request):
    deny_unless(why_not_propose_network(request.user))
    form = ProposeNetworkForm(request.POST or None)
    done = perform_form(
        request,
        form,
        lambda data: services.propose_network(by=request.user, **data),
        success="{result.title} is proposed and forming, with you as its first co-leader. "
        "Invite a second co-leader: the network becomes active once there are "
        f"{apnumber(MINIMUM_CO_LEADERS)}.",
        to=manage_url,
    )
    return done or form_page(
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
