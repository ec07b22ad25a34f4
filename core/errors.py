"""The one refusal every service raises when a rule says no.

`message` is written for the person (what happened and, where it can, what to do instead);
`field_errors` optionally maps form field names to messages, so a form can show each beside its
field. Views turn a refusal into form errors or a flash message with `core.views.report_refusal`
and `core.forms.add_refusal_to_form`; the API turns it into a 400 with the same words.
"""

from django.core.exceptions import ValidationError


class ActionRefused(Exception):
    def __init__(self, message: str = "", *, field_errors: dict[str, str] | None = None):
        self.field_errors = dict(field_errors or {})
        self.message = message or " ".join(self.field_errors.values())
        super().__init__(self.message)

    @classmethod
    def from_validation_error(cls, error) -> "ActionRefused":
        """The same words as a Django ValidationError (from `full_clean`, say), field by field."""
        if hasattr(error, "error_dict"):
            return cls(
                field_errors={
                    field: " ".join(messages) for field, messages in error.message_dict.items()
                }
            )
        return cls(" ".join(error.messages))


def clean_or_refuse(instance, **full_clean_options) -> None:
    """Run a model's own validation (`full_clean`); what it finds becomes a refusal, by field."""
    try:
        instance.full_clean(**full_clean_options)
    except ValidationError as error:
        raise ActionRefused.from_validation_error(error) from None


def field_problems(model, **values) -> dict[str, str]:
    """What the model's own field validation (its validators, maximum lengths, choices) says
    about values a service is about to write, by field name. For plain values, not relations."""
    problems = {}
    for name, value in values.items():
        try:
            model._meta.get_field(name).clean(value, None)
        except ValidationError as error:
            problems[name] = " ".join(error.messages)
    return problems


def refuse_invalid_fields(model, **values) -> None:
    """For a service that writes with `create` or `update_or_create` rather than a full instance:
    refuse, by field, values the model's own field validation rejects."""
    if problems := field_problems(model, **values):
        raise ActionRefused(field_errors=problems)


class NotAllowed(ActionRefused):
    """The person may not do this. The message comes from the permission's `why_not_*`."""

    def __init__(self, message: str = "You are not allowed to do that."):
        super().__init__(message)


def refuse_unless(allowed: bool, message: str = "You are not allowed to do that.") -> None:
    """Raise NotAllowed with `message` unless `allowed`: the one way services ask a predicate."""
    if not allowed:
        raise NotAllowed(message)
