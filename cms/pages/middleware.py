"""Language prefixes only where the site has them."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from cms.pages import shell

# Paths outside i18n_patterns (cms/urls.py): a 404 there is final, never a redirect to /en/….
UNPREFIXED = ("/api/", "/admin/", "/documents/", "/certificates/", "/healthz")


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that it leaves the unprefixed paths' 404s alone, and
    gives Wagtail the request's site from the shared cache (``shell.prime_wagtail_site``).

    Wagtail's catch-all page route makes every ``/<lang>/<anything>/`` look valid, so the stock
    middleware would answer an API 404 with a redirect to ``/en/api/…``.
    """

    def process_request(self, request):
        super().process_request(request)
        # The health check needs no site: it must answer even when the database cannot.
        if request.path_info != "/healthz":
            shell.prime_wagtail_site(request)

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            return response
        preferred = _preferred_language(request)
        if (
            preferred
            and response.status_code == 404
            and not translation.get_language_from_path(request.path_info)
        ):
            # A signed-in person reaching an unprefixed address ("/") goes to their own language,
            # not the browser's (the user is known by now: authentication ran inside us).
            with translation.override(preferred):
                return super().process_response(request, response)
        return super().process_response(request, response)


def _preferred_language(request) -> str:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    language = getattr(user, "preferred_language", "") or ""
    return language if language in dict(settings.LANGUAGES) else ""
