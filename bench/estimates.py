"""Benchmark: the socio-economic estimate of every granted period, read as grouped SQL
(what the pages, the dashboard and the API use) beside the per-person reading it replaced
(kept as the tests' twin), on generated data.

    DATABASE_URL=postgres://… BENCH_PARTICIPANTS=10000 .venv/bin/python bench/estimates.py

PostgreSQL only. Builds once with generate_demo_data's service and a fixed seed (no
activities or ratings: the estimate reads neither), then prints the median and 95th
percentile of each reading and its query count, and checks that both give the same tallies.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import build, postgres_url, setup_django, summary  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/insatsportal_bench_reports"
SEED = 20_261_203
PARTICIPANTS = int(os.environ.get("BENCH_PARTICIPANTS", 10_000))
INTERVENTIONS = int(os.environ.get("BENCH_INTERVENTIONS", 20))
RUNS = int(os.environ.get("BENCH_REQUESTS", 10))


def _timed(function) -> tuple[float, float, int, object]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, result = [], None
    for _ in range(RUNS + 1):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            result = function()
            times.append((time.perf_counter() - started) * 1000)
    return (*summary(times[1:]), len(queries.captured_queries), result)


def main() -> None:
    postgres_url("bench/estimates.py", DEFAULT_URL)
    setup_django()
    build(seed=SEED, participants=PARTICIPANTS, interventions=INTERVENTIONS, activities_each=0,
          ratings_each=0)
    from insatsportal.interventions.models import Intervention
    from insatsportal.participants.models import Discharge, FollowUp
    from insatsportal.socioeconomics import estimate as rules
    from insatsportal.socioeconomics import selectors
    from insatsportal.socioeconomics.tests.test_tally import people_one_by_one

    interventions = list(Intervention.objects.prefetch_related("grants"))
    prices = rules.Prices(selectors._parameters())

    def grouped():
        return selectors._tallies([i.pk for i in interventions], prices)

    def one_by_one():
        found = {}
        people = people_one_by_one([i.pk for i in interventions])
        for intervention in interventions:
            for grant in intervention.grants.all():
                within = [p for day, p in people[intervention.pk]
                          if grant.period_start <= day <= grant.period_end]
                found[grant.pk] = rules.tally(within, prices)
        return found

    print(f"{Discharge.objects.count()} discharges, {FollowUp.objects.count()} follow-ups in "
          f"{len(interventions)} interventions; {RUNS} runs each after one to warm up:")
    print(f"{'reading':<45} {'median':>9} {'p95':>9} {'queries':>8}")
    results = {}
    for label, function in (("grouped by known states (selectors._tallies)", grouped),
                            ("per person, as before (the tests' twin)", one_by_one)):
        median, p95, queries, results[label] = _timed(function)
        print(f"{label:<45} {median:7.1f}ms {p95:7.1f}ms {queries:8d}")
    fast, slow = results.values()
    same = all(fast.get(pk, selectors.EMPTY) == tally for pk, tally in slow.items())
    print("Same tallies:", "yes" if same else "NO")


if __name__ == "__main__":
    main()
