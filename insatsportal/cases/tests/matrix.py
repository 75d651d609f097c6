from django.urls import reverse

from insatsportal.core.tests.matrix import only

MATRIX = {
    "cases:list": (
        lambda demo: reverse("cases:list"), only("kansli", "styrelse", "insatsansvarig")
    ),
}
