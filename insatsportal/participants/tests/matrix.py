from django.urls import reverse

from insatsportal.core.tests.matrix import only

MATRIX = {
    "participants:list": (
        lambda demo: reverse("participants:list"),
        only("deltagaransvarig", "handlaggare"),
    ),
}
