from django.urls import reverse

from insatsportal.core.tests.matrix import only

MATRIX = {
    "organisations:register": (lambda demo: reverse("organisations:register"), only("kansli")),
}
