"""The paragraph the drafted proposal for an extension gets: the estimate of the
intervention's latest period with figures. Plain Swedish document text, editable in the
proposal like the rest of the draft."""

import re

from django.template.loader import render_to_string

from insatsportal.organisations.selectors import association_current
from insatsportal.socioeconomics.models import Payer
from insatsportal.socioeconomics.selectors import estimate_settings_get, period_estimates

PAYER_TEXT = {Payer.KOMMUN: "kommunen", Payer.REGION: "regionen",
              Payer.AF: "Arbetsförmedlingen", Payer.FK: "Försäkringskassan",
              Payer.STATE: "staten i övrigt"}


def extension_paragraph(*, application) -> str:
    """For an application that continues an intervention in the system; otherwise ''."""
    intervention = application.continues
    if intervention is None:
        return ""
    association = association_current()
    rows = period_estimates(interventions=[intervention], association=association)
    if not rows:
        return ""
    latest = rows[-1]
    text = render_to_string("socioeconomics/proposal.txt", {
        "row": latest, "estimate": latest.estimate,
        "horizon": estimate_settings_get(association=association).horizon_months,
        "parties": [(PAYER_TEXT[p.payer], p) for p in latest.estimate.parties
                    if p.projected],
    })
    return re.sub(r"[ \t\n]+", " ", text).strip()  # keeps the no-break spaces of amounts
