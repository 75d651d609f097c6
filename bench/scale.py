"""Benchmark: does each page cost the same at 50 000 participants as at 5 000?

    make bench-scale                 # or: .venv/bin/python bench/scale.py

PostgreSQL only. DATABASE_URL names a base (default
postgres://postgres@127.0.0.1:5432/insatsportal_bench_scale); the data of each size goes in
its own database <base>_<size>, created, migrated and built once (resumable: a stopped build
goes on from its last committed chunk). Each size is one intervention ("En väg in") with
BENCH_SIZES people (default 5000,50000), 10 activities and 3 progress ratings each on average.

For each size it prints one tab-separated line per page
    page<TAB>people<TAB>median_ms<TAB>p95_ms<TAB>queries
through Django's test client, signed in (with a second factor) as the office (kansli) or the
participant staff (deltagaransvarig), plus the same for a hand-written SQL floor of the
overview and of the dashboard, and at the end
    growth<TAB>max_ratio<TAB>X
with X the largest ratio of the biggest size's median to the smallest size's over the pages.
"""

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_BASE = "postgres://postgres@127.0.0.1:5432/insatsportal_bench_scale"
SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "5000,50000").split(",")]
REQUESTS = int(os.environ.get("BENCH_REQUESTS", 10))
WARM_UP = 1
SEED = 15_000

# The overview's figures by hand: participants per quarter and outcomes by sex, and the
# average change per item from the kept per-person changes (participants_itemchange).
OVERVIEW_FLOOR_SQL = [
    """
    SELECT p.sex,
           COUNT(*) FILTER (WHERE COALESCE(e.enrolled_on, make_date(p.start_year, 1, 1))
                            >= %(first)s),
           COUNT(*) FILTER (WHERE d.discharged_on >= %(first)s),
           COUNT(*) FILTER (WHERE d.id IS NOT NULL AND (c."group" = 'arbete'
                                                         OR c.code = 'studier'))
    FROM participants_participant p
    LEFT JOIN participants_enrolment e ON e.participant_id = p.id
    LEFT JOIN participants_discharge d ON d.participant_id = p.id
    LEFT JOIN participants_code c ON c.id = d.occupation_after_id
    WHERE p.intervention_id = %(pk)s AND d.end_type IS DISTINCT FROM 'wrong'
    GROUP BY p.sex
    """,
    """
    SELECT item_id, SUM(change), COUNT(*) FROM participants_itemchange
    WHERE intervention_id = %(pk)s GROUP BY item_id
    """,
]


def _url(base: str, size: int) -> str:
    return f"{base}_{size}"


def parent() -> None:
    base = os.environ.get("DATABASE_URL", DEFAULT_BASE)
    if not base.startswith(("postgres://", "postgresql://")):
        sys.exit("bench/scale.py measures PostgreSQL only: set DATABASE_URL to a PostgreSQL "
                 "base name.")
    medians: dict = {}
    for size in SIZES:
        env = {**os.environ, "DATABASE_URL": _url(base, size), "BENCH_SIZE": str(size)}
        run = subprocess.run([sys.executable, str(HERE / "scale.py"), "--one"], env=env,  # noqa: S603
                             stdout=subprocess.PIPE, text=True, check=True)
        for line in run.stdout.splitlines():
            fields = line.split("\t")
            if len(fields) == 5 and fields[1] == str(size):
                print(line, flush=True)
                medians.setdefault(fields[0], {})[size] = float(fields[2])
            else:
                print(f"# {line}", flush=True)
    small, big = min(SIZES), max(SIZES)
    ratios = [times[big] / times[small] for page, times in medians.items()
              if small in times and big in times and not page.startswith("floor")]
    if ratios and small != big:
        print(f"growth\tmax_ratio\t{max(ratios):.2f}")


def _reopen(intervention, size: int) -> None:
    """The generator discharges everyone it plans; a real intervention has people under way.
    The newest fifth get their discharge and follow-up taken back (once), so that the due
    list and the start page have work to count."""
    from insatsportal.participants.models import Discharge, FollowUp, Participant
    from insatsportal.participants.services.facts import facts_keep

    ongoing = Participant.objects.filter(intervention=intervention, discharge__isnull=True)
    if ongoing.exists():
        return
    newest = Participant.objects.filter(intervention=intervention).order_by("-number")[
        :size // 5].values("pk")
    FollowUp.objects.filter(participant__in=newest).delete()
    Discharge.objects.filter(participant__in=newest).delete()
    facts_keep(Participant.objects.filter(pk__in=newest))  # the reports count the kept facts
    Participant.objects.filter(pk__in=newest).update(under_way=True)  # facts.UNDER_WAY


def _prepare(size: int):
    """The intervention, a submitted and a draft quarterly report, and the pages to time."""
    import datetime

    from django.urls import reverse
    from django.utils import timezone

    from insatsportal.accounts.models import User
    from insatsportal.core.calendar import quarter_bounds
    from insatsportal.interventions.models import Intervention
    from insatsportal.participants import crypto, selectors
    from insatsportal.reports.models import QuarterlyReport
    from insatsportal.reports.quarterly import services as quarterly

    intervention = Intervention.objects.get(name="En väg in – steget vidare")
    today = timezone.localdate()
    _reopen(intervention, size)
    draft = quarterly.previous_quarter(today)
    submitted = quarterly.previous_quarter(quarter_bounds(*draft)[0])
    office = User.objects.get(username="kansli")
    report = quarterly.report_open(intervention=intervention, year=submitted[0],
                                   quarter=submitted[1], actor=office)
    if report.snapshot is None:
        quarterly.report_save(report=report, actor=office, went_well="Bra.", problems="Inga.",
                              samverkan="Täta möten.", next_quarter="Mer av samma.")
        quarterly.report_submit(report=report, actor=office, today=today)
    QuarterlyReport.objects.filter(intervention=intervention, year=draft[0],
                                   quarter=draft[1]).delete()
    staff = User.objects.get(username="deltagaransvarig")
    listed = selectors.participant_list(user=staff, intervention=intervention)
    numbers = list(listed.values_list("number", flat=True)[:200 * 50])
    page_200 = numbers[min(199 * 50, (len(numbers) - 1) // 50 * 50) - 1]
    named = listed.exclude(name_encrypted="").values_list("name_encrypted", flat=True)[
        len(numbers) // 2]
    word = crypto.name_words(crypto.decrypt(named))[-1]
    pk = intervention.pk
    year = today.year - 1
    office_pages = [
        ("intervention overview", reverse("reports:overview", args=[pk])),
        ("goal page", reverse("reports:goals", args=[pk])),
        ("quarterly report draft", reverse("reports:quarterly", args=[pk, *draft])),
        ("quarterly report submitted",
         reverse("reports:quarterly", args=[pk, *submitted])),
        ("requisitions page", reverse("reports:requisitions", args=[pk])),
        ("national export xlsx", reverse("reports:national_export", args=["xlsx"])
         + f"?year={year}"),
        ("forbund dashboard", reverse("reports:index")),
    ]
    staff_pages = [
        ("due list page 1", reverse("participants:due", args=[pk])),
        ("start page participant staff", "/"),
        ("participant list page 1", reverse("participants:intervention", args=[pk])),
        ("participant list page 200",
         reverse("participants:intervention", args=[pk]) + f"?efter={page_200}"),
    ]
    search = (reverse("participants:search", args=[pk]), word,
              reverse("participants:intervention", args=[pk]))
    return intervention, today, datetime, office_pages, staff_pages, search


def _floor(label, statements, params, size):
    import time

    from common import summary
    from django.db import connection

    times = []
    with connection.cursor() as cursor:
        for n in range(WARM_UP + REQUESTS):
            started = time.perf_counter()
            for sql in statements:
                cursor.execute(sql, params)
                cursor.fetchall()
            if n >= WARM_UP:
                times.append((time.perf_counter() - started) * 1000)
    median, p95 = summary(times)
    print(f"{label}\t{size}\t{median:.1f}\t{p95:.1f}\t{len(statements)}", flush=True)


def _client(username: str):
    """Another signed-in client (the test environment is set up once)."""
    from django.test import Client

    from conftest import verify_second_factor
    from insatsportal.accounts.models import User

    user = User.objects.get(username=username)
    client = Client()
    client.force_login(user)
    verify_second_factor(client, user)
    return client


def one() -> None:
    sys.path.insert(0, str(HERE))
    from common import build, create_database, measure, postgres_url, setup_django, signed_in_client

    size = int(os.environ["BENCH_SIZE"])
    create_database(postgres_url("bench/scale.py", DEFAULT_BASE + f"_{size}"))
    setup_django()
    build(seed=SEED + size, participants=size, interventions=0, activities_each=10,
          ratings_each=3)
    intervention, today, datetime, office_pages, staff_pages, search = _prepare(size)
    office, staff = signed_in_client("kansli"), _client("deltagaransvarig")
    for client, pages in ((office, office_pages), (staff, staff_pages)):
        for label, url in pages:
            median, p95, queries = measure(client, url, requests=REQUESTS, warm_up=WARM_UP)
            print(f"{label}\t{size}\t{median:.1f}\t{p95:.1f}\t{queries}", flush=True)
    search_url, word, list_url = search
    assert staff.post(search_url, {"q": word}).status_code == 302  # noqa: S101
    median, p95, queries = measure(staff, list_url, requests=REQUESTS, warm_up=WARM_UP)
    print(f"name search\t{size}\t{median:.1f}\t{p95:.1f}\t{queries}", flush=True)
    staff.post(search_url, {"q": "", "clear": "1"})
    first = datetime.date(today.year - 2, 1, 1)
    _floor("floor overview sql", OVERVIEW_FLOOR_SQL, {"pk": intervention.pk, "first": first},
           size)
    from reports import FLOOR_SQL

    _floor("floor dashboard sql", [FLOOR_SQL], {}, size)


if __name__ == "__main__":
    one() if "--one" in sys.argv else parent()
