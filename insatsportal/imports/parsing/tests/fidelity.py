"""Field accuracy of the reader on the demo seeds and on every fixture document the tests
hold, against expectations written by hand.

Run: python -m insatsportal.imports.parsing.tests.fidelity
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from insatsportal.imports.parsing import ImportReadError, read_document
from insatsportal.imports.parsing.ocr_engine import missing_tools
from insatsportal.imports.parsing.tests.accuracy import score as seed_score
from insatsportal.imports.parsing.tests.expected import SEED_FILES, leaves
from insatsportal.imports.parsing.tests.expected_fixtures import FIXTURES
from insatsportal.imports.parsing.tests.register import resolve

FIXTURE_DIR = Path(__file__).resolve().parent / "fixtures"


@cache
def read_fixture(name: str):
    """Each fixture read once a process (a scan's OCR takes a while)."""
    return read_document(FIXTURE_DIR / name, resolve_organisation=resolve)


def fixture_score(name: str) -> tuple[int, int, list[str]]:
    """(correct, stated, problems) for one fixture: only its listed fields count."""
    expected = FIXTURES[name]
    try:
        result = read_fixture(name)
    except ImportReadError as exc:
        wanted = list(leaves(expected["fields"]))
        return 0, len(wanted) + 1, [f"not read: {exc}"]
    got = dict(leaves(result.to_json()["fields"]))
    correct, stated, problems = 0, 1, []
    if result.kind == expected["kind"]:
        correct += 1
    else:
        problems.append(f"kind: expected {expected['kind']}, read {result.kind}")
    for path, want in leaves(expected["fields"]):
        stated += 1
        if got.get(path) == want:
            correct += 1
        else:
            problems.append(f"{path}: expected {want!r}, read {got.get(path)!r}")
    for path, values in expected.get("conflicts", {}).items():
        stated += 1
        found = [c for c in result.conflicts if c["field"] == path]
        options = [o["value"] for o in found[0]["options"]] if found else []
        if sorted(options) == sorted(values):
            correct += 1
        else:
            problems.append(f"conflict {path}: expected {values}, read {options}")
    return correct, stated, problems


def main() -> None:
    correct = stated = 0
    print("document                              correct/stated")
    for seed in SEED_FILES:
        c, s, spurious, problems = seed_score(seed)
        correct, stated = correct + c, stated + s
        print(f"seed {seed:<32} {c:>3}/{s:<3} {100 * c / s:5.1f} %  ({spurious} spurious)")
        for problem in problems:
            print(f"    {problem}")
    ocr_missing = missing_tools()
    for name, expected in FIXTURES.items():
        label = Path(name).name
        if expected.get("needs_ocr") and ocr_missing:
            print(f"{label:<37} skipped: OCR needs {', '.join(ocr_missing)}")
            continue
        c, s, problems = fixture_score(name)
        correct, stated = correct + c, stated + s
        print(f"{label:<37} {c:>3}/{s:<3} {100 * c / s:5.1f} %")
        for problem in problems:
            print(f"    {problem}")
    print(f"all documents: {correct}/{stated} = {100 * correct / stated:.1f} % of stated "
          "fields correct")


if __name__ == "__main__":
    main()
