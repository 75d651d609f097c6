"""Fail when a Swedish translation is missing.

With GNU gettext installed, the catalogues are first brought up to date with
the source (makemessages), so a new string without a translation is caught.
"""

import shutil
from pathlib import Path

from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


def untranslated(po_path: Path) -> list[str]:
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file)
    return [
        str(message.id)
        for message in catalog
        if message.id and (message.fuzzy or not all(_strings(message.string)))
    ]


def _strings(value):
    return value if isinstance(value, tuple) else (value,)


def catalogues() -> list[Path]:
    root = Path(settings.BASE_DIR) / "insatsportal"
    return sorted(root.glob("**/locale/sv/LC_MESSAGES/django.po"))


class Command(BaseCommand):
    help = "Check that every interface string has a Swedish translation."

    def handle(self, *args, **options):
        if shutil.which("xgettext"):
            call_command(
                "makemessages", locale=["sv"], no_obsolete=True, no_location=True,
                ignore_patterns=[".venv/*", "db/*"], verbosity=0,
            )
        else:
            self.stdout.write("GNU gettext is missing: checking the catalogues as they are.")
        problems = {path: untranslated(path) for path in catalogues()}
        problems = {path: ids for path, ids in problems.items() if ids}
        if problems:
            lines = [f"{path}: {ids[:10]}" for path, ids in problems.items()]
            raise CommandError("Untranslated strings:\n" + "\n".join(lines))
        self.stdout.write(f"All {len(catalogues())} catalogues are fully translated.")
