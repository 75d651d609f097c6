"""The example client in docs/api.md, run as it stands against a live server."""

import os
import re
import subprocess
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parents[3] / "docs" / "api.md"


def test_the_documented_client_prints_every_interventions_goal_status(live_server, demo,
                                                                      tmp_path):
    from insatsportal.api.tests.helpers import office_token
    from insatsportal.interventions.models import Intervention

    _token, raw = office_token(scopes=["interventions", "goals"])
    code = re.search(r"## Example client.*?```python\n(.*?)```", DOC.read_text(), re.S).group(1)
    script = tmp_path / "goal_status.py"
    script.write_text(code)
    result = subprocess.run(  # noqa: S603 (our own script, fixed arguments)
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "INSATSPORTAL_URL": live_server.url, "INSATSPORTAL_TOKEN": raw})
    assert result.returncode == 0, result.stderr
    for intervention in Intervention.objects.all():
        assert intervention.name in result.stdout
    assert re.search(r"(Reached|On track|Behind|Cannot be computed)", result.stdout)
