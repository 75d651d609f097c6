"""Benchmark: the förbund's dashboard and an intervention's goal page at full scale.

    make bench                       # or: .venv/bin/python bench/reports.py

PostgreSQL only (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/insatsportal_bench_reports;
the database is created if missing). Migrates, loads the demo and builds once (by COPY in
committed chunks, printing its rate; skipped when complete, resumed from the last chunk when
stopped; BENCH_BUILD=orm writes through the models to compare) with generate_demo_data's
service and a fixed seed: BENCH_PARTICIPANTS
participants (default 200 000) over 80 interventions, 10 activities each on average and
up to 10 progress ratings each (about 1 000 000 ratings, 2 000 000 activities at the default
size; the generator rates monthly so that the ratings reach that). It gives the intervention
with the most participants a "progress ratings improved" goal (so that its ratings are read),
then requests the förbund's dashboard and that intervention's goal page through Django's
test client, signed in as kansli with a second-factor-verified session, and prints median
and 95th percentile times and query counts, beside the time of one hand-written SQL query
for the dashboard's figures (the floor).
"""

import os
import time

from common import (
    build,
    create_database,
    measure,
    postgres_url,
    setup_django,
    signed_in_client,
    summary,
)

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/insatsportal_bench_reports"
SEED = 80_200
PARTICIPANTS = int(os.environ.get("BENCH_PARTICIPANTS", 200_000))
INTERVENTIONS = 80
ACTIVITIES_EACH = 10
RATINGS_EACH = int(os.environ.get("BENCH_RATINGS_EACH", 10))
RATING_MONTHS = 1  # monthly, so that the people rated reach about 1 000 000 ratings
REQUESTS = int(os.environ.get("BENCH_REQUESTS", 20))
WARM_UP = 2

# The dashboard's figures per intervention in one statement: participants and discharges
# to work or studies (wrong registrations left out), requisitions approved/submitted, grants.
FLOOR_SQL = """
WITH people AS (
    SELECT p.intervention_id, COUNT(*) AS total,
           COUNT(*) FILTER (WHERE c."group" = 'arbete' OR c.code = 'studier') AS to_work
    FROM participants_participant p
    LEFT JOIN participants_discharge d ON d.participant_id = p.id
    LEFT JOIN participants_code c ON c.id = d.occupation_after_id
    WHERE d.end_type IS DISTINCT FROM 'wrong'
    GROUP BY p.intervention_id
), money AS (
    SELECT intervention_id,
           SUM(total) FILTER (WHERE status = 'approved') AS paid,
           SUM(total) FILTER (WHERE status = 'submitted') AS awaiting,
           COUNT(*) FILTER (WHERE status = 'submitted') AS waiting
    FROM reports_requisition GROUP BY intervention_id
), granted AS (
    SELECT intervention_id, SUM(amount) AS granted FROM cases_grant GROUP BY intervention_id
)
SELECT i.id, people.total, people.to_work, money.paid, money.awaiting, money.waiting,
       granted.granted
FROM interventions_intervention i
LEFT JOIN people ON people.intervention_id = i.id
LEFT JOIN money ON money.intervention_id = i.id
LEFT JOIN granted ON granted.intervention_id = i.id
"""


def _floor() -> tuple[float, float, int]:
    from django.db import connection

    times = []
    with connection.cursor() as cursor:
        for _ in range(WARM_UP + REQUESTS):
            started = time.perf_counter()
            cursor.execute(FLOOR_SQL)
            cursor.fetchall()
            times.append((time.perf_counter() - started) * 1000)
    return (*summary(times[WARM_UP:]), 1)


def _with_progress_goal(intervention) -> None:
    """Give the intervention a "progress ratings improved" goal (so its ratings are read)."""
    from insatsportal.applications.models import Application, Goal

    application = Application.objects.filter(intervention=intervention).order_by("pk").first()
    Goal.objects.get_or_create(
        application=application, target_kind=Goal.TargetKind.PROGRESS_IMPROVED,
        defaults={"kind": "outcome", "text": "Bench: share with improved progress ratings",
                  "target_value": 50, "target_unit": "%"})


def main() -> None:
    create_database(postgres_url("bench/reports.py", DEFAULT_URL))
    setup_django()
    build(seed=SEED, participants=PARTICIPANTS, interventions=INTERVENTIONS,
          activities_each=ACTIVITIES_EACH, ratings_each=RATINGS_EACH, rating_months=RATING_MONTHS)
    from django.db.models import Count

    from insatsportal.interventions.models import Intervention

    biggest = (Intervention.objects.annotate(n=Count("participants"))
               .order_by("-n", "pk").first())
    _with_progress_goal(biggest)
    client = signed_in_client("kansli")
    rows = [
        (f"Förbund dashboard ({Intervention.objects.count()} interventions)", "/rapporter/"),
        (f"Goal page with a progress goal ({biggest.n} participants)",
         f"/rapporter/insats/{biggest.pk}/mal/"),
    ]
    print(f"\n{REQUESTS} requests each after {WARM_UP} to warm up, as kansli:")
    print(f"{'page':<55} {'median':>9} {'p95':>9} {'queries':>8}")
    for label, path in rows:
        median, p95, queries = measure(client, path, requests=REQUESTS, warm_up=WARM_UP)
        print(f"{label:<55} {median:7.1f}ms {p95:7.1f}ms {queries:8d}")
    median, p95, queries = _floor()
    print(f"{'Floor: one hand-written SQL for the dashboard figures':<55} "
          f"{median:7.1f}ms {p95:7.1f}ms {queries:8d}")


if __name__ == "__main__":
    main()
