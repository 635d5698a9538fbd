"""Language alternates and the canonical address of what is being viewed.

For a page, the alternates are its live translations (simple_translation's translation_key
group), read from the header's cached answer (``cms.pages.shell.translation_urls``, kept under
the tree version): no query of their own. ``x-default`` is the version in the site's default
language when it exists, else the first existing one in the order of ``LANGUAGES`` — every member
of a group names the same one, so the annotations are reciprocal. Views outside the page tree
exist in every language: their alternates are the same view under each language prefix.

Every address is absolute, on ``BASE_URL`` (``cms.notify.absolute_url``).
"""

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from wagtail.models import Page

from cms.notify import absolute_url
from cms.pages import shell
from cms.pagination import page_number


def x_default(urls: dict[str, str]) -> str | None:
    """The address for visitors of no listed language, from ``{code: url}``."""
    if settings.LANGUAGE_CODE in urls:
        return urls[settings.LANGUAGE_CODE]
    return next((urls[code] for code, _name in settings.LANGUAGES if code in urls), None)


def ordered(urls: dict[str, str]) -> list[dict]:
    """``[{"code", "url"}]`` in the order of ``LANGUAGES``, then ``x-default``."""
    links = [
        {"code": code, "url": urls[code]} for code, _name in settings.LANGUAGES if code in urls
    ]
    default = x_default(urls)
    if default:
        links.append({"code": "x-default", "url": default})
    return links


def page_translations(request, page: Page) -> dict[str, str]:
    """``{code: absolute url}`` of the page's live translations (cached with the header)."""
    return {
        code: absolute_url(url)
        for code, url in shell.translation_urls(request, page).items() if url
    }


def view_translations(request) -> dict[str, str]:
    """``{code: absolute url}`` of a Django view under each language prefix (no query string)."""
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name:
        return {}
    urls = {}
    for code, _name in settings.LANGUAGES:
        try:
            with translation.override(code):
                urls[code] = absolute_url(
                    reverse(match.view_name, args=match.args, kwargs=match.kwargs)
                )
        except NoReverseMatch:
            return {}
    # A view outside the language prefixes is one address for everyone.
    return urls if len(set(urls.values())) == len(urls) else {}


def head_links(request, page: Page | None) -> dict:
    """``{"canonical": url, "alternates": [{"code", "url"}]}`` for the document's head."""
    if page is not None:
        urls = page_translations(request, page)
        canonical = absolute_url(page.get_url(request) or request.path)
    else:
        urls = view_translations(request)
        canonical = absolute_url(request.path)
    # A later page of a list is its own document; any other parameter only filters or sorts.
    number = page_number(request.GET.get("page"))
    if number > 1 and "page" in request.GET:
        canonical = f"{canonical}?page={number}"
    return {"canonical": canonical, "alternates": ordered(urls) if len(urls) > 1 else []}
