from django import template

from insatsportal.drafts import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def page_drafts(context):
    """The signed-in user's drafts for this page (see drafts/page_drafts.html)."""
    request = context.get("request")
    if request is None or not context.get("fully_signed_in"):
        return None
    return selectors.page_drafts(user=request.user, path=request.path)
