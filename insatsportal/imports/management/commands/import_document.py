"""python manage.py import_document PATH [PATH ...] [--json] [--save]

Reads each file and prints one JSON object per file (--json); saves nothing unless --save,
which stores the document and creates the application or records the decision, one
transaction per file. A file that cannot be read or saved gives one line on stderr and
the exit status 1; the other files are still handled.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from insatsportal.applications.budget import AmountError, parse_date
from insatsportal.imports import services
from insatsportal.imports.mapping import application_data, decision_facts
from insatsportal.imports.matching import decision_answers
from insatsportal.imports.reading import ImportReadError, document_read


class Command(BaseCommand):
    help = "Read the förbund's existing applications and decisions (.docx, .pdf, .txt)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--json", action="store_true",
                            help="Print one JSON object per file.")
        parser.add_argument("--save", action="store_true",
                            help="Store each document and create what it describes.")
        parser.add_argument("--decided-on", metavar="DATE",
                            help="Decision date for decision documents that do not state one.")

    def handle(self, *args, **options):
        paths = options["paths"]
        try:
            decided_on = parse_date(options["decided_on"])
        except AmountError:
            self.stderr.write(_("--decided-on: “%(value)s” is not a date.")
                              % {"value": options["decided_on"]})
            raise SystemExit(2) from None
        failures = 0
        for path in paths:
            try:
                result, outcome = self._one(path, save=options["save"], decided_on=decided_on)
            except (OSError, ImportReadError, services.DocumentImportError) as exc:
                message = exc.strerror if isinstance(exc, OSError) else str(exc)
                self.stderr.write(f"{path}: {' '.join(str(message).split())}")
                failures += 1
                continue
            if options["json"]:
                self.stdout.write(json.dumps(result.to_json(), ensure_ascii=False))
            else:
                self.stdout.write(_("%(path)s: %(kind)s, %(count)s warnings%(outcome)s") % {
                    "path": path, "kind": result.kind, "count": len(result.warnings),
                    "outcome": outcome})
        if failures:
            raise SystemExit(1)

    def _one(self, path: str, *, save: bool, decided_on):
        content = Path(path).read_bytes()
        result = document_read(content, Path(path).name, source=path)
        if not save:
            return result, ""
        with transaction.atomic():
            document = services.document_upload(actor=None, content=content,
                                                filename=Path(path).name, result=result)
            if result.kind == "application":
                application = services.document_confirm_application(
                    actor=None, document=document, data=application_data(document.result))
                return result, _("; application %(pk)s created") % {"pk": application.pk}
            if result.kind == "minutes":
                numbers = [self._decision(paragraph, decided_on).case.number
                           for paragraph in document.paragraphs.order_by("filename")]
                return result, _("; decisions recorded in cases %(numbers)s") % {
                    "numbers": ", ".join(numbers)}
            decision = self._decision(document, decided_on)
            return result, _("; decision recorded in case %(number)s") % {
                "number": decision.case.number}

    def _decision(self, document, decided_on):
        conflicts = document.result.get("conflicts") or []
        if conflicts:
            # never silently wrong: two readings need a person's choice
            raise services.DocumentImportError(_(
                "%(file)s gives two readings (%(readings)s); review it in the browser.") % {
                "file": document.filename, "readings": ", ".join(
                    " / ".join(str(o["value"]) for o in c["options"]) for c in conflicts)})
        facts = decision_facts(document.result)
        facts["decided_on"] = facts["decided_on"] or decided_on
        if facts["decided_on"] is None:
            raise services.DocumentImportError(_(
                "the document states no decision date; give --decided-on YYYY-MM-DD."))
        facts |= decision_answers(facts)
        return services.document_confirm_decision(actor=None, document=document, facts=facts)
