from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "insatsportal.imports"
    verbose_name = _("Document import")
