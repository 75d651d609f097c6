#!/usr/bin/env python3
"""Restore drill: dump the database, restore it into a fresh one, prove nothing was lost.

    python deploy/restore_drill.py                 # drill the database in DATABASE_URL
    python deploy/restore_drill.py --fresh 2000    # build a throw-away source first (CI)

1. pg_dump (custom format) of the source, under an exported snapshot, so that the row
   counts taken in the same snapshot are exactly what the dump holds even while the
   service keeps writing;
2. a new, uniquely named database on the same server, and pg_restore into it;
3. row counts per table compared: every table, source against restored;
4. `manage.py migrate --check` and `manage.py check_participant_keys` against the restored
   database: the schema is current, and every participant identifier decrypts with the
   keys in the environment (PARTICIPANT_KEYS, PARTICIPANT_HASH_KEY), kept apart from the dump.

The databases it creates are dropped at the end (--keep keeps the restored one). Prints
times and sizes; exits 1 if a row is lost or participant data does not decrypt.
PostgreSQL only; needs pg_dump and pg_restore of the server's major version or newer.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
MANAGE = [sys.executable, str(ROOT / "manage.py")]


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def database_of(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def admin_connection(url: str):
    return psycopg.connect(with_database(url, "postgres"), autocommit=True, connect_timeout=10)


def create_database(url: str, name: str) -> None:
    with admin_connection(url) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_database(url: str, name: str) -> None:
    with admin_connection(url) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)))


def tables(conn) -> list[str]:
    rows = conn.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
    ).fetchall()
    return [r[0] for r in rows]


def row_counts(conn) -> dict[str, int]:
    return {
        t: conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(t))).fetchone()[0]
        for t in tables(conn)
    }


def manage(*args: str, database_url: str, extra_env: dict | None = None) -> str:
    env = {**os.environ, "DATABASE_URL": database_url, **(extra_env or {})}
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [*MANAGE, *args], env=env, capture_output=True, text=True, check=False, cwd=ROOT,
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout.strip()


def build_fresh_source(url: str, participants: int) -> None:
    """Migrate, load the demo and generate fictional participants (never real data)."""
    demo = {"DEMO_MODE": "1", "APP_ENV": "development"}
    manage("migrate", "--no-input", "-v", "0", database_url=url, extra_env=demo)
    manage("load_demo", database_url=url, extra_env=demo)
    manage("generate_demo_data", "--participants", str(participants), "--seed", "7",
           "--interventions", "2", database_url=url, extra_env=demo)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fresh", type=int, metavar="N",
                        help="drill a new throw-away database with N fictional participants")
    parser.add_argument("--keep", action="store_true", help="keep the restored database")
    args = parser.parse_args()

    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith(("postgres://", "postgresql://")):
        print("The restore drill needs DATABASE_URL=postgres://… (PostgreSQL).", file=sys.stderr)
        return 2
    stamp = f"{time.strftime('%Y%m%d%H%M%S')}_{os.getpid()}"
    created: list[str] = []
    timings: dict[str, float] = {}
    try:
        if args.fresh:
            source_name = f"ip_drill_{stamp}_source"
            create_database(base_url, source_name)
            created.append(source_name)
            source_url = with_database(base_url, source_name)
            started = time.perf_counter()
            build_fresh_source(source_url, args.fresh)
            timings["build source"] = time.perf_counter() - started
        else:
            source_url = base_url
        target_name = f"ip_drill_{stamp}_restored"[:63]
        target_url = with_database(base_url, target_name)

        with tempfile.TemporaryDirectory(prefix="ip-drill-") as tmp:
            dump = Path(tmp) / "insatsportal.dump"
            started = time.perf_counter()
            with psycopg.connect(source_url, connect_timeout=10) as conn:
                conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                snapshot = conn.execute("SELECT pg_export_snapshot()").fetchone()[0]
                source_counts = row_counts(conn)
                subprocess.run(  # noqa: S603 - fixed program, arguments are ours
                    ["pg_dump", "--format=custom", f"--snapshot={snapshot}",  # noqa: S607
                     f"--file={dump}", f"--dbname={source_url}"], check=True,
                )
                conn.execute("COMMIT")
            timings["dump"] = time.perf_counter() - started
            dump_size = dump.stat().st_size

            create_database(base_url, target_name)
            created.append(target_name)
            started = time.perf_counter()
            subprocess.run(  # noqa: S603
                ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",  # noqa: S607
                 f"--dbname={target_url}", str(dump)], check=True,
            )
            timings["restore"] = time.perf_counter() - started

        with psycopg.connect(target_url, connect_timeout=10) as conn:
            restored_counts = row_counts(conn)
        lost = {
            t: (n, restored_counts.get(t, 0)) for t, n in source_counts.items()
            if restored_counts.get(t, 0) != n
        }
        started = time.perf_counter()
        manage("migrate", "--check", database_url=target_url)
        keys_report = manage("check_participant_keys", database_url=target_url)
        timings["verify"] = time.perf_counter() - started

        total = sum(source_counts.values())
        print(f"Source database: {database_of(source_url)}; restored into {target_name}")
        print(f"Dump: {dump_size / 1024 / 1024:.1f} MiB (custom format)")
        print(f"Tables: {len(source_counts)}; rows: {total} in the source, "
              f"{sum(restored_counts.values())} restored; rows lost: "
              f"{sum(n - r for n, r in lost.values())}")
        for table, (n, r) in sorted(lost.items()):
            print(f"  {table}: {n} in the source, {r} restored")
        print(keys_report)
        print("Times: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
        if lost:
            print("RESTORE DRILL FAILED: rows differ.")
            return 1
        print("Restore drill passed.")
        return 0
    finally:
        for name in reversed(created):
            if args.keep and name.endswith("_restored"):
                print(f"Kept {name}.")
                continue
            drop_database(base_url, name)


if __name__ == "__main__":
    sys.exit(main())
