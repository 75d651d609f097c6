"""Field-level accuracy on the seeds: fields read correctly / fields the documents state.

Run: python -m insatsportal.imports.parsing.tests.accuracy
"""

from __future__ import annotations

from pathlib import Path

from insatsportal.imports.parsing import read_document
from insatsportal.imports.parsing.tests.expected import EXPECTED, SEED_FILES, leaves
from insatsportal.imports.parsing.tests.register import resolve

SEEDS = Path(__file__).resolve().parents[3] / "demo" / "seeds"


def score(seed: str) -> tuple[int, int, int, list[str]]:
    """(correct, stated, spurious, problems) for one seed."""
    result = read_document(SEEDS / SEED_FILES[seed], resolve_organisation=resolve).to_json()
    got = dict(leaves(result["fields"]))
    correct = stated = spurious = 0
    problems = []
    for path, want in leaves(EXPECTED[seed]["fields"]):
        have = got.get(path)
        if want is None or want == []:
            if have not in (None, []):
                spurious += 1
                problems.append(f"{path}: expected nothing, read {have!r}")
            continue
        stated += 1
        if have == want:
            correct += 1
        else:
            problems.append(f"{path}: expected {want!r}, read {have!r}")
    for path in got:
        if path not in dict(leaves(EXPECTED[seed]["fields"])) and got[path] not in (None, []):
            spurious += 1
            problems.append(f"{path}: not in the document, read {got[path]!r}")
    return correct, stated, spurious, problems


def main() -> None:
    total_correct = total_stated = total_spurious = 0
    for seed in SEED_FILES:
        correct, stated, spurious, problems = score(seed)
        total_correct += correct
        total_stated += stated
        total_spurious += spurious
        print(f"seed {seed}: {correct}/{stated} fields correct, {spurious} spurious")
        for problem in problems:
            print(f"    {problem}")
    share = 100 * total_correct / total_stated
    print(f"all seeds: {total_correct}/{total_stated} = {share:.1f} % of stated fields "
          f"correct; {total_spurious} values read where the document states none")


if __name__ == "__main__":
    main()
