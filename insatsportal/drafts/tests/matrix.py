from django.urls import reverse

from insatsportal.core.tests.matrix import Write, statuses


def _url(name):
    return lambda demo: reverse(name)


# A user's own drafts: every signed-in user keeps and lets go of their own (POST only).
MATRIX = {
    "drafts:save": (_url("drafts:save"), statuses(405)),
    "drafts:discard": (_url("drafts:discard"), statuses(405)),
}

WRITES = {
    "drafts:save": Write(_url("drafts:save"),
                         {"path": "/", "field": "note", "text": "Ett utkast"}, statuses(302)),
    "drafts:discard": Write(_url("drafts:discard"), {"path": "/", "field": "note"},
                            statuses(302), writes=False),
}
