from celery import shared_task

from .services import run_school_import


@shared_task(acks_late=True)
def run_school_import_task(school_import_id: int) -> str | None:
    """Import an uploaded GIAS CSV. Idempotent: a finished import is not run again."""
    school_import = run_school_import(school_import_id=school_import_id)
    return school_import.status if school_import is not None else None
