from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.accounts import urls as accounts_urls
from cms.api import api
from cms.pages import views as page_views

urlpatterns = [
    path("healthz", page_views.healthz, name="healthz"),
    # One login for everyone, the site's (throttled by allauth); Wagtail's own form is not used.
    path("admin/login/", page_views.admin_login, name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", api.urls),
    path("certificates/", include("courses.certificate_urls")),
    path("", include("cms.publishing.urls")),
    path("data/", include("opendata.file_urls")),
]

urlpatterns += i18n_patterns(
    path("accounts/", include(accounts_urls)),
    path("accounts/", include("allauth.urls")),
    path("", include("search.urls")),
    path("", include("experiences.urls")),
    path("", include("courses.urls")),
    path("", include("exchanges.urls")),
    path("", include("rooms.urls")),
    path("", include("cms.publishing.feed_urls")),
    path("", include("forums.urls")),
    path("", include("projects.urls")),
    path("", include("frameworks.urls")),
    path("", include("networks.urls")),
    path("", include("countries.urls")),
    path("", include("opendata.urls")),
    # Wagtail's catch-all page serving comes last (routing cached, see cms/pages/shell.py).
    re_path(r"^((?:[\w\-]+/)*)$", page_views.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)



def media_urlpatterns(debug: bool) -> list:
    """In DEBUG, uploaded images are served from MEDIA_ROOT; documents never are (a private
    collection's file would be public): they go through Wagtail's checking view."""
    if not debug:
        return []
    from django.views.static import serve

    prefix = settings.MEDIA_URL.lstrip("/")
    return [
        re_path(
            rf"^{prefix}(?P<path>(?:original_images|images)/.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]


urlpatterns = (
    media_urlpatterns(settings.DEBUG or getattr(settings, "SERVE_MEDIA", False)) + urlpatterns
)

handler404 = "cms.pages.views.page_not_found"
handler500 = "cms.pages.views.server_error"
