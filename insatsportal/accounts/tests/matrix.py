from django.urls import reverse

from insatsportal.core.tests.matrix import statuses

MATRIX = {
    # Signed-in users are sent on to the start page.
    "accounts:login": (lambda demo: reverse("accounts:login"), statuses(302, anonymous=200)),
    # Logging out is a POST; a GET is refused.
    "accounts:logout": (lambda demo: reverse("accounts:logout"), statuses(405)),
}
