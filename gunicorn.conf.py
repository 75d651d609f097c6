"""gunicorn settings for Insatsportalen: `gunicorn -c gunicorn.conf.py` (docs/operations.md).

Every value can be changed from the environment; the defaults suit a small förbund on a
2-core server behind nginx.
"""

import multiprocessing
import os

wsgi_app = "insatsportal.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# One process per core plus one, each with two threads: while one request waits for the
# database the other renders, and a slow page does not hold a whole process while cheap
# pages queue behind it. Python runs one thread of a process at a time, so more threads
# only share it: at 20 users on 2 cores (make bench-load) four threads gave a p95 of
# 0.95-1.34 s over seven runs, two 0.77-0.97 s over five at the same or better requests
# a second.
workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() + 1, 8)))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", 2))
# A worker that stops answering its master this long is restarted. Some documents (a decision
# proposal, an application's PDF) are built in the request: allow a minute.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 30))
keepalive = 5
# Restart each worker now and then, so that a slow leak never grows.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 1000))
max_requests_jitter = 100
# Requests may be this large at most (lines and header fields), as nginx also limits.
limit_request_line = 8190
# Only the proxy on this host may say the request was HTTPS (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Logs to stderr (journald or the container's log); the access log carries the request id
# and no query string (it could hold search terms).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
access_log_format = '%(t)s access %(m)s %(U)s %(s)s %(B)s %(M)sms request=%({x-request-id}o)s'
# Load the app before forking: a configuration error stops the start instead of every worker.
preload_app = True
