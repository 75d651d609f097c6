from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocioeconomicsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "insatsportal.socioeconomics"
    verbose_name = _("Socio-economic estimates")
