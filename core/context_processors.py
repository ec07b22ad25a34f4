"""What the site's base templates show about the person, as booleans: templates decide nothing."""

from django.utils.functional import SimpleLazyObject

from .roles import can_open_admin


def roles(request):
    """Asked only when a template shows it (being a broker costs a query)."""
    return {"can_open_admin": SimpleLazyObject(lambda: can_open_admin(request.user))}
