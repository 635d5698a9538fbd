"""Demo experience libraries in the four languages, and ~60 experiences from across the region."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Locale

from cms.directory.models import Agency, Country, PopulationGroup, Theme
from cms.pages.models import HomePage

from .demo_data import E as EXPERIENCES
from .models import ExperienceIndexPage, ExperiencePage
from .services import library_protect

LIBRARY = {
    "en": ("Experiences", "Good practices that agencies across the Americas share with peers."),
    "es": (
        "Experiencias",
        "Buenas prácticas que las instituciones de las Américas comparten con sus pares.",
    ),
    "fr": (
        "Expériences",
        "Les bonnes pratiques que les institutions des Amériques partagent entre elles.",
    ),
    "pt": (
        "Experiências",
        "Boas práticas que as instituições das Américas compartilham com seus pares.",
    ),
}


def _library(locale: Locale, english: ExperienceIndexPage | None) -> ExperienceIndexPage:
    home = HomePage.objects.get(locale=locale, depth=2) if locale.language_code == "en" else None
    if home is None:
        english_home = HomePage.objects.get(locale__language_code="en", depth=2)
        home = english_home.get_translation(locale)
    library = ExperienceIndexPage.objects.child_of(home).first()
    if library is None:
        title, intro = LIBRARY[locale.language_code]
        library = ExperienceIndexPage(
            title=title, slug="experiences", intro=intro, show_in_menus=True, locale=locale
        )
        if english is not None:
            library.translation_key = english.translation_key
        home.add_child(instance=library)
        library.save_revision().publish()
    library_protect(library)
    return library


def _months_ago(months: int) -> datetime.date:
    today = timezone.localdate()
    return today - datetime.timedelta(days=round(months * 30.44))


@transaction.atomic
def seed(stdout) -> None:
    english = _library(Locale.objects.get(language_code="en"), None)
    libraries = {"en": english}
    for code in ("es", "fr", "pt"):
        libraries[code] = _library(Locale.objects.get(language_code=code), english)
    countries = {c.code: c for c in Country.objects.all()}
    agencies = {(a.country.code, a.acronym): a for a in Agency.objects.select_related("country")}
    themes = {t.slug: t for t in Theme.objects.all()}
    groups = {g.slug: g for g in PopulationGroup.objects.all()}
    created = 0
    for row in EXPERIENCES:
        (country, acronym, language, start, end, verified, theme_slugs, group_slugs, title,
         summary, problem, actions, results, lessons) = row
        library = libraries[language]
        slug = slugify(title)[:80]
        if ExperiencePage.objects.child_of(library).filter(slug=slug).exists():
            continue
        page = ExperiencePage(
            title=title,
            slug=slug,
            summary=summary,
            country=countries[country],
            agency=agencies.get((country, acronym)) if acronym else None,
            start_year=start,
            end_year=end,
            original_language=language,
            problem=f"<p>{problem}</p>",
            actions=f"<p>{actions}</p>",
            results=f"<p>{results}</p>",
            lessons=f"<p>{lessons}</p>",
            last_verified=_months_ago(verified),
            locale=library.locale,
        )
        page.themes.set([themes[s] for s in theme_slugs if s in themes])
        page.population_groups.set([groups[s] for s in group_slugs if s in groups])
        library.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    total = ExperiencePage.objects.live().count()
    stdout.write(f"Experiences: {created} added, {total} published in 4 languages.")
