from django import forms
from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from allauth.account.forms import SignupForm as AllauthSignupForm

from cms.directory.fields import NameOrderChoiceField
from cms.directory.models import Agency, Country

from . import roles
from .models import AgencyClaim, User
from .services import agency_claim_create, user_join_role
from .zones import AMERICAS_ZONES, zone_choices, zone_for_country


class AgencyChoiceField(forms.ModelChoiceField):
    default_error_messages = {
        "invalid_choice": _("Unknown agency. Choose one from the list, or leave the field empty."),
    }

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.acronym})" if obj.acronym else obj.name


class ProfileFieldsMixin(forms.Form):
    """Country and agency must agree: an agency belongs to one country."""

    def clean(self):
        cleaned = super().clean()
        country, agency = cleaned.get("country"), cleaned.get("agency")
        if agency and country and agency.country_id != country.pk:
            self.add_error(
                "agency",
                _("%(agency)s is an agency of %(country)s, not of the country you chose.")
                % {"agency": agency.name, "country": agency.country.name},
            )
        return cleaned


class SignupForm(ProfileFieldsMixin, AllauthSignupForm):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    # The same 35 member states as the profile, sorted by the name in the visitor's language.
    country = NameOrderChoiceField(label=_("Country"), queryset=Country.objects.all())
    agency = AgencyChoiceField(
        label=_("Agency"),
        queryset=Agency.objects.select_related("country"),
        required=False,
        help_text=_("The national institution you work for, if it is listed."),
    )
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=settings.LANGUAGES
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone"), required=False,
        choices=[("", _("The usual time of my country"))] + AMERICAS_ZONES,
    )
    claim_focal_point = forms.BooleanField(
        label=_("I am a focal point of this agency and want to act for it"),
        required=False,
        help_text=_(
            "The secretariat checks every request. "
            "Until it is approved you use Puente as a learner."
        ),
    )

    field_order = [
        "email",
        "password1",
        "password2",
        "first_name",
        "last_name",
        "country",
        "agency",
        "position",
        "preferred_language",
        "time_zone",
        "claim_focal_point",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Signing up at /es/ means Spanish unless the person says otherwise.
        language = translation.get_language()
        if language in dict(settings.LANGUAGES):
            self.initial.setdefault("preferred_language", language)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("claim_focal_point") and not cleaned.get("agency"):
            self.add_error("agency", _("Choose the agency you want to act for."))
        return cleaned

    @transaction.atomic
    def save(self, request):
        user = super().save(request)
        for field in (
            "first_name",
            "last_name",
            "country",
            "agency",
            "position",
            "preferred_language",
            "time_zone",
        ):
            setattr(user, field, self.cleaned_data[field])
        if not user.time_zone:
            country = self.cleaned_data["country"]
            user.time_zone = zone_for_country(country and country.code, settings.TIME_ZONE)
        user.save()
        user_join_role(user=user, role=roles.LEARNER)
        if self.cleaned_data["claim_focal_point"]:
            agency_claim_create(user=user, agency=self.cleaned_data["agency"])
        return user


class ProfileForm(ProfileFieldsMixin, forms.ModelForm):
    agency = AgencyChoiceField(
        label=_("Agency"), queryset=Agency.objects.select_related("country"), required=False
    )
    country = NameOrderChoiceField(
        label=_("Country"), queryset=Country.objects.all(), required=False
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=AMERICAS_ZONES)

    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "country",
            "agency",
            "position",
            "preferred_language",
            "time_zone",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A zone set before the short list (or by the secretariat) stays a valid choice.
        self.fields["time_zone"].choices = zone_choices(self.instance.time_zone)


class AgencyClaimForm(forms.ModelForm):
    agency = AgencyChoiceField(label=_("Agency"), queryset=Agency.objects.select_related("country"))

    class Meta:
        model = AgencyClaim
        fields = ["agency", "statement"]


class AccountDeleteForm(forms.Form):
    """Deleting an account asks for the password: a session left open is not enough."""

    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password
