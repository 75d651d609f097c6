from django.urls import reverse

from insatsportal.core.tests.matrix import FromPage, Write, form_token, only, statuses
from insatsportal.participants.tests import factories


def _intervention_url(name):
    return lambda demo: reverse(name, args=[factories.intervention().pk])


def _participant_url(name):
    return lambda demo: reverse(name, args=[factories.matrix_participant().pk])


STAFF = ("deltagaransvarig",)
SECTION = ("deltagaransvarig", "handlaggare")
# Section open (deltagaransvarig, handlaggare), object outside the case worker's scope: 404.
MANAGE = statuses(403, deltagaransvarig=200, handlaggare=404)
# A participant whose consent names the case worker's organisation: both see the page.
READ = only(*SECTION)

MATRIX = {
    "participants:list": (lambda demo: reverse("participants:list"), only(*SECTION)),
    "participants:intervention": (_intervention_url("participants:intervention"), MANAGE),
    "participants:search": (_intervention_url("participants:search"),
                            statuses(405)),
    "participants:register": (_intervention_url("participants:register"), MANAGE),
    "participants:register_anonymous": (_intervention_url("participants:register_anonymous"),
                                        MANAGE),
    "participants:detail": (_participant_url("participants:detail"), READ),
    "participants:edit": (_participant_url("participants:edit"), MANAGE),
    "participants:consent_withdraw": (_participant_url("participants:consent_withdraw"), MANAGE),
    "participants:protect": (_participant_url("participants:protect"), MANAGE),
    "participants:consent_scan": (_participant_url("participants:consent_scan"),
                                  statuses(403, deltagaransvarig=404, handlaggare=404)),
    "participants:enrolment": (_participant_url("participants:enrolment"), MANAGE),
    "participants:discharge": (_participant_url("participants:discharge"), MANAGE),
    "participants:plan": (_participant_url("participants:plan"), MANAGE),
    "participants:plan_revise": (_participant_url("participants:plan_revise"),
                                 statuses(403, deltagaransvarig=302, handlaggare=404)),
    "participants:progress": (_participant_url("participants:progress"), READ),
    "participants:rating_create": (_participant_url("participants:rating_create"), MANAGE),
    "participants:activity_create": (_participant_url("participants:activity_create"), MANAGE),
    "participants:group_activity": (_intervention_url("participants:group_activity"), MANAGE),
    "participants:follow_up": (_participant_url("participants:follow_up"), MANAGE),
    "participants:follow_up_overview": (_intervention_url("participants:follow_up_overview"),
                                        MANAGE),
    "participants:follow_up_policy": (_intervention_url("participants:follow_up_policy"),
                                      statuses(405)),
    "participants:follow_up_sample": (_intervention_url("participants:follow_up_sample"),
                                      statuses(405)),
    "participants:due": (_intervention_url("participants:due"), MANAGE),
    "participants:statistics": (lambda demo: reverse("participants:statistics"),
                                only("kansli", "styrelse", "rapportlasare")),
    "participants:privacy": (lambda demo: reverse("participants:privacy"), only("kansli")),
    "participants:extract": (lambda demo: reverse("participants:extract"), only("kansli")),
}


# The intervention's deltagaransvarig writes; a case worker (section open, this participant
# or intervention not theirs to manage) gets 404; roles without the section 403.
WRITE = statuses(403, deltagaransvarig=302, handlaggare=404)


# The page's own form posted as it stands: the deltagaransvarig gets it back (200) with what
# is still to fill in, so these rows test who may post, not a completed step.
FORM_BACK = statuses(403, deltagaransvarig=200, handlaggare=404)


def _page(name, url=_participant_url, **changes):
    return Write(url(name), FromPage("deltagaransvarig", **changes), FORM_BACK, writes=False)


WRITES = {
    "participants:search": Write(_intervention_url("participants:search"), {"q": "Anna"},
                                 WRITE, writes=False),
    "participants:register": _page("participants:register", _intervention_url),
    "participants:register_anonymous": _page("participants:register_anonymous",
                                             _intervention_url),
    "participants:edit": Write(_participant_url("participants:edit"),
                               FromPage("deltagaransvarig", name="Matris Omdöpt"), WRITE),
    "participants:consent_withdraw": _page("participants:consent_withdraw"),
    "participants:protect": _page("participants:protect"),
    "participants:enrolment": _page("participants:enrolment"),
    "participants:discharge": _page("participants:discharge"),
    "participants:plan": _page("participants:plan"),
    # Without a plan yet, the revision sends the user to write the plan first.
    "participants:plan_revise": Write(_participant_url("participants:plan_revise"), {},
                                      WRITE, writes=False),
    "participants:rating_create": _page("participants:rating_create"),
    "participants:activity_create": _page("participants:activity_create"),
    "participants:group_activity": _page("participants:group_activity", _intervention_url),
    "participants:follow_up": _page("participants:follow_up"),
    "participants:follow_up_policy": Write(_intervention_url("participants:follow_up_policy"),
                                           {"months": "6"}, WRITE),
    "participants:follow_up_sample": Write(_intervention_url("participants:follow_up_sample"),
                                           lambda demo: {**form_token(), "size": "1"},
                                           FORM_BACK, writes=False),
    "participants:extract": Write(lambda demo: reverse("participants:extract"),
                                  FromPage("kansli"), only("kansli", denied=403)),
}
