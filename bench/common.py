"""What the benchmarks share: a PostgreSQL database, the data built once, timed requests."""

import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent


def postgres_url(script: str, default_url: str) -> str:
    """DATABASE_URL (default `default_url`); refuse anything but PostgreSQL."""
    url = os.environ.setdefault("DATABASE_URL", default_url)
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit(f"{script} measures PostgreSQL only; SQLite says nothing about "
                 f"production. Set DATABASE_URL to a PostgreSQL database (e.g. {default_url}).")
    return url


def create_database(url: str) -> None:
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


def setup_django() -> None:
    os.environ.setdefault("DEMO_MODE", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insatsportal.settings")
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()


def build(*, seed: int, participants: int, interventions: int, activities_each: int,
          ratings_each: int, rating_months: int | None = None) -> None:
    """Migrate, load the demo and generate the data once (skipped when the seed is complete,
    resumed when a build was stopped), printing the build rate."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from insatsportal.demo.generate.services import demo_data_generate
    from insatsportal.participants.models import Activity, Participant, Rating

    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", verbosity=0)
    # BENCH_BUILD=orm: through the models, as on SQLite, to compare with COPY.
    by_models = os.environ.get("BENCH_BUILD") == "orm"
    if not Participant.objects.filter(demo_seed=seed).exists():
        print(f"Building {participants} participants with {activities_each} activities each "
              f"and {interventions} extra interventions…")
    # Returns at once when the seed is complete; goes on from the last committed chunk of a
    # stopped build.
    result = demo_data_generate(
        participants=participants, seed=seed, interventions_count=interventions,
        activities_per_participant=activities_each, ratings_per_participant=ratings_each,
        rating_months=rating_months, copy=False if by_models else None,
        progress=lambda line: print("  " + line, flush=True))
    if not result.created:
        print(f"Data already built (seed {seed}).")
        if pending:  # a migration may have rewritten big tables: as autovacuum would
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
    else:
        people = result.counts["participants"]
        print(f"Generated {'through the models' if by_models else 'by COPY'} in "
              f"{result.seconds:.1f} s: {people / result.seconds:.0f} participants/s, "
              f"{result.rows / result.seconds:.0f} rows/s ({result.rows} rows); the people "
              f"alone {result.people_seconds:.1f} s, "
              f"{people / max(result.people_seconds, 1e-6):.0f} participants/s.")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"In the database: {Participant.objects.count()} participants, "
          f"{Rating.objects.count()} ratings, {Activity.objects.count()} activities.")


def signed_in_client(username: str):
    """A test client signed in with password and second factor, as the tests sign in."""
    from django.test import Client
    from django.test.utils import setup_test_environment

    from conftest import verify_second_factor
    from insatsportal.accounts.models import User

    setup_test_environment()
    user = User.objects.get(username=username)
    client = Client()
    client.force_login(user)
    verify_second_factor(client, user)
    return client


def summary(times: list[float]) -> tuple[float, float]:
    """Median and 95th percentile."""
    return statistics.median(times), statistics.quantiles(times, n=20)[-1]


def measure(client, url: str, *, requests: int, warm_up: int) -> tuple[float, float, int]:
    """Median and p95 in ms over `requests` GETs, and the queries of one request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warm_up):
        assert client.get(url).status_code == 200  # noqa: S101
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200  # noqa: S101
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return (*summary(times), len(queries))
