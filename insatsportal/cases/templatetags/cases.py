from django import template

from insatsportal.accounts import policy
from insatsportal.cases import selectors

register = template.Library()


@register.inclusion_tag("cases/_coming_meetings.html")
def coming_meetings(user):
    """The start page's next meetings with their papers, for the board and the office."""
    if not policy.can_view_case_preparation(user):
        return {"meetings": []}
    return {"meetings": list(selectors.meetings_coming(user=user))}
