# Insatsportalen under gunicorn. Build: docker build -t insatsportal .
# The base is pinned to a patch release; pin its digest too for byte-for-byte rebuilds
# (docs/operations.md, "Container").
FROM python:3.11.14-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    APP_ENV=production \
    GUNICORN_BIND=0.0.0.0:8000 \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/data/media \
    TZ=Europe/Stockholm

# WeasyPrint (PDF) needs Pango and a font; nothing else is installed.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
# Dependencies first (pinned in pyproject.toml), so a code change reuses this layer.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > /tmp/requirements.txt \
    && pip install --no-compile -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY manage.py gunicorn.conf.py ./
COPY insatsportal ./insatsportal
COPY deploy/scheduler.py ./deploy/scheduler.py

# Translations and static files are built into the image. collectstatic needs production
# settings; the keys here are throw-away values that exist only during this step.
RUN python manage.py compile_translations -v 0 \
    && SECRET_KEY=build-only PARTICIPANT_HASH_KEY=build-only \
       PARTICIPANT_KEYS="$(python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')" \
       python manage.py collectstatic --no-input -v 0 \
    && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin insatsportal \
    && mkdir -p /data/media && chown insatsportal /data/media

USER 10001
EXPOSE 8000
VOLUME ["/data/media"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
    CMD python -c "import urllib.request as u; u.urlopen(u.Request('http://127.0.0.1:8000/healthz', headers={'X-Forwarded-Proto': 'https', 'Host': 'localhost'}), timeout=4)"
CMD ["gunicorn", "-c", "gunicorn.conf.py"]
