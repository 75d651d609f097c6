from django.urls import reverse

from insatsportal.core.tests.matrix import only

MATRIX = {
    "reports:index": (
        lambda demo: reverse("reports:index"),
        only("kansli", "styrelse", "insatsansvarig", "rapportlasare"),
    ),
}
