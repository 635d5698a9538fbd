"""The site shell: navigation, breadcrumb and language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Locale, Page, Site

from cms.navigation import header_links as registered_header_links

register = template.Library()


def _language_home(context):
    """The home page of the language being viewed, looked up once per request."""
    request = context["request"]
    if hasattr(request, "_puente_home"):
        return request._puente_home
    page = context.get("page")
    if isinstance(page, Page) and page.depth >= 2:
        # The language roots sit at depth 2: the first two path steps name it.
        home = page if page.depth == 2 else Page.objects.get(path=page.path[: Page.steplen * 2])
    else:
        site = Site.find_for_request(request)
        home = None
        if site is not None:
            locale = Locale.objects.filter(language_code=translation.get_language()).first()
            home = (locale and site.root_page.get_translation_or_none(locale)) or site.root_page
    request._puente_home = home
    return home


@register.simple_tag(takes_context=True)
def site_home(context):
    return _language_home(context)


@register.simple_tag(takes_context=True)
def main_menu(context):
    home = _language_home(context)
    if home is None:
        return Page.objects.none()
    return home.get_children().live().public().in_menu()


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """Ancestors below the language root, for the breadcrumb trail."""
    return page.get_ancestors().filter(depth__gt=2).live()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per site language: the page's translation when it exists, else the same path."""
    request = context["request"]
    page = context.get("page")
    translations = {}
    if isinstance(page, Page):
        for other in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[other.locale.language_code] = other.get_url(request)
    links = []
    for code, name in settings.LANGUAGES:
        if page is not None and isinstance(page, Page):
            url = translations.get(code) or f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url})
    return links


@register.simple_tag(takes_context=True)
def header_links(context):
    """Links apps registered for the header, visible to this user, with their badge counts."""
    request = context["request"]
    links = []
    for link in registered_header_links():
        if link.visible(request.user):
            links.append(
                {
                    "label": link.label,
                    "url_name": link.url_name,
                    "badge": link.badge(request) if link.badge else None,
                }
            )
    return links
