"""Compile every django.po to .mo with Babel, so no GNU gettext is needed to run."""

import os
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the translation catalogues (django.po -> django.mo) that changed."

    def handle(self, *args, **options):
        root = Path(settings.BASE_DIR) / "insatsportal"
        compiled = current = 0
        for po_path in sorted(root.glob("**/locale/*/LC_MESSAGES/django.po")):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                current += 1
                continue
            with po_path.open("rb") as po_file:
                catalog = read_po(po_file)
            # Written aside and moved in whole: a test run reading the catalogues meanwhile
            # (CI runs two suites at once) never sees half a file.
            partial = mo_path.with_suffix(".mo.partial")
            with partial.open("wb") as mo_file:
                write_mo(mo_file, catalog)
            os.replace(partial, mo_path)
            compiled += 1
        self.stdout.write(f"Compiled {compiled} translation catalogues; {current} were current.")
