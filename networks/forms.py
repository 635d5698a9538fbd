from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .services import MAX_BODY, MAX_STATEMENT, MAX_TITLE


class JoinForm(forms.Form):
    agency = forms.TypedChoiceField(label=_("Agency"), coerce=int)
    statement = forms.CharField(
        label=_("Why does your agency want to join? (optional)"),
        required=False, max_length=MAX_STATEMENT, widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, agencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = [(a.pk, str(a)) for a in agencies]


class DecisionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("decline", _("Decline")),
                 ("leave", _("Leave the network"))],
    )
    comment = forms.CharField(
        label=_("Reason"), required=False, max_length=MAX_STATEMENT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


class AnnouncementForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=MAX_TITLE)
    body = forms.CharField(label=_("Message"), max_length=MAX_BODY, widget=forms.Textarea)
    language = forms.ChoiceField(label=_("Language of the message"), choices=settings.LANGUAGES)


class ConsentForm(forms.Form):
    show_name = forms.BooleanField(
        label=_("Show my name and position on the pages of my agency's networks"),
        required=False,
    )
