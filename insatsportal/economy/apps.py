from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EconomyConfig(AppConfig):
    name = "insatsportal.economy"
    verbose_name = _("The förbund's economy")
