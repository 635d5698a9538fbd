import zoneinfo

from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils import timezone


class UserTimezoneMiddleware:
    """Show dates and times in the signed-in person's own time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.time_zone:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
            except zoneinfo.ZoneInfoNotFoundError:
                timezone.deactivate()
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class AdminSecondFactorMiddleware:
    """Superusers, the secretariat and editors reach the admin only with a second factor.

    Whoever must have one (``cms.permissions.requires_second_factor``) and has none yet is sent,
    on their first admin visit, to set up an authenticator app (allauth's MFA: TOTP, then
    recovery codes; WebAuthn keys can be added from the same page). From then on allauth asks
    for the second factor at every sign-in. Sync-only, like the time-zone middleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/admin/") and not request.path_info.startswith(
            "/admin/login/"
        ):
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                from allauth.mfa.models import Authenticator

                from cms.permissions import requires_second_factor

                if (
                    requires_second_factor(user)
                    and not Authenticator.objects.filter(user=user).exists()
                ):
                    return redirect_to_login(
                        request.get_full_path(),
                        login_url=reverse("mfa_activate_totp"),
                        redirect_field_name="next",
                    )
        return self.get_response(request)
