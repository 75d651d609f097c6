#!/usr/bin/env bash
# Build the image and smoke-test /healthz and the login page in a container, where Docker
# works; says clearly that it skipped otherwise. Uses the host's PostgreSQL
# (DATABASE_URL, a database of its own, dropped at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v docker >/dev/null 2>&1 || ! docker info >/dev/null 2>&1; then
    echo "SKIPPED: Docker engine not available here (docker info failed); the image was not built."
    exit 0
fi
: "${DATABASE_URL:?DATABASE_URL=postgres://… of the host's PostgreSQL}"
PY=.venv/bin/python
TAG="insatsportal:smoke-$$"
NAME="ip_docker_smoke_$(date +%s)_$$"
DB_URL="$($PY -c "import sys; sys.path.insert(0, 'deploy'); from restore_drill import with_database; print(with_database('$DATABASE_URL', '$NAME'))")"
cleanup() {
    docker rm -f "insatsportal-smoke-$$" >/dev/null 2>&1 || true
    docker image rm "$TAG" >/dev/null 2>&1 || true
    $PY -c "import sys; sys.path.insert(0, 'deploy'); from restore_drill import drop_database; drop_database('$DATABASE_URL', '$NAME')"
}
trap cleanup EXIT
started=$(date +%s)
docker build --quiet -t "$TAG" . >/dev/null
echo "Image built in $(( $(date +%s) - started )) s; size $(docker image inspect "$TAG" --format '{{.Size}}' | awk '{printf "%.0f MB", $1/1000000}')"
$PY -c "import sys; sys.path.insert(0, 'deploy'); from restore_drill import create_database; create_database('$DATABASE_URL', '$NAME')"
KEY="$($PY -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')"
ENVS=(-e SECRET_KEY="smoke-$(openssl rand -hex 24)" -e PARTICIPANT_KEYS="$KEY"
      -e PARTICIPANT_HASH_KEY="smoke-$(openssl rand -hex 16)" -e DATABASE_URL="$DB_URL"
      -e ALLOWED_HOSTS=127.0.0.1,localhost -e GUNICORN_BIND=127.0.0.1:18000)
docker run --rm --network host "${ENVS[@]}" "$TAG" python manage.py migrate --no-input -v 0
docker run -d --name "insatsportal-smoke-$$" --network host "${ENVS[@]}" "$TAG" >/dev/null
$PY deploy/smoke_test.py --url http://127.0.0.1:18000
echo "Container smoke test passed."
