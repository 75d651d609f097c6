"""Seed documents changed just enough to be new documents (another SHA-256)."""

from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "demo" / "seeds"


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*"))


def seed_copy(prefix: str, tmp_path: Path, *, replace: tuple[str, str] | None = None,
              name: str | None = None) -> Path:
    text = seed(prefix).read_text("utf-8")
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    path = tmp_path / (name or f"kopia-{prefix}.txt")
    path.write_text(text + "\n", "utf-8")
    return path
