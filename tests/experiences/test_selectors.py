from experiences.selectors import ExperienceMatch, similar_experiences
from tests.factories import AgencyFactory, CountryFactory, ThemeFactory
from tests.factories.experiences import ExperiencePageFactory


def test_similar_experiences_ranks_the_agency_that_did_the_work_first(publish, cash_transfers):
    colombia = CountryFactory(code="CO", name_en="Colombia")
    dps = AgencyFactory(name="Prosperidad Social", acronym="DPS", country=colombia)
    other = AgencyFactory()
    sisben = publish(
        "es",
        title="Focalización de transferencias monetarias con el Sisbén",
        summary="Un registro social de hogares para focalizar transferencias condicionadas.",
        problem="<p>Las transferencias no llegaban a los hogares más pobres.</p>",
        agency=dps,
        country=colombia,
        themes=[cash_transfers],
    )
    publish(
        title="Labour inspection in rural areas",
        summary="Mobile inspection teams visit farms.",
        problem="<p>Inspectors could not reach plantations.</p>",
        agency=other,
        country=other.country,
        themes=[ThemeFactory()],
    )

    matches = similar_experiences(
        "Queremos mejorar la focalización de nuestras transferencias monetarias condicionadas",
        theme_slugs=["cash-transfers"],
    )

    assert matches, "expected at least one match"
    assert isinstance(matches[0], ExperienceMatch)
    assert matches[0].page_id == sisben.pk
    assert matches[0].agency_id == dps.pk
    assert matches[0].url.endswith(f"/{sisben.slug}/")
    assert all(m.page_id != sisben.pk for m in matches[1:])


def test_similar_experiences_ignores_drafts_and_honours_limit(
    publish, libraries, django_capture_on_commit_callbacks
):
    published = [
        publish(title=f"Registry of households {n}", summary="household registry targeting")
        for n in range(3)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        draft = ExperiencePageFactory(
            parent=libraries["en"], live=False, title="Household registry draft"
        )
        draft.save_revision()

    matches = similar_experiences("household registry", limit=10)

    assert {m.page_id for m in matches} == {p.pk for p in published}
    assert len(similar_experiences("household registry", limit=2)) == 2
    assert similar_experiences("household registry", limit=0) == []


def test_similar_experiences_with_no_usable_words_returns_nothing(publish):
    publish(title="Anything")
    assert similar_experiences('"():*\\~') == []

