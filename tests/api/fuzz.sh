#!/usr/bin/env bash
# The open API under schemathesis: a live server on loopback with the demo data (SQLite in
# a temporary folder), a token that names some interventions, every check schemathesis has
# plus ours (tests/api/fuzz_hooks.py: nothing outside the token's scope). Bounded: a fixed
# number of examples per operation, a fixed seed, and a time limit on the whole run.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=.venv/bin/python
EXAMPLES="${API_FUZZ_EXAMPLES:-25}"
PORT="${API_FUZZ_PORT:-8765}"
WORK="$(mktemp -d)"
export DATABASE_URL="sqlite:///$WORK/fuzz.sqlite3" DEMO_MODE=1 API_RATE_LIMIT_PER_MINUTE=1000000

server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

$PY manage.py migrate --no-input -v 0
$PY manage.py load_demo -v 0 >/dev/null
$PY manage.py generate_demo_data --participants 300 --seed 1 --interventions 3 >/dev/null
# The token reads everything of every other intervention (the first and the third...).
ALLOWED="$($PY manage.py shell -v 0 -c "
from insatsportal.interventions.models import Intervention
print(','.join(str(pk) for pk in Intervention.objects.order_by('pk').values_list('pk', flat=True)[::2]))")"
ARGS=()
for pk in ${ALLOWED//,/ }; do ARGS+=(--intervention "$pk"); done
TOKEN="$($PY manage.py api_token_create --name "schemathesis" --scope all "${ARGS[@]}" --days 1)"
echo "Token reads interventions $ALLOWED of $($PY manage.py shell -v 0 -c "
from insatsportal.interventions.models import Intervention; print(Intervention.objects.count())")"

$PY manage.py runserver "127.0.0.1:$PORT" --noreload >"$WORK/server.log" 2>&1 &
server=$!

API_FUZZ_INTERVENTIONS="$ALLOWED" SCHEMATHESIS_HOOKS=tests.api.fuzz_hooks \
    timeout 900 .venv/bin/st run "http://127.0.0.1:$PORT/api/v1/openapi.json" \
    --wait-for-schema 60 -H "Authorization: Bearer $TOKEN" --checks all \
    --max-examples "$EXAMPLES" --seed 20261203 --workers 2 --no-color
