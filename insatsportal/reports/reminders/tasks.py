"""The daily reminder run as a task of Django's tasks API: `send_reminders` runs it in its
own process (cron, the compose scheduler) or, with --enqueue, hands it to the worker."""

from django_tasks import task

from insatsportal.reports.reminders.services import reminders_send


@task
def reminders_run(base_url: str | None = None) -> int:
    """Mail each user what became due; returns how many were mailed. Safe to run twice a
    day: the second run sends nothing."""
    return reminders_send(base_url=base_url)
