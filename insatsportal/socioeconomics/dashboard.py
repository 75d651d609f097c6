"""The side-by-side table of estimates as a section of the förbund's dashboard (reports),
named in settings.DASHBOARD_SECTIONS so that reports does not import this app."""

from insatsportal.organisations.selectors import association_current
from insatsportal.socioeconomics import selectors


def estimates_section(*, interventions) -> dict:
    association = association_current()
    return {"template": "socioeconomics/_dashboard.html",
            "rows": selectors.period_estimates(interventions=interventions,
                                               association=association),
            "settings": selectors.estimate_settings_get(association=association)}
