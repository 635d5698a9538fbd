"""Writes of the site pages that other apps may ask for (they never build these pages
themselves)."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from cms.refusals import Refusal

from .models import HomePage, StandardPage


@transaction.atomic
def standard_page_create(*, language: str, title: str, intro: str = "", body=(), owner=None):
    """A draft StandardPage under the home page of ``language`` (else of the default locale),
    with a first revision for an editor to polish and publish."""
    home = (
        HomePage.objects.filter(locale__language_code=language, depth=2).first()
        or HomePage.objects.filter(locale=Locale.get_default(), depth=2).first()
    )
    if home is None:
        raise Refusal(_("There is no home page to put the draft under."), code="not_found")
    page = StandardPage(title=title, intro=intro, body=list(body), live=False, owner=owner)
    home.add_child(instance=page)
    page.save_revision(user=owner, log_action=True)
    return page
