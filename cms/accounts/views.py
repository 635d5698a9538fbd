from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import AgencyClaimForm, ProfileForm
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
