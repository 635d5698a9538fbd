"""The Python-rendered selects give the same HTML as Django's templates."""

from django import forms
from django.test.html import parse_html

import pytest

from cms.widgets import FastSelect, FastSelectMultiple, FastTextarea

CHOICES = [("", "---------"), ("pe", "Perú"), ("br", "Brasil & <Co>"), ("ht", 'Haïti "HT"')]


@pytest.mark.parametrize(
    ("fast", "stock", "value"),
    [(FastSelect, forms.Select, "br"), (FastSelect, forms.Select, None),
     (FastSelectMultiple, forms.SelectMultiple, ["pe", "ht"])],
)
def test_same_html_as_django(fast, stock, value):
    attrs = {"id": "id_country", "class": "filter", "required": True}
    mine = fast(choices=CHOICES).render("country", value, attrs=attrs)
    django = stock(choices=CHOICES).render("country", value, attrs=attrs)
    assert parse_html(mine) == parse_html(django)  # same elements, attributes and text
    assert "&lt;Co&gt;" in mine and "&quot;HT&quot;" in mine


@pytest.mark.parametrize("value", ["Ley 30490 <art. 3> & \"decreto\"\nsegunda línea", "", None])
def test_textarea_same_html_as_django(value):
    attrs = {"id": "id_narrative", "rows": 3, "aria-describedby": "id_narrative_helptext",
             "required": True, "disabled": False}
    mine = FastTextarea(attrs={"cols": 40}).render("narrative", value, attrs=attrs)
    django = forms.Textarea(attrs={"cols": 40}).render("narrative", value, attrs=attrs)
    assert parse_html(mine) == parse_html(django)  # same element, attributes and text
    assert mine.split(">", 1)[1] == django.split(">", 1)[1]  # the text byte for byte


def test_model_choices_render_like_django(db):
    from cms.directory.models import Country
    from tests.factories import CountryFactory

    CountryFactory.create_batch(3)
    chosen = Country.objects.first()
    field = forms.ModelChoiceField(Country.objects.all(), widget=FastSelect)
    stock = forms.ModelChoiceField(Country.objects.all())
    mine = field.widget.render("country", chosen.pk, attrs={"id": "c"})
    assert parse_html(mine) == parse_html(stock.widget.render("country", chosen.pk,
                                                              attrs={"id": "c"}))
    assert mine.count(" selected") == 1


def test_directory_options_are_cached_until_the_directory_changes(db, django_assert_num_queries):
    from django.utils import translation

    from cms.directory.models import Country
    from tests.factories import CountryFactory

    peru = CountryFactory(name_en="Peru", name_es="Perú")

    def render(value=None):
        field = forms.ModelChoiceField(
            Country.objects.all(), widget=FastSelect(directory_options="test-country")
        )
        stock = forms.ModelChoiceField(Country.objects.all())
        html = field.widget.render("country", value, attrs={"id": "c"})
        assert parse_html(html) == parse_html(
            stock.widget.render("country", value, attrs={"id": "c"})
        )
        return html

    assert ">Peru<" in render()
    with django_assert_num_queries(0):  # the options come from the cache, choices unqueried
        field = forms.ModelChoiceField(
            Country.objects.all(), widget=FastSelect(directory_options="test-country")
        )
        assert ">Peru<" in field.widget.render("country", None)
    with translation.override("es"):
        assert ">Perú<" in render()  # each language its own
    peru.name_en = "Republic of Peru"
    peru.save()
    assert ">Republic of Peru<" in render()
    CountryFactory(name_en="Chile")
    assert ">Chile<" in render()
    assert render(peru.pk).count(" selected") == 1  # a choice made is never served from cache
    assert render().count(" selected") == 1 and 'value="" selected' in render()
