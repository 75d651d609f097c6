"""Benchmark: the participant list and a participant's page at 50 000 / 500 000 rows.

    make bench-participants          # or: .venv/bin/python bench/participants.py

PostgreSQL only (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/insatsportal_bench;
the database is created if missing). Migrates, loads the demo, builds 50 000 fictional
participants with 500 000 activities once (generate_demo_data with a fixed seed; skipped
when already built), then requests an intervention's participant list (first page) and a
participant's page through Django's test client, signed in as the demo persona
deltagaransvarig with a second-factor-verified session, and prints the median and 95th
percentile time and the number of queries of each. Target (issue 7): under 150 ms.
"""

import os

from common import build, create_database, measure, postgres_url, setup_django, signed_in_client

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/insatsportal_bench"
SEED = 50_000
PARTICIPANTS = int(os.environ.get("BENCH_PARTICIPANTS", 50_000))
ACTIVITIES_EACH = 10
RATINGS_EACH = 3
EXTRA_INTERVENTIONS = 3
REQUESTS = 30
WARM_UP = 3
TARGET_MS = 150


def main() -> None:
    create_database(postgres_url("bench/participants.py", DEFAULT_URL))
    setup_django()
    build(seed=SEED, participants=PARTICIPANTS, interventions=EXTRA_INTERVENTIONS,
          activities_each=ACTIVITIES_EACH, ratings_each=RATINGS_EACH)
    from django.db.models import Count

    from insatsportal.interventions.models import Intervention
    from insatsportal.participants.models import Participant

    intervention = Intervention.objects.get(name="En väg in – steget vidare")
    size = intervention.participants.count()
    participant = (Participant.objects.filter(intervention=intervention, is_anonymous=False)
                   .annotate(n=Count("activities")).order_by("-n", "number").first())
    client = signed_in_client("deltagaransvarig")
    rows = [
        (f"Participant list, first page ({size} in the intervention)",
         f"/deltagare/insats/{intervention.pk}/"),
        (f"Participant page ({participant.activities.count()} activities)",
         f"/deltagare/{participant.pk}/"),
    ]
    print(f"\n{REQUESTS} requests each after {WARM_UP} to warm up, as deltagaransvarig:")
    print(f"{'page':<55} {'median':>9} {'p95':>9} {'queries':>8}")
    slow = False
    for label, path in rows:
        median, p95, queries = measure(client, path, requests=REQUESTS, warm_up=WARM_UP)
        slow |= p95 >= TARGET_MS
        print(f"{label:<55} {median:7.1f}ms {p95:7.1f}ms {queries:8d}")
    print(f"\nTarget: under {TARGET_MS} ms. {'SLOWER THAN THE TARGET' if slow else 'Met.'}")


if __name__ == "__main__":
    main()
