"""Benchmark: the page mix under the production server, 1, 5 and 20 users at once.

    make bench-load                  # or: .venv/bin/python bench/load.py

Uses the largest database of `make bench-scale` (DATABASE_URL base + "_" + BENCH_LOAD_SIZE,
default 50000; run bench-scale first). Starts gunicorn with gunicorn.conf.py (WEB_CONCURRENCY
workers, default 3) on BENCH_LOAD_BIND (default 127.0.0.1:8105), signs in the office and the
participant staff (sessions with a verified second factor), then for each number of users
runs that many threads for BENCH_LOAD_SECONDS (default 30), each requesting the page mix in
turn over a kept-alive connection, and prints one line per level:
    users<TAB>req_s<TAB>p50_ms<TAB>p95_ms<TAB>errors
"""

import http.client
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_BASE = "postgres://postgres@127.0.0.1:5432/insatsportal_bench_scale"
SIZE = int(os.environ.get("BENCH_LOAD_SIZE", 50_000))
SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", 30))
USERS = [int(n) for n in os.environ.get("BENCH_LOAD_USERS", "1,5,20").split(",")]
BIND = os.environ.get("BENCH_LOAD_BIND", "127.0.0.1:8105")


def _sessions_and_mix():
    """Session cookies of kansli and deltagaransvarig, and (cookie, path) of the mix."""
    sys.path.insert(0, str(HERE))
    from common import setup_django

    setup_django()
    from scale import _client, _prepare

    _intervention, _today, _dt, office_pages, staff_pages, _search = _prepare(SIZE)
    office, staff = _client("kansli"), _client("deltagaransvarig")
    cookie = {name: f"sessionid={client.cookies['sessionid'].value}"
              for name, client in (("office", office), ("staff", staff))}
    return ([(label, cookie["office"], url) for label, url in office_pages]
            + [(label, cookie["staff"], url) for label, url in staff_pages])


def _wait_for(host, port, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection(host, port, timeout=2)
            conn.request("GET", "/healthz")
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.5)
    sys.exit("gunicorn did not start")


def _user(host, port, mix, offset, stop, times, errors):
    conn = http.client.HTTPConnection(host, port, timeout=120)
    n = offset
    while not stop.is_set():
        _label, cookie, url = mix[n % len(mix)]
        n += 1
        started = time.perf_counter()
        try:
            conn.request("GET", url, headers={"Cookie": cookie, "Host": "127.0.0.1"})
            response = conn.getresponse()
            response.read()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            ok = False
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=120)
        elapsed = (time.perf_counter() - started) * 1000
        if stop.is_set():
            break
        times.append(elapsed)
        if not ok:
            errors.append(url)


def main() -> None:
    base = os.environ.get("DATABASE_URL", DEFAULT_BASE)
    if not base.startswith(("postgres://", "postgresql://")):
        sys.exit("bench/load.py measures PostgreSQL only.")
    os.environ["DATABASE_URL"] = f"{base}_{SIZE}"
    mix = _sessions_and_mix()
    host, port = BIND.split(":")
    env = {**os.environ, "GUNICORN_BIND": BIND, "WEB_CONCURRENCY":
           os.environ.get("WEB_CONCURRENCY", "3"), "GUNICORN_ACCESS_LOG": "/dev/null"}
    server = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "-c",  # noqa: S603
                               str(HERE.parent / "gunicorn.conf.py")], env=env,
                              cwd=HERE.parent, stderr=subprocess.DEVNULL)
    try:
        _wait_for(host, int(port))
        for label, cookie, url in mix:  # warm every worker's caches a little
            conn = http.client.HTTPConnection(host, int(port), timeout=120)
            conn.request("GET", url, headers={"Cookie": cookie})
            status = conn.getresponse().status
            if status != 200:
                print(f"# {label}: HTTP {status}", flush=True)
        print(f"# {len(mix)} pages in the mix, {SECONDS:.0f} s per level, "
              f"{env['WEB_CONCURRENCY']} gunicorn workers", flush=True)
        print("users\treq_s\tp50_ms\tp95_ms\terrors", flush=True)
        for users in USERS:
            stop, times, errors = threading.Event(), [], []
            threads = [threading.Thread(target=_user, args=(host, int(port), mix, k * 3, stop,
                                                            times, errors))
                       for k in range(users)]
            started = time.perf_counter()
            for thread in threads:
                thread.start()
            time.sleep(SECONDS)
            stop.set()
            elapsed = time.perf_counter() - started
            for thread in threads:
                thread.join()
            p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else float("nan")
            print(f"{users}\t{len(times) / elapsed:.1f}\t"
                  f"{statistics.median(times) if times else float('nan'):.0f}\t{p95:.0f}\t"
                  f"{len(errors)}", flush=True)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)


if __name__ == "__main__":
    main()
