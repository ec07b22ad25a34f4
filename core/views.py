"""What every app's views share: turning a service's refusal into something the person reads,
and the POST → service → message → redirect round trip."""

from collections.abc import Callable

from django.contrib import messages
from django.shortcuts import redirect

from .errors import ActionRefused


def add_refusal_to_form(form, error: ActionRefused) -> None:
    """Show a refusal on a form: each field error beside its field (errors for fields the form
    does not have go at the top), or the message at the top when it has no field errors."""
    if error.field_errors:
        for name, message in error.field_errors.items():
            form.add_error(name if name in form.fields else None, message)
    else:
        form.add_error(None, error.message)


def report_refusal(request, error: ActionRefused) -> None:
    messages.error(request, error.message)


def perform_and_redirect(
    request, action: Callable[[], object], *, success: str, to, **redirect_kwargs
):
    """Run one service call for a POST, then say what happened and redirect to `to` (a URL name,
    model or path, as `redirect` takes) whether it was done or refused. `success` may contain
    `{result}` to name what the service returned."""
    try:
        result = action()
    except ActionRefused as error:
        report_refusal(request, error)
    else:
        messages.success(request, success.format(result=result))
    return redirect(to, **redirect_kwargs)
