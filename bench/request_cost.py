"""Benchmark: what one request of each page of the load mix costs this process.

    DATABASE_URL=postgres://…/insatsportal_bench_scale_50000 .venv/bin/python bench/request_cost.py

A loaded machine says little through requests per second; CPU time says more. Uses the data
of `make bench-scale` (the database DATABASE_URL names, PostgreSQL only) and the page mix of
`make bench-load`, through Django's test client signed in as bench/load.py signs in. Prints
one tab-separated line per page
    page<TAB>cpu_ms<TAB>db_cpu_ms<TAB>wall_ms<TAB>queries<TAB>writes
with the median over BENCH_REQUESTS requests (default 5) of the CPU time of this process
(Django, templates, the database driver), of the database server process serving it (read
from /proc when PostgreSQL runs on this machine, else blank; 10 ms steps), the wall time,
and the statements of one request: all of them and those that write (INSERT, UPDATE,
DELETE). Two CPU figures add up to what one request costs the machine, however loaded.
BENCH_SIZE is the size that database was built with (default 50000).
BENCH_PAGES=<page>,<page> measures only those pages; BENCH_PROFILE=<page> prints the
cProfile of that page instead (top 30 by own time).
"""

import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REQUESTS = int(os.environ.get("BENCH_REQUESTS", 5))
WRITES = ("INSERT", "UPDATE", "DELETE")
TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")
SIZE = int(os.environ.get("BENCH_SIZE", 50_000))  # people in the intervention (_prepare)


def _server_cpu_ms(pid: int) -> float | None:
    """User and system CPU of the database server process `pid` so far, if readable."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) * TICK_MS


def main() -> None:
    sys.path.insert(0, str(HERE))
    from common import postgres_url, setup_django

    postgres_url("bench/request_cost.py",
                 "postgres://postgres@127.0.0.1:5432/insatsportal_bench_scale_50000")
    setup_django()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # Not setup_test_environment(): its template instrumentation costs CPU gunicorn has not.
    settings.ALLOWED_HOSTS.append("testserver")
    from scale import _client, _prepare

    *_rest, office_pages, staff_pages, _search = _prepare(SIZE)
    office, staff = _client("kansli"), _client("deltagaransvarig")
    mix = [(label, office, url) for label, url in office_pages] + [
        (label, staff, url) for label, url in staff_pages]
    profile = os.environ.get("BENCH_PROFILE")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    print("page\tcpu_ms\tdb_cpu_ms\twall_ms\tqueries\twrites", flush=True)
    only = set(filter(None, os.environ.get("BENCH_PAGES", "").split(",")))
    for label, client, url in mix:
        if only and label not in only:
            continue
        assert client.get(url).status_code == 200, label  # noqa: S101 (warm up)
        if profile:
            if label != profile:
                continue
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(REQUESTS):
                client.get(url)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
            return
        cpu, db_cpu, wall = [], [], []
        for _ in range(REQUESTS):
            started, started_cpu = time.perf_counter(), time.process_time()
            started_db = _server_cpu_ms(backend)
            client.get(url)
            cpu.append((time.process_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
            if started_db is not None:
                db_cpu.append(_server_cpu_ms(backend) - started_db)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        writes = sum(1 for q in queries.captured_queries
                     if q["sql"].lstrip().upper().startswith(WRITES))
        db = f"{statistics.median(db_cpu):.0f}" if db_cpu else ""
        print(f"{label}\t{statistics.median(cpu):.1f}\t{db}\t{statistics.median(wall):.1f}\t"
              f"{len(queries)}\t{writes}", flush=True)


if __name__ == "__main__":
    main()
