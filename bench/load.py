"""Benchmark: the page mix under the production server, 1, 5 and 20 users at once.

    make bench-load                  # or: .venv/bin/python bench/load.py

Uses the largest database of `make bench-scale` (DATABASE_URL base + "_" + BENCH_LOAD_SIZE,
default 50000; run bench-scale first). Starts gunicorn with gunicorn.conf.py (WEB_CONCURRENCY
workers; gunicorn.conf.py's default unless set) on BENCH_LOAD_BIND (default 127.0.0.1:8105),
signs in the office and the participant staff (sessions with a verified second factor), then
for each number of users runs that many threads for BENCH_LOAD_SECONDS (default 30), each
requesting the page mix in turn over a kept-alive connection, and prints one line per level:
    users<TAB>req_s<TAB>p50_ms<TAB>p95_ms<TAB>errors<TAB>app_cpu_ms<TAB>db_cpu_ms
app_cpu_ms and db_cpu_ms are the CPU time per request of the gunicorn workers and of the
database server processes of the bench database (read from /proc, so only when PostgreSQL
runs on this machine; else blank): on a machine others load too they say more than req/s.
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
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
DEFAULT_BASE = "postgres://postgres@127.0.0.1:5432/insatsportal_bench_scale"
SIZE = int(os.environ.get("BENCH_LOAD_SIZE", 50_000))
SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", 30))
USERS = [int(n) for n in os.environ.get("BENCH_LOAD_USERS", "1,5,20").split(",")]
BIND = os.environ.get("BENCH_LOAD_BIND", "127.0.0.1:8105")
TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")


def _cpu_ms(pid: int) -> float:
    """User and system CPU of process `pid` so far (0 if it is gone or not readable)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) * TICK_MS


def _workers(server_pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{server_pid}/task/{server_pid}/children").read_text()
    except OSError:
        return []
    return [int(pid) for pid in children.split()]


def _backends(url: str) -> list[int] | None:
    """Server processes connected to the bench database, if PostgreSQL runs here."""
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(host=parts.hostname, port=parts.port or 5432, user=parts.username,
                         password=parts.password, dbname=parts.path.lstrip("/"),
                         autocommit=True) as conn:
        pids = [pid for (pid,) in conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()")]
    return pids if pids and Path(f"/proc/{pids[0]}").exists() else None


class CpuMeter:
    """CPU used by the gunicorn workers and the database's processes between two readings
    (workers and connections that come and go meanwhile are counted from when first seen)."""

    def __init__(self, server_pid: int, url: str):
        self.server_pid, self.url = server_pid, url

    def _read(self):
        backends = _backends(self.url)
        return ({pid: _cpu_ms(pid) for pid in _workers(self.server_pid)},
                None if backends is None else {pid: _cpu_ms(pid) for pid in backends})

    def start(self):
        self.app, self.db = self._read()

    def used(self) -> tuple[float, float | None]:
        app, db = self._read()
        app_ms = sum(ms - self.app.get(pid, 0.0) for pid, ms in app.items())
        if db is None or self.db is None:
            return app_ms, None
        return app_ms, sum(ms - self.db.get(pid, 0.0) for pid, ms in db.items())


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


def _user(host, port, mix, offset, stop, times, errors, finished):
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
        finished.append(url)  # the CPU of requests still running at the stop counts too
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
    # No worker restarts during the run: a restarted worker's CPU would go uncounted.
    env = {**os.environ, "GUNICORN_BIND": BIND, "GUNICORN_ACCESS_LOG": "/dev/null",
           "GUNICORN_MAX_REQUESTS": "0"}
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
        meter = CpuMeter(server.pid, os.environ["DATABASE_URL"])
        print(f"# {len(mix)} pages in the mix, {SECONDS:.0f} s per level, "
              f"{len(_workers(server.pid))} gunicorn workers", flush=True)
        print("users\treq_s\tp50_ms\tp95_ms\terrors\tapp_cpu_ms\tdb_cpu_ms", flush=True)
        for users in USERS:
            stop, times, errors, finished = threading.Event(), [], [], []
            threads = [threading.Thread(target=_user, args=(host, int(port), mix, k * 3, stop,
                                                            times, errors, finished))
                       for k in range(users)]
            meter.start()
            started = time.perf_counter()
            for thread in threads:
                thread.start()
            time.sleep(SECONDS)
            stop.set()
            elapsed = time.perf_counter() - started
            for thread in threads:
                thread.join()
            app_ms, db_ms = meter.used()
            done = max(len(finished), 1)
            db_per = "" if db_ms is None else f"{db_ms / done:.0f}"
            p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else float("nan")
            print(f"{users}\t{len(times) / elapsed:.1f}\t"
                  f"{statistics.median(times) if times else float('nan'):.0f}\t{p95:.0f}\t"
                  f"{len(errors)}\t{app_ms / done:.0f}\t{db_per}", flush=True)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)


if __name__ == "__main__":
    main()
