"""Forms of the secretariat's screens. A CSV upload is read and checked here, so a bad file is a
form error and the services receive rows."""

import csv
from io import StringIO

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_BYTES = 2 * 1024 * 1024


class CsvUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy("UTF-8, with a first line naming the columns."),
    )

    def clean_file(self) -> list[dict]:
        """The file's rows as dicts keyed by lower-case column names (``email`` required)."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(_("The file is larger than 2 MB."))
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValidationError(_("The file is not UTF-8 text.")) from error
        reader = csv.DictReader(StringIO(text))
        fields = [name.strip().lower() for name in (reader.fieldnames or [])]
        if "email" not in fields:
            raise ValidationError(
                _("The first line must name the columns, including “email”.")
            )
        reader.fieldnames = fields
        return list(reader)


class RevokeForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason"), widget=forms.Textarea, max_length=2000)
