"""The site shell: navigation, breadcrumb and language switcher."""

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation

from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.accounts.backends import permissions_version
from cms.navigation import header_links as registered_header_links
from cms.pages import shell

register = template.Library()


def _page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


def _language_home(context):
    """The language home ({pk, title, url}), looked up once per request."""
    request = context["request"]
    if not hasattr(request, "_puente_home"):
        request._puente_home = shell.language_home(request, _page(context))
    return request._puente_home


@register.simple_tag(takes_context=True)
def site_home(context):
    return _language_home(context)


@register.simple_tag(takes_context=True)
def main_menu(context):
    return shell.main_menu(context["request"], _language_home(context))


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """Ancestors below the language root, for the breadcrumb trail."""
    return shell.breadcrumbs(context["request"], page)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per site language: the page's translation when it exists; for a language the
    page lacks, the same page (in its own language) with ``?untranslated=<code>``, which shows
    a notice in that language (``publishing_tags.translation_notice``) — never another page.
    Views outside the page tree exist in every language: the same view and query string."""
    request = context["request"]
    page = _page(context)
    translations = shell.translation_urls(request, page) if page is not None else {}
    links = []
    query = _kept_query(request) if page is not None else ""
    own_url = None  # the page's own URL, asked of Wagtail once for all missing languages
    for code, name in settings.LANGUAGES:
        if page is not None and code in translations:
            url = translations[code] + query
        elif page is not None:
            if own_url is None:
                own_url = page.get_url(request) or request.path
            url = _untranslated_url(request, own_url, code)
        else:
            url = _translated_path(request, code)
        links.append({"code": code, "name": name, "url": url})
    return links


def _kept_query(request) -> str:
    """The request's query string (a library's words and filters), for the other languages."""
    query = request.GET.copy()
    query.pop("untranslated", None)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else ""


def _untranslated_url(request, url: str, code: str) -> str:
    query = request.GET.copy()
    query["untranslated"] = code
    return f"{url}?{query.urlencode()}"


def _translated_path(request, code: str) -> str:
    """Django's ``translate_url`` for the current request, reusing the URL match Django made
    for it (one reverse per language instead of a resolve and a reverse)."""
    match = request.resolver_match
    if match is None or not match.url_name:
        return translate_url(request.get_full_path(), code)
    try:
        with translation.override(code):
            url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return translate_url(request.get_full_path(), code)
    query = request.META.get("QUERY_STRING", "")
    return f"{url}?{query}" if query else url


@register.simple_tag(takes_context=True)
def page_edit_url(context):
    """The admin edit view of the page being viewed, for people who may edit it.

    Live pages show this link instead of Wagtail's userbar (which costs five queries per
    page); the userbar still renders in the editor's preview, where its accessibility
    checker runs.
    """
    request = context["request"]
    page = _page(context)
    user = request.user
    if page is None or not user.is_authenticated or not user.is_active:
        return ""
    # Wagtail's answer (one query) depends on the person's groups and page permissions (the
    # permissions version) and on the page's place and owner (the tree version).
    may_edit = shell.cached(
        request, "may-edit", permissions_version(), user.pk, int(user.is_superuser), page.pk,
        compute=lambda: PagePermissionPolicy().user_has_any_permission_for_instance(
            user, {"change", "publish"}, page
        ),
    )
    return reverse("wagtailadmin_pages:edit", args=[page.pk]) if may_edit else ""


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


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The current list's URL, its filters kept, at page ``number`` (includes/pagination.html)."""
    from cms.pagination import page_url as build

    return build(context["request"], int(number))
