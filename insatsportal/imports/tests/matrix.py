from django.urls import reverse

from insatsportal.core.tests.matrix import Write, office, only, statuses
from insatsportal.imports.models import ImportedDocument


def _document_url(name):
    def url(demo):
        document = ImportedDocument.objects.order_by("uploaded_at").first()  # a demo seed
        return reverse(name, args=[document.pk])
    return url


MATRIX = {
    "imports:list": (lambda demo: reverse("imports:list"), only("kansli")),
    "imports:review": (_document_url("imports:review"), only("kansli")),
    "imports:discard": (_document_url("imports:discard"), statuses(405)),
    "imports:read_as": (_document_url("imports:read_as"), statuses(405)),
    "imports:terms": (lambda demo: reverse("imports:terms"), only("kansli")),
    # POST only; the office's removal is tested in test_terms.py
    "imports:term_remove": (lambda demo: reverse("imports:term_remove", args=[1]),
                            statuses(405)),
}


WRITES = {
    # Without a file the upload goes back to the list; a confirmed seed's review refuses.
    "imports:list": Write(lambda demo: reverse("imports:list"), {}, office(302), writes=False),
    "imports:review": Write(_document_url("imports:review"), {}, office(400)),
    # A confirmed seed cannot be discarded: the office is sent back with the reason.
    "imports:discard": Write(_document_url("imports:discard"), {}, office(), writes=False),
    "imports:read_as": Write(_document_url("imports:read_as"), {"kind": "decision"}, office(),
                             writes=False),
    "imports:terms": Write(lambda demo: reverse("imports:terms"), {}, office(200),
                           writes=False),
    "imports:term_remove": Write(lambda demo: reverse("imports:term_remove", args=[1]), {},
                                 office(404), writes=False),
}
