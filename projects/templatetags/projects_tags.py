"""``{% linked_projects obj %}``: the projects an exchange, course, cohort or webinar belongs
to, for those apps' pages to show without importing projects' models (one query)."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import get_language

register = template.Library()


@register.inclusion_tag("projects/linked_projects.html")
def linked_projects(obj):
    from ..models import ProjectPage

    if obj is None or getattr(obj, "pk", None) is None:
        return {"pages": []}
    content_type = ContentType.objects.get_for_model(obj)
    pages = ProjectPage.objects.live().public().filter(
        locale__language_code=(get_language() or "en")[:2],
        project__activity_links__content_type=content_type,
        project__activity_links__object_id=obj.pk,
    ).order_by("title")
    return {"pages": list(pages[:20])}


@register.simple_tag
def state_label(kind: str, state: str) -> str:
    """The label of a concept note's, project's or report's state in the active language."""
    from ..enums import ProposalState, ReportState, Status

    choices = {"proposal": ProposalState, "project": Status, "report": ReportState}.get(kind)
    return str(dict(choices.choices).get(state, state)) if choices else state
