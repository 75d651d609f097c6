"""Compile every django.po to .mo with Babel, so no GNU gettext is needed to run."""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the translation catalogues (django.po -> django.mo)."

    def handle(self, *args, **options):
        root = Path(settings.BASE_DIR) / "insatsportal"
        count = 0
        for po_path in sorted(root.glob("**/locale/*/LC_MESSAGES/django.po")):
            with po_path.open("rb") as po_file:
                catalog = read_po(po_file)
            with po_path.with_suffix(".mo").open("wb") as mo_file:
                write_mo(mo_file, catalog)
            count += 1
        self.stdout.write(f"Compiled {count} translation catalogues.")
