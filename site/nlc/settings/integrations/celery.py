"""Celery: a filesystem broker by default (no server), Redis in production.

The beat schedule is declared here and nowhere else.
"""

from celery.schedules import crontab

from ..env import DATA_DIR, env

CELERY_BROKER_URL = env("CELERY_BROKER_URL")
CELERY_BROKER_FOLDER = DATA_DIR / "celery" / "broker"
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {
        "data_folder_in": str(CELERY_BROKER_FOLDER),
        "data_folder_out": str(CELERY_BROKER_FOLDER),
        "processed_folder": str(DATA_DIR / "celery" / "processed"),
        "store_processed": False,
        # Exchange bindings; kombu's default is "control/" in the working directory.
        "control_folder": str(DATA_DIR / "celery" / "control"),
    }
    if CELERY_BROKER_URL.startswith("filesystem://")
    else {}
)
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND") or (
    f"file://{DATA_DIR / 'celery' / 'results'}"
    if CELERY_BROKER_URL.startswith("filesystem://")
    else CELERY_BROKER_URL
)
CELERY_RESULT_EXPIRES = 24 * 3600
# Where tasks go and what workers consume: two platforms sharing one Redis (a staging copy beside
# production, parallel test runs) each name their own.
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE")
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing from a request gives up quickly when the broker is away (see core.queue).
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BEAT_SCHEDULE_FILENAME = str(DATA_DIR / "celery" / "beat-schedule")
CELERY_TIMEZONE = "Europe/London"

CELERY_BEAT_SCHEDULE = {
    "retry-pending-emails": {
        "task": "core.notifications.tasks.retry_pending_emails_task",
        "schedule": crontab(minute="*/10"),
    },
    "clear-expired-sessions": {
        "task": "nlc.tasks.clear_expired_sessions_task",
        "schedule": crontab(hour=3, minute=30),
    },
    "expire-network-invitations": {
        "task": "networks.tasks.expire_invitations_task",
        "schedule": crontab(minute=15),
    },
    "publish-due-artefacts": {
        "task": "artefacts.tasks.publish_due_artefacts_task",
        "schedule": crontab(minute="*/5"),
    },
    "purge-abandoned-uploads": {
        "task": "artefacts.tasks.purge_abandoned_uploads_task",
        "schedule": crontab(hour=3, minute=50),
    },
    "send-review-reminders": {
        "task": "peer_review.tasks.send_review_reminders_task",
        "schedule": crontab(hour=7, minute=0),
    },
    "send-study-visit-reminders": {
        "task": "visits.tasks.send_due_reminders_task",
        "schedule": crontab(minute=20),
    },
    "refresh-broker-spread-figures": {
        "task": "broker.tasks.refresh_spread_task",
        "schedule": crontab(minute=40),
    },
    "send-weekly-digests": {
        "task": "broker.tasks.send_weekly_digests_task",
        "schedule": crontab(day_of_week="mon", hour=7, minute=0),
    },
    "retry-pending-search-index-updates": {
        "task": "search.tasks.retry_pending_index_updates_task",
        "schedule": crontab(minute="*/10"),
    },
    # `search_index --fix`: a safety net for whatever a worker missed (a lost task).
    "repair-search-index": {
        "task": "search.tasks.repair_index_task",
        "schedule": crontab(hour=2, minute=40),
    },
}
