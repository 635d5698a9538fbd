"""Forms of the pages: a report's rows, a delegate, a comment on a transition."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.widgets import FastSelect, FastTextarea

from .models import Delegate, Status


class RowForm(forms.Form):
    """One commitment's status in a country report (prefixed by the row's id)."""

    # Widgets drawn in Python (cms/widgets.py): a report draws four per commitment.
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices, widget=FastSelect)
    narrative = forms.CharField(label=_("Narrative"), required=False, max_length=4000,
                                widget=FastTextarea(attrs={"rows": 3}))
    evidence_links = forms.CharField(
        label=_("Evidence links"), required=False, max_length=2000,
        help_text=_("One web address per line."), widget=FastTextarea(attrs={"rows": 2}),
    )
    agency = forms.TypedChoiceField(label=_("Agency responsible"), required=False,
                                    coerce=int, empty_value=None, widget=FastSelect)

    def __init__(self, *args, agencies=(), **kwargs):
        """``agencies``: the country's agencies, read once for every row of the report."""
        super().__init__(*args, **kwargs)
        self._agencies = {agency.pk: agency for agency in agencies}
        self.fields["agency"].choices = [("", "---------")] + [
            (agency.pk, str(agency)) for agency in agencies
        ]

    def clean_agency(self):
        pk = self.cleaned_data["agency"]
        return None if pk is None else self._agencies[pk]


class DelegateForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Delegate.Role.choices)
    name = forms.CharField(label=_("Name"), max_length=200)
    title = forms.CharField(label=_("Title or position"), max_length=200, required=False)
    agency = forms.CharField(label=_("Agency"), max_length=255, required=False)
    email = forms.EmailField(label=_("Email"))


class CommentForm(forms.Form):
    action = forms.CharField(max_length=20, widget=forms.HiddenInput)
    comment = forms.CharField(label=_("Comment"), required=False, max_length=4000,
                              widget=forms.Textarea(attrs={"rows": 3}))
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)
