from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "insatsportal.core"
    verbose_name = _("Core")

    def ready(self):
        from django.core.signals import request_finished

        from insatsportal.core.logs import clear_request_context

        request_finished.connect(clear_request_context, dispatch_uid="core.clear_request_context")
