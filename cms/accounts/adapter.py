from django.utils import translation

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """After login, land on the home page in the person's preferred language."""
        language = getattr(request.user, "preferred_language", "") or translation.get_language()
        translation.activate(language)
        return f"/{language}/"
