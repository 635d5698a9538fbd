"""Issue 17.12: one tag marks text in another language than the page's (``lang="xx"``)."""

from django.template import Context, Template
from django.utils import translation

import pytest


@pytest.mark.parametrize(
    ("page", "code", "expected"),
    [("fr", "es", '<h3 lang="es">'), ("es", "es", "<h3>"), ("pt", "", "<h3>"),
     ("en", "pt", '<h3 lang="pt">')],
)
def test_lang_attr_marks_only_another_language(page, code, expected):
    template = Template("{% load language_tags %}<h3{% lang_attr code %}>")
    with translation.override(page):
        assert template.render(Context({"code": code})) == expected


def test_lang_attr_escapes_what_it_is_given():
    template = Template("{% load language_tags %}<p{% lang_attr code %}>")
    with translation.override("en"):
        assert template.render(Context({"code": '"><script>'})) == (
            '<p lang="&quot;&gt;&lt;script&gt;">'
        )
