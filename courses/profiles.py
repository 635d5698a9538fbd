"""What learning gives the networks' pages, the country profiles and the open data: courses
offered to a network (tagged with it, or with a cohort restricted to it), and course and webinar
participation by country — aggregated counts only, a count below 5 hidden.

Registered from ``CoursesConfig.ready()``; self-contained (reads only courses' own models).
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Exists, Max, OuterRef, Q
from django.db.models.functions import ExtractYear, Length, Substr
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.models import PageViewRestriction

from cms.directory.models import current_language
from countries import sections
from networks import activity
from opendata import datasets

from .models import CoursePage, Enrolment, Registration, WebinarPage

PARTICIPATING = (Enrolment.Status.ACTIVE,)
REGISTERED = (Registration.Status.REGISTERED,)

#: Pages under no view restriction (Wagtail's ``.public()`` in the same query, not one more).
_NOT_RESTRICTED = ~Exists(
    PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
)


def _public_url(url_path: str, language: str) -> str:
    """The page's address under its language prefix (each language's tree hangs from its own
    home page: ``/home-es/courses/x/`` is ``/es/courses/x/``)."""
    rest = url_path.strip("/").split("/", 1)
    return f"/{language}/{rest[1]}/" if len(rest) > 1 else f"/{language}/"


def _offered(network) -> Q:
    return Q(networks=network) | Q(cohorts__eligible_networks=network)


# -- network activity -------------------------------------------------------------------------
def network_items(network, agency_ids, limit) -> list[dict]:
    language = current_language()
    rows = (
        CoursePage.objects.live().filter(_NOT_RESTRICTED)
        .filter(_offered(network), locale__language_code=language)
        .order_by("-first_published_at", "-pk")
        .values_list("title", "url_path", "first_published_at")
        .distinct()[:limit]
    )
    return [
        {"title": title, "url": _public_url(path, language), "date": published}
        for title, path, published in rows
    ]


def network_yearly(network, agency_ids):
    """Courses offered to the network by year first published (translations counted once)."""
    rows = (
        CoursePage.objects.live()
        .filter(_offered(network), first_published_at__isnull=False)
        .annotate(year=ExtractYear("first_published_at"))
        .values("year")
        .annotate(n=Count("translation_key", distinct=True))
    )
    return rows


# -- country profile --------------------------------------------------------------------------
def country_section(country, request) -> dict:
    """People of the country enrolled and certified, registered for and attending webinars
    (two aggregated queries)."""
    courses = Enrolment.objects.filter(user__country=country).aggregate(
        enrolled=Count("user", filter=Q(status__in=PARTICIPATING), distinct=True),
        completed=Count("user", filter=Q(completed_at__isnull=False), distinct=True),
        courses=Count("cohort__course", filter=Q(status__in=PARTICIPATING), distinct=True),
    )
    webinars = Registration.objects.filter(user__country=country).aggregate(
        registered=Count("user", filter=Q(status__in=REGISTERED), distinct=True),
        attended=Count("user", filter=Q(attended_minutes__gt=0), distinct=True),
        webinars=Count("webinar", filter=Q(status__in=REGISTERED), distinct=True),
    )
    enrolled = sections.small_count(courses["enrolled"])
    registered = sections.small_count(webinars["registered"])
    return {
        "enrolled": enrolled,
        "completed": sections.small_count(courses["completed"]),
        # How many courses would say something of fewer than 5 people too.
        "courses": courses["courses"] if enrolled is not None else None,
        "registered": registered,
        "attended": sections.small_count(webinars["attended"]),
        "webinars": webinars["webinars"] if registered is not None else None,
    }


def country_headline(countries) -> dict[int, int | None]:
    """People of each country enrolled in a course (one query; below 5 hidden as None)."""
    rows = (
        Enrolment.objects.filter(status__in=PARTICIPATING, user__country__isnull=False)
        .values("user__country_id")
        .annotate(n=Count("user", distinct=True))
    )
    figures: dict[int, int | None] = defaultdict(int)
    for row in rows:
        figures[row["user__country_id"]] = sections.small_count(row["n"])
    return dict(figures)


# -- open data --------------------------------------------------------------------------------
def course_rows():
    rows = (
        Enrolment.objects.filter(user__country__isnull=False)
        .values_list("cohort__course__translation_key", "cohort__course__title",
                     "cohort__course__locale__language_code", "user__country__code")
        .annotate(
            enrolled=Count("user", filter=Q(status__in=PARTICIPATING), distinct=True),
            completed=Count("user", filter=Q(completed_at__isnull=False), distinct=True),
        )
        .order_by("cohort__course__title", "user__country__code")
    )
    yield from _shown(rows)


def webinar_rows():
    rows = (
        Registration.objects.filter(user__country__isnull=False)
        .values_list("webinar__translation_key", "webinar__title", "webinar__starts_at",
                     "user__country__code")
        .annotate(
            registered=Count("user", filter=Q(status__in=REGISTERED), distinct=True),
            attended=Count("user", filter=Q(attended_minutes__gt=0), distinct=True),
        )
        .order_by("webinar__starts_at", "user__country__code")
    )
    yield from _shown(rows)


def _shown(rows):
    """Rows with their counts of people below 5 emptied; a row with nothing left to show is
    left out (its presence alone would tell that someone of that country took part)."""
    for row in rows.iterator(chunk_size=2000):
        counts = tuple(sections.small_count(n) for n in row[4:6])
        if any(n is not None for n in counts):
            yield (str(row[0]), *row[1:4], *counts)


def courses_changed():
    return Enrolment.objects.aggregate(at=Max("created_at"))["at"]


def webinars_changed():
    return WebinarPage.objects.aggregate(at=Max("last_published_at"))["at"]


def register() -> None:
    activity.register(activity.Source(
        key="courses", label=_("Courses offered to the network"), order=10,
        items=network_items, yearly=network_yearly,
    ))
    sections.register(sections.Section(
        key="learning", title=_("Courses and webinars"), order=50,
        template="courses/country_section.html", context=country_section,
        headline=country_headline, headline_label=_("People in courses"),
    ))
    hidden = _("Counts below 5 are left empty, so that no person can be singled out.")
    datasets.register(datasets.Dataset(
        slug="course-participation",
        title=_("Course participation by country"),
        description=format_lazy("{} {}", 
            _("People enrolled in and having completed each course, by their country."), hidden),
        columns=(
            datasets.Column("course", _("Course identifier (shared by its translations)")),
            datasets.Column("title", _("Course title")),
            datasets.Column("language", _("Language of the course")),
            datasets.Column("country", _("Country of the people (ISO 3166-1 alpha-2)")),
            datasets.Column("enrolled", _("People enrolled"), "integer"),
            datasets.Column("completed", _("People who completed it"), "integer"),
        ),
        rows=course_rows, last_updated=courses_changed, keywords=("learning", "courses"),
    ))
    datasets.register(datasets.Dataset(
        slug="webinar-participation",
        title=_("Webinar participation by country"),
        description=format_lazy("{} {}", 
            _("People registered for and attending each webinar, by their country."), hidden),
        columns=(
            datasets.Column("webinar", _("Webinar identifier (shared by its translations)")),
            datasets.Column("title", _("Webinar title")),
            datasets.Column("starts_at", _("Starts at"), "date"),
            datasets.Column("country", _("Country of the people (ISO 3166-1 alpha-2)")),
            datasets.Column("registered", _("People registered"), "integer"),
            datasets.Column("attended", _("People who attended"), "integer"),
        ),
        rows=webinar_rows, last_updated=webinars_changed, keywords=("learning", "webinars"),
    ))
