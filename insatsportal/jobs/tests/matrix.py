from django.urls import reverse

from insatsportal.core.tests.matrix import Write, office, statuses


def _job(demo):
    """A finished export of the office's, with a file to download."""
    from insatsportal.accounts.models import User
    from insatsportal.jobs.models import Job

    return Job.objects.create(
        kind=Job.Kind.IMPORT, title="Inläsning", task_path="insatsportal.imports.tasks.x",
        started_by=User.objects.get(username="kansli"), status=Job.Status.DONE, done=1,
        result_name="x.csv", result_type="text/csv", result=b"a;b\n")


def _url(name):
    return lambda demo: reverse(name, args=[_job(demo).pk])


# A job is its starter's: every other signed-in person gets 404 (not there for them).
MATRIX = {
    "jobs:list": (lambda demo: reverse("jobs:list"), statuses(200)),
    "jobs:detail": (_url("jobs:detail"), office(200, denied=404)),
    "jobs:download": (_url("jobs:download"), office(200, denied=404)),
    "jobs:retry": (_url("jobs:retry"), statuses(405)),
}

WRITES = {
    # A finished job is not run again: the office is sent back to it with the reason.
    "jobs:retry": Write(_url("jobs:retry"), {}, office(302, denied=404), writes=False),
}
