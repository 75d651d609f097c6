"""A check of our own beside schemathesis's: no answer holds data outside the token's scope.

The fuzz run's token names some interventions (API_FUZZ_INTERVENTIONS, comma-separated
ids); every intervention id in any answer must be one of them.
"""

import os

import schemathesis

ALLOWED = {int(pk) for pk in os.environ.get("API_FUZZ_INTERVENTIONS", "").split(",") if pk}


def _intervention_ids(data, path):
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "intervention_id" and value is not None:
                yield value
            elif key == "id" and path == "intervention":
                yield value
            else:
                yield from _intervention_ids(value, "intervention" if key == "items"
                                             and path == "interventions" else key)
    elif isinstance(data, list):
        for item in data:
            yield from _intervention_ids(item, path)


@schemathesis.check
def within_token_scope(ctx, response, case):
    if response.status_code != 200 or not ALLOWED:
        return None
    path = case.operation.path.rstrip("/")
    kind = "intervention" if path.endswith("{intervention_id}") and "/interventions/" in path \
        else "interventions" if path.endswith("/interventions") else ""
    outside = set(_intervention_ids(response.json(), kind)) - ALLOWED
    if outside:
        raise AssertionError(f"Data of interventions outside the token's scope: {sorted(outside)}")
    return None
