from ninja import Router

from insatsportal.api.models import Scope
from insatsportal.api.v1 import selectors
from insatsportal.api.v1.auth import scoped
from insatsportal.api.v1.errors import found_or_404, responses
from insatsportal.api.v1.schemas import AssociationOut, TokenOut

router = Router(tags=["förbund"])


@router.get("/me", response=responses(TokenOut), url_name="me", operation_id="me")
def me(request):
    """The token itself: its name, scopes, interventions and expiry."""
    token = request.auth
    return {"name": token.name, "token_id": token.prefix, "scopes": token.scopes,
            "all_interventions": token.all_interventions,
            "interventions": sorted(token.interventions.values_list("pk", flat=True)),
            "expires_at": token.expires_at}


@router.get("/association", response=responses(AssociationOut, detail=True),
            url_name="association", operation_id="association")
def association(request):
    """The förbund and its members."""
    token = scoped(request, Scope.ASSOCIATION)
    found = found_or_404(selectors.association(token=token))
    return {"name": found.name, "short_name": found.short_name,
            "organisation_number": found.organisation_number,
            "members": [{"id": m.pk, "name": m.name, "kind": m.kind,
                         "organisation_number": m.organisation_number}
                        for m in found.members.all()]}
