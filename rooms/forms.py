from django import forms
from django.utils.translation import gettext_lazy as _

from .services import MAX_BODY


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_BODY}),
        help_text=_("Up to 4 000 characters. Write @name to notify someone."),
    )


class ReportForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)


class PromoteForm(forms.Form):
    title = forms.CharField(label=_("Title of the draft page"), max_length=255)
