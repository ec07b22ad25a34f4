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


def perform_form(
    request, form, action: Callable[[dict], object], *, success, to, **redirect_kwargs
):
    """For a page with a form: once the POSTed form is valid, run `action(form.cleaned_data)`.

    Done: say `success` (a string that may contain `{result}`, or a function of the result) and
    return the redirect to `to` (as `redirect` takes, or a function of the result). Not posted,
    invalid or refused (the refusal shown on the form): return None, so the view renders the form.
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = action(form.cleaned_data)
    except ActionRefused as error:
        add_refusal_to_form(form, error)
        return None
    messages.success(
        request, success(result) if callable(success) else success.format(result=result)
    )
    return redirect(to(result) if callable(to) else to, **redirect_kwargs)
