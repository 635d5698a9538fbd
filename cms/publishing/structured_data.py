"""schema.org data for each page, as JSON-LD in its head.

A page type opts in in one of two ways, without this module knowing its app:

- a method ``schema_org(self, request) -> dict | list[dict] | None`` on the page class; or
- a builder registered here by the page class's *name* (``@register("CoursePage")``), so the
  data of a type whose app is being reorganised lives in one place and survives the move.

A method wins over a registered builder. Builders read only the page's own fields (no query
beyond what the page's template reads anyway) and never private data (a webinar's join link).
Each object carries its own ``@context``.
"""

from collections.abc import Callable
from datetime import date, datetime, time

from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from cms.notify import absolute_url

SCHEMA = "https://schema.org"
Builder = Callable[[object, object], dict | list[dict] | None]

_BUILDERS: dict[str, Builder] = {}


def register(model_name: str) -> Callable[[Builder], Builder]:
    """Register ``builder(page, request)`` for page classes named ``model_name``."""

    def decorator(builder: Builder) -> Builder:
        _BUILDERS[model_name] = builder
        return builder

    return decorator


def objects_for(page, request) -> list[dict]:
    """The schema.org objects describing ``page`` (a specific page), possibly none."""
    method = getattr(page, "schema_org", None)
    if callable(method):
        result = method(request)
    else:
        builder = next(
            (_BUILDERS[cls.__name__] for cls in type(page).__mro__ if cls.__name__ in _BUILDERS),
            None,
        )
        result = builder(page, request) if builder else None
    if not result:
        return []
    return [dict({"@context": SCHEMA}, **item) for item in (
        result if isinstance(result, list) else [result]
    )]


def department(language: str | None = None) -> dict:
    """The department as a schema.org Organization (provider, organizer, publisher)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        return {
            "@type": "Organization",
            "name": _("Department of Social Inclusion"),
            "url": absolute_url(f"/{language}/"),
            "parentOrganization": {
                "@type": "Organization",
                "name": _("Organization of American States"),
                "url": "https://www.oas.org/",
            },
        }


def iso(value) -> str | None:
    """A date or an aware datetime in ISO 8601, as schema.org expects."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat()
    return str(value)


def page_url(page, request) -> str:
    return absolute_url(page.get_url(request) or "/")


def _language(page) -> str:
    """The page's language, without a query: its locale if loaded, else the active language
    (a page is served under its own language's prefix)."""
    locale = page._state.fields_cache.get("locale")
    if locale is not None:
        return locale.language_code
    return translation.get_language() or settings.LANGUAGE_CODE


def _description(page, *fields: str) -> str:
    for name in fields:
        text = strip_tags(str(getattr(page, name, "") or "")).strip()
        if text:
            return text
    return page.search_description or page.title


def _clean(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [])}


@register("HomePage")
def home_page(page, request) -> dict:
    language = _language(page)
    organization = department(language)
    organization["url"] = page_url(page, request)
    return organization


def article(page, request, *, kind: str = "Article", author: dict | None = None,
            published=None, summary_fields=("summary", "intro")) -> dict:
    """An Article (or a subtype) for any content page; usable by other page types' methods."""
    language = _language(page)
    publisher = department(language)
    return _clean({
        "@type": kind,
        "headline": page.title[:110],
        "description": _description(page, *summary_fields),
        "inLanguage": language,
        "url": page_url(page, request),
        "mainEntityOfPage": page_url(page, request),
        "datePublished": iso(published or page.first_published_at),
        "dateModified": iso(page.last_published_at or page.first_published_at),
        "author": author or publisher,
        "publisher": publisher,
    })


@register("NewsPage")
def news_page(page, request) -> dict:
    return article(page, request, kind="NewsArticle", published=page.date)


@register("ExperiencePage")
def experience_page(page, request) -> dict:
    """A good practice: written up by the agency that shares it, published by the department."""
    author = None
    if getattr(page, "agency_id", None):
        author = {"@type": "GovernmentOrganization", "name": page.agency.name}
    return article(page, request, author=author)


@register("CoursePage")
def course_page(page, request) -> dict:
    language = _language(page)
    hours = getattr(page, "estimated_hours", None)
    return _clean({
        "@type": "Course",
        "name": page.title,
        "description": _description(page, "summary"),
        "url": page_url(page, request),
        "inLanguage": getattr(page, "language", "") or language,
        "provider": department(language),
        "isAccessibleForFree": True,
        "hasCourseInstance": [_clean({
            "@type": "CourseInstance",
            "courseMode": "Online",
            "courseWorkload": f"PT{hours}H" if hours else None,
        })],
    })


@register("WebinarPage")
def webinar_page(page, request) -> dict:
    """A webinar: an online Event (its join link is private and never published here)."""
    duration = getattr(page, "duration_minutes", None)
    starts_at = page.starts_at
    ends_at = getattr(page, "ends_at", None)
    if ends_at is None and duration and starts_at:
        from datetime import timedelta

        ends_at = starts_at + timedelta(minutes=duration)
    return event(
        page, request, starts_at=starts_at, ends_at=ends_at, online=True, in_person=False,
        language=getattr(page, "language", ""), description_fields=("summary",),
    )


def event(page, request, *, starts_at, ends_at=None, online: bool, in_person: bool,
          place: dict | None = None, online_url: str = "", language: str = "",
          description_fields=("summary", "intro")) -> dict:
    """An Event for any page type (webinars, the department's events, forum meetings…)."""
    page_language = _language(page)
    if online and in_person:
        mode = "MixedEventAttendanceMode"
    elif online:
        mode = "OnlineEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    locations = []
    if in_person:
        locations.append(place or {"@type": "Place", "name": page.title})
    if online:
        locations.append({"@type": "VirtualLocation", "url": online_url or page_url(page, request)})
    return _clean({
        "@type": "Event",
        "name": page.title,
        "description": _description(page, *description_fields),
        "url": page_url(page, request),
        "inLanguage": language or page_language,
        "startDate": iso(starts_at),
        "endDate": iso(ends_at),
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "eventAttendanceMode": f"{SCHEMA}/{mode}",
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": department(page_language),
    })


@register("EventPage")
def event_page(page, request) -> dict:
    place = None
    if page.in_person:
        address = _clean({
            "@type": "PostalAddress",
            "addressLocality": page.city,
            "addressCountry": page.country.code if page.country_id else None,
        })
        place = _clean({"@type": "Place", "name": page.venue or page.city or page.title,
                        "address": address if len(address) > 1 else None})
    return event(
        page, request, starts_at=page.starts_at, ends_at=page.ends_at, online=page.online,
        in_person=page.in_person, place=place, online_url=page.online_url,
        language=page.language,
    )
