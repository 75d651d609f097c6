from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DraftsConfig(AppConfig):
    name = "insatsportal.drafts"
    verbose_name = _("Drafts")

    def ready(self):
        from insatsportal.drafts import signals  # noqa: F401 - connects the receiver
