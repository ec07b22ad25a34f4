"""What a person does to their own account."""

from django.db import transaction

from core.errors import ActionRefused, field_problems

from .models import User, WorkRole

NO_SCHOOL = "Enter your school's name or URN, or choose “I do not work in a school”."


@transaction.atomic
def complete_onboarding(
    *, person: User, first_name: str, last_name: str, work_role: str, school
) -> User:
    """Record who a new person is: their name, their role and (unless they work outside schools)
    the school they work in, chosen from the register."""
    first_name, last_name = (first_name or "").strip(), (last_name or "").strip()
    problems = field_problems(User, first_name=first_name, last_name=last_name)
    if not first_name:
        problems["first_name"] = "Enter your first name."
    if not last_name:
        problems["last_name"] = "Enter your last name."
    if work_role not in WorkRole.values:
        problems["work_role"] = "Choose the role that describes your work."
    elif work_role == WorkRole.OUTSIDE:
        school = None
    elif school is None:
        problems["school"] = NO_SCHOOL
    elif not school.is_open:
        problems["school"] = (
            f"{school.name} is closed. Choose the school you work in now, or choose "
            "“I do not work in a school”."
        )
    if problems:
        raise ActionRefused("Your details were not saved.", field_errors=problems)
    person.first_name, person.last_name = first_name, last_name
    person.work_role, person.school = work_role, school
    person.save(update_fields=["first_name", "last_name", "work_role", "school"])
    return person
