"""Form widgets rendered in Python rather than through the template engine.

A catalogue's filter form has selects with dozens of options (35 countries, every theme); Django
renders each option through a template, which was a third of a catalogue page's time. These
widgets give the same HTML (tests/cms/test_widgets.py compares them) built with ``format_html``.

``FastSelect(directory_options="…")`` also keeps the options of a select whose choices are all
the rows of a directory model in the shared cache, per language, under the directory version
(cms/directory/versions.py): the choices are then not even queried. Only the form with nothing
selected is kept (the common case, and no key made from what a visitor typed).
"""

from django import forms
from django.core.cache import cache
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

SELECTED = mark_safe(" selected")  # noqa: S308  # nosec B308 - a constant


class FastSelect(forms.Select):
    def __init__(self, attrs=None, choices=(), *, directory_options: str | None = None):
        super().__init__(attrs, choices)
        self.directory_options = directory_options

    def _options(self, values: set[str]):
        found = False
        for value, label in self.choices:
            if isinstance(label, list | tuple):  # option groups: not used by our filters
                raise TypeError("FastSelect does not render option groups")
            value = "" if value is None else str(value)
            selected = value in values and (self.allow_multiple_selected or not found)
            found = found or selected
            yield value, SELECTED if selected else "", label

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            attrs["multiple"] = True
        values = set(self.format_value(value))
        if self.directory_options and not values - {""}:
            from cms.directory.versions import DIRECTORY

            key = ":".join([
                "puente:options", DIRECTORY.current(), self.directory_options, get_language(),
                "blank" if values else "none",  # is the empty choice selected?
            ])
            options = cache.get(key)
            if options is None:
                options = self._render_options(values)
                cache.set(key, options, 60 * 60)
        else:
            options = self._render_options(values)
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(attrs), options)

    def _render_options(self, values: set[str]) -> str:
        return format_html_join("", '<option value="{}"{}>{}</option>', self._options(values))


class FastSelectMultiple(FastSelect, forms.SelectMultiple):
    pass


class FastTextarea(forms.Textarea):
    """Django's textarea (the same HTML: its template opens the text with a newline, which the
    browser drops) without a template: a report page draws two per row."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        return format_html('<textarea name="{}"{}>\n{}</textarea>', name, flatatt(attrs),
                           self.format_value(value) or "")
