from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default = True
    name = "insatsportal.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from insatsportal.accounts import signals  # noqa: F401 - connects the receivers


class SecureAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "insatsportal.accounts.admin_site.SecureAdminSite"
