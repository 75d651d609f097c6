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
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/insatsportal_bench"
SEED = 50_000
PARTICIPANTS = int(os.environ.get("BENCH_PARTICIPANTS", 50_000))
ACTIVITIES_EACH = 10
RATINGS_EACH = 3
EXTRA_INTERVENTIONS = 3
REQUESTS = 30
WARM_UP = 3
TARGET_MS = 150


def _database() -> str:
    url = os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("bench/participants.py measures PostgreSQL only; SQLite says nothing about "
                 f"production. Set DATABASE_URL to a PostgreSQL database (e.g. {DEFAULT_URL}).")
    return url


def _create_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(host=parts.hostname, port=parts.port or 5432, user=parts.username,
                         password=parts.password, dbname="postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"Created database {name}.")


def _setup_django() -> None:
    os.environ.setdefault("DEMO_MODE", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insatsportal.settings")
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()


def _build() -> None:
    from django.core.management import call_command
    from django.db import connection

    from insatsportal.demo.generate.services import demo_data_generate
    from insatsportal.participants.models import Activity, Participant

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", verbosity=0)
    if Participant.objects.filter(demo_seed=SEED).exists():
        print(f"Data already built (seed {SEED}).")
    else:
        print(f"Building {PARTICIPANTS} participants with {ACTIVITIES_EACH} activities each…")
        result = demo_data_generate(
            participants=PARTICIPANTS, seed=SEED, interventions_count=EXTRA_INTERVENTIONS,
            activities_per_participant=ACTIVITIES_EACH, ratings_per_participant=RATINGS_EACH,
            progress=lambda line: print("  " + line, flush=True))
        print(f"Generated in {result.seconds:.1f} s: "
              f"{result.counts['participants'] / result.seconds:.0f} participants/s, "
              f"{result.rows / result.seconds:.0f} rows/s ({result.rows} rows).")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"In the database: {Participant.objects.count()} participants, "
          f"{Activity.objects.count()} activities.")


def _client():
    from django.test import Client
    from django.test.utils import setup_test_environment

    from conftest import verify_second_factor
    from insatsportal.accounts.models import User

    setup_test_environment()
    user = User.objects.get(username="deltagaransvarig")
    client = Client()
    client.force_login(user)
    verify_second_factor(client, user)
    return client


def _measure(client, url: str) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARM_UP):
        assert client.get(url).status_code == 200  # noqa: S101
    times = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200  # noqa: S101
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    p95 = statistics.quantiles(times, n=20)[-1]
    return statistics.median(times), p95, len(queries)


def main() -> None:
    url = _database()
    _create_database(url)
    _setup_django()
    _build()
    from django.db.models import Count

    from insatsportal.interventions.models import Intervention
    from insatsportal.participants.models import Participant

    intervention = Intervention.objects.get(name="En väg in – steget vidare")
    size = intervention.participants.count()
    participant = (Participant.objects.filter(intervention=intervention, is_anonymous=False)
                   .annotate(n=Count("activities")).order_by("-n", "number").first())
    client = _client()
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
        median, p95, queries = _measure(client, path)
        slow |= p95 >= TARGET_MS
        print(f"{label:<55} {median:7.1f}ms {p95:7.1f}ms {queries:8d}")
    print(f"\nTarget: under {TARGET_MS} ms. {'SLOWER THAN THE TARGET' if slow else 'Met.'}")


if __name__ == "__main__":
    main()
