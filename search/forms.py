"""The site-wide search's parameters: the words and the page, nothing else."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .engines.base import MAX_PAGE

MAX_QUERY_LENGTH = 10_000


class SiteSearchForm(forms.Form):
    """Validates ``?q=…&page=2``: a query too long or a page out of range is an error."""

    q = forms.CharField(label=_("Search"), max_length=MAX_QUERY_LENGTH, required=False)
    page = forms.IntegerField(
        label=_("Page"), min_value=1, max_value=MAX_PAGE, required=False, widget=forms.HiddenInput
    )

    @property
    def text(self) -> str:
        return (self.cleaned_data.get("q") or "").strip()

    @property
    def page_number(self) -> int:
        return self.cleaned_data.get("page") or 1
