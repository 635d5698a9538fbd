"""Form widgets rendered in Python rather than through the template engine.

A catalogue's filter form has selects with dozens of options (35 countries, every theme); Django
renders each option through a template, which was a third of a catalogue page's time. These
widgets give the same HTML (tests/cms/test_widgets.py compares them) built with ``format_html``.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

SELECTED = mark_safe(" selected")  # noqa: S308 - a constant


class FastSelect(forms.Select):
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
        options = format_html_join(
            "", '<option value="{}"{}>{}</option>', self._options(values)
        )
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(attrs), options)


class FastSelectMultiple(FastSelect, forms.SelectMultiple):
    pass
