from decimal import Decimal

from django import template

from ..models import pounds as format_pounds

register = template.Library()


@register.filter
def pounds(value) -> str:
    """Decimal('4800.00') → '£4,800'; Decimal('12.5') → '£12.50'; None → ''."""
    if value in (None, ""):
        return ""
    return format_pounds(Decimal(value))
