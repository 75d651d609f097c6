from django import template

from insatsportal.drafts import selectors
from insatsportal.drafts.signals import SESSION_KEY

register = template.Library()


@register.simple_tag(takes_context=True)
def page_drafts(context):
    """The signed-in user's drafts for this page (see drafts/page_drafts.html)."""
    request = context.get("request")
    if request is None or not context.get("fully_signed_in"):
        return None
    if not request.session.get(SESSION_KEY):
        return {"typing": {}, "kept": None}
    return selectors.page_drafts(user=request.user, path=request.path)
