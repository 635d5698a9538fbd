import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from .forms import AccountDeleteForm, AgencyClaimForm, ProfileForm
from .personal_data import account_erase, personal_data_export
from .services import agency_claim_create


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    """The person's profile, and their requests to act for an agency."""
    form = ProfileForm(request.POST or None, instance=request.user, prefix="profile")
    claim_form = AgencyClaimForm(prefix="claim")
    if request.method == "POST":
        if "claim-agency" in request.POST:
            form = ProfileForm(instance=request.user, prefix="profile")
            claim_form = AgencyClaimForm(request.POST, prefix="claim")
            if claim_form.is_valid():
                try:
                    agency_claim_create(
                        user=request.user,
                        agency=claim_form.cleaned_data["agency"],
                        statement=claim_form.cleaned_data["statement"],
                    )
                except ValidationError as error:
                    claim_form.add_error("agency", error)
                else:
                    messages.success(
                        request, _("Your request was sent to the secretariat for approval.")
                    )
                    return redirect("profile")
        elif form.is_valid():
            form.save()
            messages.success(request, _("Your profile was saved."))
            return redirect("profile")
    claims = request.user.agency_claims.select_related("agency__country")
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "claim_form": claim_form, "claims": claims},
    )


@login_required
@require_GET
def personal_data_download(request):
    """Everything Puente holds about the person, as one JSON file."""
    data = personal_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="puente-my-data-{stamp}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    """Delete the account (with the password): see ``personal_data.account_erase``."""
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        account_erase(user=request.user)
        logout(request)
        messages.success(request, _("Your account was deleted."))
        return redirect("/")
    return render(request, "accounts/account_delete.html", {"form": form})
