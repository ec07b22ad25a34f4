"""Links to the sign-in and sign-up pages that bring the person back to where they were."""

from urllib.parse import urlencode

from django import template
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.urls import reverse

register = template.Library()

ACCOUNT_PAGES = "/accounts/"


@register.simple_tag(takes_context=True)
def returning_url(context, url_name: str) -> str:
    """`url_name`'s address with ?next= the current page (allauth checks it is on this site).

    On the account pages themselves the destination they already carry is kept, so switching
    between "Sign in" and "Sign up" does not forget where the person was going.
    """
    url = reverse(url_name)
    request = context.get("request")
    if request is None:
        return url
    if request.path.startswith(ACCOUNT_PAGES):
        destination = request.GET.get(REDIRECT_FIELD_NAME, "")
    else:
        destination = request.get_full_path()
    if not destination or destination == "/":
        return url
    return f"{url}?{urlencode({REDIRECT_FIELD_NAME: destination})}"
