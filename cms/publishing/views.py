"""/sitemap.xml (a sitemap, or a sitemap index beyond 50 000 URLs) and /robots.txt.

Building the sitemap walks every live page, so each answer is kept in the shared cache under
the page tree version (replaced on any page, site, locale or restriction change, publishing
included), the host and the public views' own URLs (computed on each request: cheap, and
whatever data their arguments come from). A change shows on the next request.
"""

import hashlib

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from cms.notify import absolute_url
from cms.pages.shell import TIMEOUT, tree_version

from .sitemaps import PageSitemap, ViewSitemap

# Paths no search engine should crawl: the admin, the API, sign-in and each person's own pages.
PRIVATE_PREFIXES = ["/admin/", "/django-admin/", "/api/", "/accounts/"]
PRIVATE_LANGUAGE_PREFIXES = [
    "accounts/", "my/", "learning/", "exchanges/mine/", "exchanges/new/", "exchanges/open/",
    "exchanges/notifications/", "rooms/", "search/",
]


def disallow(prefix: str) -> None:
    """Keep crawlers out of ``prefix`` ("x/" for /<lang>/x/ in every language, "/x/" as is)."""
    target = PRIVATE_PREFIXES if prefix.startswith("/") else PRIVATE_LANGUAGE_PREFIXES
    if prefix not in target:
        target.append(prefix)


def _sections(request) -> dict:
    return {"pages": PageSitemap(request), "views": ViewSitemap(request)}


def _cached(request, section, build):
    """``build()``'s response, or the same bytes and headers from the cache."""
    views = repr(ViewSitemap(request).items()).encode()
    key = ":".join([
        "puente:sitemap", tree_version(request), request.scheme, request.get_host(),
        str(PageSitemap.limit), section, request.GET.get("p", "1"),
        hashlib.sha256(views).hexdigest(),
    ])
    kept = cache.get(key)
    if kept is not None:
        content, headers = kept
        return HttpResponse(content, headers=headers)
    response = build()
    if hasattr(response, "render"):
        response.render()
    if response.status_code == 200:  # only real pages: a bad ?p= is not kept
        headers = {name: response[name] for name in ("Content-Type", "Last-Modified",
                                                     "X-Robots-Tag") if name in response}
        cache.set(key, (response.content, headers), TIMEOUT)
    return response


@require_safe
@cache_control(max_age=3600)
def sitemap(request):
    """The sitemap itself, or the index of its files when one would exceed 50 000 URLs."""

    def build():
        sections = _sections(request)
        if any(section.paginator.num_pages > 1 for section in sections.values()):
            return sitemap_views.index(
                request, sections, sitemap_url_name="publishing_sitemap_section"
            )
        return sitemap_views.sitemap(request, sections)

    return _cached(request, "", build)


@require_safe
@cache_control(max_age=3600)
def sitemap_section(request, section):
    return _cached(
        request, section,
        lambda: sitemap_views.sitemap(request, _sections(request), section=section),
    )


@require_safe
@cache_control(max_age=3600)
def robots(request):
    lines = ["User-agent: *"]
    lines += [f"Disallow: {prefix}" for prefix in PRIVATE_PREFIXES]
    for code, _name in settings.LANGUAGES:
        lines += [f"Disallow: /{code}/{prefix}" for prefix in PRIVATE_LANGUAGE_PREFIXES]
    lines += ["", f"Sitemap: {absolute_url(reverse('publishing_sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
