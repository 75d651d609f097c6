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


def review_post_data(page) -> dict:
    """What the review page's form posts unchanged: every field and every formset row."""
    form = page.context["form"]
    data = {name: _plain(form[name].value()) for name in form.fields}
    for formset in page.context.get("formsets") or []:
        data |= {bf.html_name: _plain(bf.value()) for bf in formset.management_form}
        for row in formset:
            data |= {bf.html_name: _plain(bf.value()) for bf in row
                     if bf.name != "DELETE"}
    return data


def _plain(value):
    if value is None or value is False:
        return ""
    return value if isinstance(value, str) else str(value)
