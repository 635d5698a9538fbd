"""Forms of the secretariat's screens. A CSV upload is read and checked here (``read_csv``:
size, encoding, header, rows, each field), so a bad file is a form error, nothing is stored, and
the import receives a checked file."""

import csv
from io import StringIO

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.inputs import unsafe_text_error
from courses.services.imports import COLUMNS, CheckedCsv

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000  # a cohort is never larger; a bigger file is a mistake or an attack
MAX_FIELD_CHARS = 1000  # an address, a number of minutes: far below csv's own 131 072 limit


def read_csv(upload, *, columns: tuple[str, ...] = ("email",)) -> CheckedCsv:
    """The rows of an uploaded CSV as dicts keyed by lower-case column names, or a
    ``ValidationError`` saying what is wrong (size, encoding, header, rows, a field)."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The file is larger than 2 MB."))
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(_("The file is not UTF-8 text.")) from error
    rows = _rows(text, columns)
    return CheckedCsv(name=getattr(upload, "name", "") or "", text=text, rows=rows)


def _rows(text: str, columns: tuple[str, ...]) -> list[dict]:
    reason = unsafe_text_error(text)
    if reason:
        raise ValidationError(reason)
    reader = csv.DictReader(StringIO(text))
    try:
        fields = [name.strip().lower() for name in (reader.fieldnames or [])]
        missing = [column for column in columns if column not in fields]
        if missing:
            raise ValidationError(
                _("The first line must name the columns, including “%(column)s”.")
                % {"column": missing[0]}
            )
        reader.fieldnames = fields
        rows = []
        for row in reader:
            if len(rows) >= MAX_ROWS:
                raise ValidationError(
                    _("The file has more than %(max)d rows; split it.") % {"max": MAX_ROWS}
                )
            if any(len(value or "") > MAX_FIELD_CHARS for value in row.values()
                   if isinstance(value, str)):
                raise ValidationError(
                    _("Line %(line)d has a field longer than %(max)d characters.")
                    % {"line": reader.line_num, "max": MAX_FIELD_CHARS}
                )
            rows.append(row)
    except csv.Error as error:
        raise ValidationError(
            _("Line %(line)d cannot be read as CSV.") % {"line": reader.line_num}
        ) from error
    if not rows:
        raise ValidationError(_("The file has no rows below its first line."))
    return rows



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
