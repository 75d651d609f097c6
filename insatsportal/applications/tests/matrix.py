from django.urls import reverse

from insatsportal.core.tests.matrix import only

MATRIX = {
    "applications:list": (
        lambda demo: reverse("applications:list"),
        only("kansli", "styrelse", "insatsansvarig"),
    ),
}
