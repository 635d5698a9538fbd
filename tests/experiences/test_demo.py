import io

from cms.directory import demo as directory_demo
from cms.pages import demo as pages_demo
from experiences import demo
from experiences.models import ExperienceIndexPage, ExperiencePage
from experiences.selectors import similar_experiences
from search.models import SearchDocument


def test_demo_seeds_libraries_and_experiences_once(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        directory_demo.seed(io.StringIO())
        pages_demo.seed(io.StringIO())
        demo.seed(io.StringIO())
    libraries = ExperienceIndexPage.objects.live()
    assert sorted(libraries.values_list("locale__language_code", flat=True)) == [
        "en", "es", "fr", "pt"
    ]
    assert len({lib.translation_key for lib in libraries}) == 1
    assert all(lib.show_in_menus and lib.slug == "experiences" for lib in libraries)
    count = ExperiencePage.objects.live().count()
    assert count >= 55
    assert SearchDocument.objects.filter(kind="experiences.experiencepage").count() == count
    assert ExperiencePage.objects.values("country").distinct().count() >= 15

    with django_capture_on_commit_callbacks(execute=True):
        demo.seed(io.StringIO())
    assert ExperiencePage.objects.count() == count

    # What the exchanges matching relies on: MIDIS asking about targeting cash transfers
    # finds another country's agency that has done it.
    matches = similar_experiences(
        "Necesitamos mejorar la focalización de las transferencias monetarias condicionadas "
        "con un registro social de hogares",
        theme_slugs=["cash-transfers"],
    )
    top = ExperiencePage.objects.in_bulk([m.page_id for m in matches[:3]])
    acronyms = {page.agency.acronym for page in top.values() if page.agency}
    assert acronyms & {"DPS", "MDS"}
