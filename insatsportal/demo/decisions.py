"""The seeds' two decisions (003, 004), imported from the seed documents.

Seed 004 granted the predecessor "En väg in – flera vägar ut Knivsta" (its application is
not among the seeds); the importer finds the intervention through application 000, which
names it as predecessor, and records a case without application. Seed 003 is the working
committee's proposal on application 000, granted as proposed. Both become grants of the
intervention "En väg in – steget vidare".
"""

import datetime

from insatsportal.demo.applications import seed_path
from insatsportal.imports import services as import_services
from insatsportal.imports.mapping import decision_facts
from insatsportal.imports.matching import decision_answers

D = datetime.date

# The documents are proposals: the meetings, the decisions' dates, the approval of the
# minutes and their posting are in the minutes, which are not among the seeds. In order:
# 004 before 003.
MEETINGS = {
    "004": {"decided_on": D(2017, 12, 8), "minutes_approved_on": D(2017, 12, 15),
            "posted_on": D(2017, 12, 18)},
    "003": {"committee_date": D(2022, 9, 1), "decided_on": D(2022, 9, 22),
            "minutes_approved_on": D(2022, 9, 29), "posted_on": D(2022, 9, 30)},
}


def demo_decisions(association) -> None:
    """Import once; a second run changes nothing."""
    for prefix, meetings in MEETINGS.items():
        path = seed_path(prefix)
        content = path.read_bytes()
        if import_services.document_duplicate_of(content) is not None:
            continue
        document = import_services.document_upload(actor=None, content=content,
                                                   filename=path.name)
        facts = decision_facts(document.result) | meetings
        facts |= decision_answers(facts)
        import_services.document_confirm_decision(actor=None, document=document, facts=facts)
