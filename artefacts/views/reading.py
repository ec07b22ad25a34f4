"""What a signed-out visitor sees of an artefact they may read once signed in: an invitation to
sign in, and nothing of the artefact (artefacts.wagtail_hooks serves it instead of the page)."""

from urllib.parse import urlencode

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control


def sign_in_to_read(request):
    """403: the request is refused as it stands (and crawlers do not index it); the way on is
    to sign in, which brings the person back here."""
    back = urlencode({"next": request.get_full_path()})
    response = TemplateResponse(
        request,
        "artefacts/sign_in_to_read.html",
        {
            "sign_in_url": f"{reverse('account_login')}?{back}",
            "sign_up_url": f"{reverse('account_signup')}?{back}",
        },
        status=403,
    )
    patch_cache_control(response, private=True, no_store=True)
    return response
