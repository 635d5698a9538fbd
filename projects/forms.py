"""Forms of the working pages: concept note, review rubric, actions, progress report."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms.directory.models import Agency, Country
from cms.widgets import FastSelect

from . import links
from .currencies import CHOICES as CURRENCY_CHOICES
from .currencies import MINOR_UNITS, to_minor
from .enums import Modality, Sex

MAX_AMOUNT = Decimal("1000000000000")


class ProposalForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Proposing agency"), queryset=Agency.objects.none())
    title = forms.CharField(label=_("Title"), max_length=200)
    modality = forms.ChoiceField(label=_("Modality"), choices=Modality.choices, widget=FastSelect)
    problem = forms.CharField(label=_("Problem to solve"), max_length=5000,
                              widget=forms.Textarea(attrs={"rows": 5}))
    objectives = forms.CharField(label=_("Objectives"), max_length=5000,
                                 widget=forms.Textarea(attrs={"rows": 4}))
    countries = forms.ModelMultipleChoiceField(
        label=_("Countries"), queryset=Country.objects.order_by("name_en"),
        to_field_name="code", widget=forms.CheckboxSelectMultiple,
    )
    partners = forms.CharField(
        label=_("Partners"), max_length=2000, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Agencies and organisations you would work with."),
    )
    estimated_budget = forms.DecimalField(
        label=_("Estimated budget"), min_value=0, max_value=MAX_AMOUNT, decimal_places=3,
        max_digits=16,
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCY_CHOICES, initial="USD",
                                 widget=FastSelect)
    duration_months = forms.IntegerField(label=_("Duration in months"), min_value=1,
                                         max_value=120)
    link = forms.ChoiceField(
        label=_("Related commitment or framework article"), required=False,
        help_text=_("Where the proposal serves a commitment or an article of a legal framework."),
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        if len(agencies) == 1:
            self.fields["agency"].initial = agencies[0].pk
        options = links.choices()
        if options:
            self.fields["link"].choices = [("", "—"), *options]
        else:
            del self.fields["link"]

    def clean(self):
        data = super().clean()
        amount, currency = data.get("estimated_budget"), data.get("currency")
        if amount is not None and currency in MINOR_UNITS:
            try:
                data["estimated_budget_minor"] = to_minor(amount, currency)
            except ValidationError as error:
                self.add_error("estimated_budget", error)
        if data.get("link"):
            data["link_object"] = links.resolve(data["link"])
            if data["link_object"] is None:
                self.add_error("link", _("Choose one of the listed items."))
        return data


SCORES = [(n, str(n)) for n in range(1, 6)]


class ReviewForm(forms.Form):
    relevance = forms.TypedChoiceField(label=_("Relevance to the region"), choices=SCORES,
                                       coerce=int, widget=forms.RadioSelect)
    feasibility = forms.TypedChoiceField(label=_("Feasibility"), choices=SCORES, coerce=int,
                                         widget=forms.RadioSelect)
    sustainability = forms.TypedChoiceField(label=_("Sustainability"), choices=SCORES,
                                            coerce=int, widget=forms.RadioSelect)
    inclusion = forms.TypedChoiceField(
        label=_("Inclusion of groups in vulnerable situations"), choices=SCORES, coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(label=_("Comment"), max_length=5000, required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))


class TransitionForm(forms.Form):
    action = forms.CharField(max_length=30)
    version = forms.IntegerField(min_value=1)
    comment = forms.CharField(max_length=3000, required=False)


class ReportForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Reporting agency"), queryset=Agency.objects.none())
    period_start = forms.DateField(label=_("Period start"),
                                   widget=forms.DateInput(attrs={"type": "date"}))
    period_end = forms.DateField(label=_("Period end"),
                                 widget=forms.DateInput(attrs={"type": "date"}))
    narrative = forms.CharField(label=_("Progress in the period"), max_length=10000,
                                widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, agencies, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        if len(agencies) == 1:
            self.fields["agency"].initial = agencies[0].pk
        self.indicator_fields = []
        for indicator in indicators:
            names = []
            for sex, label in [("", _("total")), *((s, lbl) for s, lbl in Sex.choices if s)]:
                if sex and not indicator.by_sex:
                    continue
                name = f"ind_{indicator.pk}_{sex or 'total'}"
                unit = f" ({indicator.unit})" if indicator.unit else ""
                self.fields[name] = forms.DecimalField(
                    label=f"{indicator.name}{unit} — {label}", required=False,
                    min_value=0, max_digits=14, decimal_places=2,
                )
                names.append((name, sex))
            self.indicator_fields.append((indicator, names))

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period ends before it starts."))
        return data

    def actual_values(self):
        """``[(indicator, sex, value)]`` for every value typed."""
        values = []
        for indicator, names in self.indicator_fields:
            for name, sex in names:
                value = self.cleaned_data.get(name)
                if value is not None:
                    values.append((indicator, sex, value))
        return values


class ActivityKindForm(forms.Form):
    """Which kind of activity to choose from (a plain GET: the list of items follows it)."""

    kind = forms.ChoiceField(label=_("Kind of activity"), widget=FastSelect)

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k.label.lower(), k.name) for k in kinds]


class ActivityLinkForm(forms.Form):
    """Link one item of one kind. The options are what the person may still link; whether the
    item exists, may be linked by them and is not linked yet is the service's to say."""

    kind = forms.CharField(max_length=100, widget=forms.HiddenInput)
    item = forms.IntegerField(label=_("Activity"), min_value=1, max_value=2**63 - 1,
                              widget=FastSelect)

    def __init__(self, *args, candidates, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["item"].label = label
        self.fields["item"].widget.choices = [(str(pk), title) for pk, title in candidates]
