from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import translation
from django.utils.encoding import force_str

from allauth.account.adapter import DefaultAccountAdapter


def public_site() -> SimpleNamespace:
    """The site as emails name it: "Puente" on its public address (BASE_URL), never the host
    the request happened to come in on ("Hello from 127.0.0.1:8300!")."""
    return SimpleNamespace(
        name=settings.WAGTAIL_SITE_NAME,
        domain=urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc,
    )


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """After login, land on the home page in the person's preferred language."""
        language = getattr(request.user, "preferred_language", "") or translation.get_language()
        translation.activate(language)
        return f"/{language}/"

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        super().send_mail(template_prefix, email, {"current_site": public_site(), **context})

    def format_email_subject(self, subject: str) -> str:
        return f"[{settings.WAGTAIL_SITE_NAME}] {force_str(subject)}"
