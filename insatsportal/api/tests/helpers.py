import datetime

from django.utils import timezone

from insatsportal.accounts.models import User
from insatsportal.api import services
from insatsportal.api.models import Scope


def office_token(scopes=tuple(Scope.values), interventions=(), days=30, name="Test integration"):
    """(token, raw) created by the demo office through the service, as the page does."""
    return services.api_token_create(
        actor=User.objects.get(username="kansli"), name=name, scopes=list(scopes),
        interventions=list(interventions),
        expires_on=timezone.localdate() + datetime.timedelta(days=days))
