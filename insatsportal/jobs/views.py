from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from insatsportal.accounts import policy
from insatsportal.core.decorators import require
from insatsportal.jobs import selectors, services
from insatsportal.jobs.models import Job

# htmx stops polling when the answer has this status (and still swaps it in).
STOP_POLLING = 286


@require_safe
@require(policy.can_use_system)
def job_list(request):
    jobs = selectors.job_list_for_user(user=request.user)[:50]
    return render(request, "jobs/list.html", {"jobs": jobs})


@require_safe
@require(policy.can_use_system)
def job_detail(request, pk):
    """The job's progress; htmx asks for the progress part alone until the job ends."""
    job = selectors.job_get_for_user(user=request.user, pk=pk)
    context = {"job": job, "state": selectors.job_state(job),
               "items": list(job.items.defer("content"))}
    if request.htmx:
        response = render(request, "jobs/_progress.html", context | {"oob": True})
        if not context["state"].is_active:
            response.status_code = STOP_POLLING
        return response
    return render(request, "jobs/detail.html", context)


@require_safe
@require(policy.can_use_system)
def job_download(request, pk):
    job = selectors.job_get_for_user(user=request.user, pk=pk)
    if not job.has_result:
        raise Http404
    content = Job.objects.values_list("result", flat=True).get(pk=job.pk)
    response = HttpResponse(bytes(content), content_type=job.result_type)
    response["Content-Disposition"] = f'attachment; filename="{job.result_name}"'
    return response


@require_POST
@require(policy.can_use_system)
def job_retry(request, pk):
    job = selectors.job_get_for_user(user=request.user, pk=pk)
    try:
        services.job_retry(actor=request.user, job=job)
    except services.JobError as error:
        messages.error(request, str(error))
    return redirect("jobs:detail", pk=job.pk)
