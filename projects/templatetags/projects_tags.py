"""``{% linked_projects obj %}``: the projects an exchange, course, cohort, webinar, meeting or
experience belongs to, for those apps' pages to show without importing projects (one query,
then none until a project, a link or the page tree changes).
The same block fills the "related content" slot of ``cms.pages.related`` (registered in
``projects/registrations.py``), which is how those pages show it."""

from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language

register = template.Library()


def render_linked_projects(context, obj) -> str:
    """The "Part of these projects" block for ``obj``'s page, or "" when it belongs to none."""
    from ..selectors import cached_linked_project_pages

    if obj is None or getattr(obj, "pk", None) is None:
        return ""
    pages = cached_linked_project_pages(obj, (get_language() or "en")[:2],
                                        context.get("request"))
    if not pages:
        return ""
    return render_to_string("projects/linked_projects.html", {"pages": pages},
                            request=context.get("request"))


@register.simple_tag(takes_context=True)
def linked_projects(context, obj):
    return render_linked_projects(context, obj)


@register.simple_tag
def state_label(kind: str, state: str) -> str:
    """The label of a concept note's, project's or report's state in the active language."""
    from ..enums import ProposalState, ReportState, Status

    choices = {"proposal": ProposalState, "project": Status, "report": ReportState}.get(kind)
    return str(dict(choices.choices).get(state, state)) if choices else state
