"""Forms of the exchange pages; every rule about content is checked here, on the server."""

import zipfile

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from cms.directory.models import Agency, Country, PopulationGroup, Theme

from .models import Activity, Evaluation, ExchangeRequest, Offer, Report, Review

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
PDF = "application/pdf"
#: Accepted extension → the content type its bytes must show.
ACCEPTED = {"pdf": PDF, "docx": DOCX, "xlsx": XLSX, "odt": ODT}


def sniff_content_type(upload) -> str | None:
    """The document type the bytes of ``upload`` show (PDF, DOCX, XLSX, ODT), or None.

    DOCX, XLSX and ODT are zip containers: the inner structure decides, not the extension.
    """
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size <= 100 and archive.read("mimetype").strip() == ODT.encode():
                    return ODT
                return None
            if "[Content_Types].xml" in names:
                if any(n.startswith("word/") for n in names):
                    return DOCX
                if any(n.startswith("xl/") for n in names):
                    return XLSX
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    finally:
        upload.seek(0)
    return None


def validate_attachment(upload) -> str:
    """Refuse files that are too large or whose content is not the type their name claims."""
    limit = settings.EXCHANGES_ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s."),
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    expected = ACCEPTED.get(extension)
    if expected is None:
        raise ValidationError(
            _("Only PDF, DOCX, XLSX and ODT documents are accepted."), code="extension"
        )
    if sniff_content_type(upload) != expected:
        raise ValidationError(
            _("The content of “%(name)s” is not a %(ext)s document."),
            params={"name": upload.name, "ext": extension.upper()},
            code="content",
        )
    return expected


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class ExchangeRequestForm(forms.ModelForm):
    """The request itself; activities come in a formset, attachments one file per save."""

    languages = forms.MultipleChoiceField(
        label=_("Languages of the exchange"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    attachment = forms.FileField(
        label=_("Add an attachment"),
        required=False,
    )

    class Meta:
        model = ExchangeRequest
        fields = [
            "requesting_agency",
            "title",
            "themes",
            "population_groups",
            "problem",
            "need",
            "objectives",
            "expected_results",
            "preferred_country",
            "preferred_agency",
            "period_start",
            "period_end",
            "participants",
            "budget_travel",
            "budget_per_diem",
            "languages",
            "publish_summary",
            "summary",
        ]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "population_groups": forms.CheckboxSelectMultiple,
            "period_start": DateInput,
            "period_end": DateInput,
            "problem": forms.Textarea(attrs={"rows": 4}),
            "need": forms.Textarea(attrs={"rows": 4}),
            "objectives": forms.Textarea(attrs={"rows": 3}),
            "expected_results": forms.Textarea(attrs={"rows": 3}),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, agency_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachment"].help_text = _("PDF, DOCX, XLSX or ODT, up to %(limit)s.") % {
            "limit": filesizeformat(settings.EXCHANGES_ATTACHMENT_MAX_BYTES)
        }
        self.fields["requesting_agency"].queryset = Agency.objects.filter(
            pk__in=agency_ids
        ).select_related("country")
        if len(agency_ids) == 1 and not self.instance.requesting_agency_id:
            self.initial["requesting_agency"] = next(iter(agency_ids))
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["population_groups"].queryset = PopulationGroup.objects.all()
        self.fields["preferred_country"].queryset = Country.objects.filter(participating=True)
        self.fields["preferred_agency"].queryset = Agency.objects.select_related("country")

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            self.attachment_content_type = validate_attachment(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The end comes before the start."))
        agency, preferred = cleaned.get("requesting_agency"), cleaned.get("preferred_agency")
        if agency and preferred and agency.country_id == preferred.country_id:
            self.add_error(
                "preferred_agency", _("A peer exchange is between agencies of two countries.")
            )
        return cleaned


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["modality", "description", "start_date", "end_date"]
        widgets = {"start_date": DateInput, "end_date": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Formsets drop the required attribute (an extra form may stay empty); the modality is
        # required whenever an activity is described, so say so to assistive technology.
        self.fields["modality"].widget.attrs["required"] = True

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end comes before the start."))
        return cleaned


ActivityFormSet = forms.inlineformset_factory(
    ExchangeRequest,
    Activity,
    form=ActivityForm,
    extra=1,
    max_num=6,
    validate_max=True,
    # Django builds up to absolute_max forms (max_num + 1000 by default) before refusing: a
    # post claiming 1 000 rows cost seconds. Refuse past max_num without building them.
    absolute_max=6,
    can_delete=True,
)


class TransitionForm(forms.Form):
    """One button of the workflow; ``version`` is the version the page showed."""

    action = forms.CharField(max_length=30)
    version = forms.IntegerField(min_value=0)
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    open_to_offers = forms.BooleanField(
        label=_("Open to offers from other agencies"), required=False
    )


class ReviewForm(forms.ModelForm):
    SCORES = [(n, str(n)) for n in range(1, 6)]

    relevance = forms.TypedChoiceField(label=_("Relevance"), choices=SCORES, coerce=int)
    clarity = forms.TypedChoiceField(label=_("Clarity"), choices=SCORES, coerce=int)
    commitment = forms.TypedChoiceField(
        label=_("Commitment of both parties"), choices=SCORES, coerce=int
    )
    feasibility = forms.TypedChoiceField(label=_("Feasibility"), choices=SCORES, coerce=int)

    class Meta:
        model = Review
        fields = ["relevance", "clarity", "commitment", "feasibility", "comments"]
        widgets = {"comments": forms.Textarea(attrs={"rows": 3})}


class OfferForm(forms.ModelForm):
    class Meta:
        model = Offer
        fields = ["agency", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, agency_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(pk__in=agency_ids).select_related(
            "country"
        )
        self.fields["agency"].label = _("Offer on behalf of")
        if len(agency_ids) == 1:
            self.initial.setdefault("agency", next(iter(agency_ids)))


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["agency", "activities", "participants", "results", "next_steps"]
        widgets = {
            f: forms.Textarea(attrs={"rows": 4})
            for f in ("activities", "participants", "results", "next_steps")
        }

    def __init__(self, *args, agency_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(pk__in=agency_ids).select_related(
            "country"
        )
        self.fields["agency"].label = _("Report for")
        if len(agency_ids) == 1:
            self.initial.setdefault("agency", next(iter(agency_ids)))


class EvaluationForm(forms.ModelForm):
    SCORES = [(n, str(n)) for n in range(1, 6)]

    satisfaction = forms.TypedChoiceField(
        label=_("Overall satisfaction (1 to 5)"), choices=SCORES, coerce=int
    )
    usefulness = forms.TypedChoiceField(
        label=_("Usefulness for your work (1 to 5)"), choices=SCORES, coerce=int
    )

    class Meta:
        model = Evaluation
        fields = ["satisfaction", "usefulness", "narrative"]
        widgets = {"narrative": forms.Textarea(attrs={"rows": 4})}
