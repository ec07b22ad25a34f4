"""The reminder, on a person's own pages, to finish saying who they are (their name, school
and role) until they have."""

from django import template

register = template.Library()


@register.inclusion_tag("accounts/onboarding_reminder.html", takes_context=True)
def onboarding_reminder(context):
    user = getattr(context.get("request"), "user", None)
    if not (user and user.is_authenticated) or user.has_finished_onboarding:
        return {"show": False}
    missing = [
        label
        for label, given in [
            ("your name", user.has_name),
            ("your school", user.school_id or not user.needs_school),
            ("your role", user.work_role),
        ]
        if not given
    ]
    return {"show": True, "person": user, "missing": missing}
