"""Writes: a library put under review, and a draft experience from a closed exchange (the one
way other apps create experiences)."""

from collections.abc import Iterable

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from cms.accounts import roles
from cms.directory.models import Agency, PopulationGroup, Theme, current_language
from cms.refusals import Refusal

from .models import ExperienceIndexPage, ExperiencePage

WORKFLOW_NAME = "Experience review"  # created with its task by puente_search migration 0003
TASK_NAME = "Secretariat review"


class NoLibrary(Refusal):
    default_code = "no_experience_library"


def library_protect(library: ExperienceIndexPage) -> None:
    """Put a library under the review workflow and open it to focal points' drafts."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=library, defaults={"workflow": workflow})
    group = Group.objects.filter(name=roles.FOCAL_POINT).first()
    if group is not None:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=library,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename="add_page"
            ),
        )


def _paragraphs(*texts: str) -> str:
    """Plain texts as rich text: one escaped paragraph per non-empty line."""
    return "".join(
        f"<p>{escape(line)}</p>" for text in texts for line in text.splitlines() if line.strip()
    )


def draft_from_exchange(
    *,
    exchange_id: int,
    title: str,
    summary: str,
    agency: Agency,
    start_year: int,
    end_year: int,
    problem: str,
    actions: Iterable[str],
    results: Iterable[str],
    lessons: Iterable[str],
    themes: Iterable[Theme],
    population_groups: Iterable[PopulationGroup],
    by,
) -> ExperiencePage:
    """A draft (never live) experience of ``agency`` in the library of the current language
    (else the first library), with a first revision by ``by``. The caller checks who may ask.

    Raises ``NoLibrary`` when there is no library to put it in.
    """
    library = (
        ExperienceIndexPage.objects.filter(locale__language_code=current_language()).first()
        or ExperienceIndexPage.objects.first()
    )
    if library is None:
        raise NoLibrary(_("There is no experience library to put the page in."))
    page = ExperiencePage(
        title=title[:255],
        slug=slugify(f"{title}-{exchange_id}")[:80] or f"exchange-{exchange_id}",
        locale=library.locale,
        summary=summary[:1000],
        country=agency.country,
        agency=agency,
        start_year=start_year,
        end_year=end_year,
        original_language=library.locale.language_code,
        problem=_paragraphs(problem),
        actions=_paragraphs(*actions),
        results=_paragraphs(*results),
        lessons=_paragraphs(*lessons),
        live=False,
    )
    with transaction.atomic():
        library.add_child(instance=page)
        page.themes.set(list(themes))
        page.population_groups.set(list(population_groups))
        page.save_revision(user=by)
    return page
