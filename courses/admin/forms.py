"""Forms of the secretariat's screens. A CSV upload is read and checked here (by
``courses.services.imports.read_csv``), so a bad file is a form error, nothing is stored, and
the import receives a checked file."""

from django import forms
from django.utils.translation import gettext_lazy

from courses.services.imports import COLUMNS, read_csv


class CsvUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy("UTF-8, with a first line naming the columns."),
    )

    def __init__(self, *args, kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.columns = COLUMNS[kind]

    def clean_file(self):
        """The checked file (``CheckedCsv``): its text and rows keyed by lower-case columns."""
        return read_csv(self.cleaned_data["file"], columns=self.columns)


class RevokeForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason"), widget=forms.Textarea, max_length=2000)
