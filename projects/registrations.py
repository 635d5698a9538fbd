"""What projects gives to the shared registries (rooms, country profiles, open data, networks,
linkable activities). Called once from ``ProjectsConfig.ready()``."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from . import activities, opendata_rows


def _public_exchanges(queryset):
    return queryset.filter(publish_summary=True, state__in=("completed", "reports_submitted",
                                                            "closed"))


def _live(queryset):
    """Live pages that no view restriction hides (their own or an ancestor's)."""
    from cms.pages.highlights import public_pages

    return public_pages(queryset.filter(live=True))


def _cohort_url(cohort):
    course = getattr(cohort, "course", None)
    return course.url if course is not None and course.live else ""


def _exchange_url(exchange):
    from django.urls import reverse

    return reverse("exchanges:public_summary", kwargs={"pk": exchange.pk})


def _visible_exchanges(user, queryset):
    """The exchanges ``user`` may open (exchanges' own rule) and the published ones."""
    from exchanges.permissions import visible_requests

    return _public_exchanges(queryset) | queryset.filter(pk__in=visible_requests(user).values("pk"))


# label, name, public, url, visible (None: the secretariat sees every item, others the public)
KINDS = [
    ("exchanges.ExchangeRequest", _("Peer exchange"), _public_exchanges, _exchange_url,
     _visible_exchanges),
    ("courses.CoursePage", _("Course"), _live, None, None),
    ("courses.Cohort", _("Cohort"), lambda qs: qs.filter(course__live=True), _cohort_url, None),
    ("courses.WebinarPage", _("Webinar"), _live, None, None),
    ("forums.MeetingPage", _("Forum meeting"), _live, None, None),
    ("experiences.ExperiencePage", _("Experience"), _live, None, None),
]


def register_activity_kinds() -> None:
    for label, name, public, url, visible in KINDS:
        app_label, model_name = label.split(".")
        try:
            apps.get_model(app_label, model_name)
        except LookupError:
            continue  # that app is not installed (or has no such model yet)
        kwargs = {"public": public, "visible": visible,
                  "related": ("course",) if label == "courses.Cohort" else ()}
        if url is not None:
            kwargs["url"] = url
        activities.register(activities.ActivityKind(label, name, **kwargs))


def register_all() -> None:
    from cms.pages.related import register_related
    from rooms import parents

    from .models import Project
    from .permissions import ProjectRoomPolicy
    from .templatetags.projects_tags import render_linked_projects

    parents.register(Project, ProjectRoomPolicy())
    register_activity_kinds()
    register_related("projects", render_linked_projects, order=40)
    if apps.is_installed("countries"):
        from countries import sections

        from .signal_handlers import PROJECTS

        sections.register(sections.Section(
            key="projects", title=_("Cooperation projects"), order=40,
            template="projects/country_section.html", context=opendata_rows.country_section,
            headline=opendata_rows.country_headline, headline_label=_("Projects"),
            version=PROJECTS.current,
        ))
    if apps.is_installed("opendata"):
        from opendata import datasets

        for dataset in opendata_rows.datasets():
            datasets.register(dataset)
    if apps.is_installed("networks"):
        from networks import activity

        activity.register(activity.Source(
            key="projects", label=_("Cooperation projects"), order=40,
            items=opendata_rows.network_items, yearly=opendata_rows.network_yearly,
        ))
