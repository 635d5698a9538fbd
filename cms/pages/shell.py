"""The site shell's page-tree lookups (home, main menu, breadcrumb, translations), cached.

Every page shows the same header: the language home, its menu, the page's translations and
its ancestors. Those depend only on the page tree, so they are computed once and kept in the
cache under a *tree version* that changes whenever a page, site, locale or view restriction is
saved, deleted, published, unpublished or moved. A change is visible on the next request; no
timeout has to pass. Entries are plain values (dicts, sites, view restrictions, the courses'
outline items), never page objects.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.versions import Version

TREE = Version("puente:shell:tree-version")
TIMEOUT = 60 * 60  # stale versions simply age out

TREE_MODELS = (Page, Site, Locale, PageViewRestriction)


def tree_version(request=None) -> str:
    """The current tree version, read from the cache once per request."""
    version = getattr(request, "_puente_tree_version", None)
    if version is None:
        version = TREE.current()
        if request is not None:
            request._puente_tree_version = version
    return version


def tree_changed(**kwargs) -> None:
    """Start a new tree version (now and again once the transaction commits)."""
    TREE.replace()


def _model_changed(sender, instance, **kwargs) -> None:
    if isinstance(instance, TREE_MODELS):
        tree_changed()


def connect_signals() -> None:
    post_save.connect(_model_changed, dispatch_uid="puente-shell-save")
    post_delete.connect(_model_changed, dispatch_uid="puente-shell-delete")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(tree_changed, dispatch_uid=f"puente-shell-{id(signal)}")


def cached(request, *parts, compute):
    """compute()'s value, kept until the page tree changes (it must depend on nothing else).

    Without a request, the value must not depend on the host either (e.g. URLs from
    ``page.get_url()`` without a request, which Wagtail makes absolute on a multi-site set-up).
    """
    host = request.get_host() if request is not None else "*"
    key = ":".join(["puente:shell", tree_version(request), host, *map(str, parts)])
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def _link(page, request) -> dict:
    return {
        "pk": page.pk, "path": page.path, "depth": page.depth,
        "title": page.title, "url": page.get_url(request),
    }


def language_home(request, page=None) -> dict | None:
    """The home page of the language being viewed: of the page's tree, else of the site."""
    if isinstance(page, Page) and page.depth >= 2:
        # The language roots sit at depth 2: the first two path steps name them.
        prefix = page.path[: Page.steplen * 2]
        if page.depth == 2:
            return cached(request, "home", prefix, compute=lambda: _link(page, request))
        return cached(
            request, "home", prefix,
            compute=lambda: _link(Page.objects.get(path=prefix), request),
        )
    language = translation.get_language()

    def compute():
        site = Site.find_for_request(request)
        if site is None:
            return {}
        locale = Locale.objects.filter(language_code=language).first()
        home = (locale and site.root_page.get_translation_or_none(locale)) or site.root_page
        return _link(home, request)

    return cached(request, "home-of", language, compute=compute) or None


def main_menu(request, home: dict | None) -> list[dict]:
    if not home:
        return []

    def compute():
        children = Page.objects.filter(path__startswith=home["path"], depth=home["depth"] + 1)
        return [
            _link(child, request)
            for child in children.live().public().in_menu().order_by("path")
        ]

    return cached(request, "menu", home["pk"], compute=compute)


def breadcrumbs(request, page: Page) -> list[dict]:
    """Ancestors below the language root."""
    return cached(
        request, "crumbs", page.pk,
        compute=lambda: [
            _link(ancestor, request)
            for ancestor in page.get_ancestors().filter(depth__gt=2).live()
        ],
    )


def translation_urls(request, page: Page) -> dict[str, str]:
    """The URL of each live translation of the page, by language code."""

    def compute():
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        return {other.locale.language_code: other.get_url(request) for other in translations}

    return cached(request, "translations", page.pk, compute=compute)


def prime_wagtail_site(request):
    """Fill Wagtail's per-request site cache (``Site.find_for_request``) from the shared cache.

    Every ``{% pageurl %}`` and ``page.get_url(request)`` asks for the request's site; without
    this, the first ask on each request costs a query. Called for every request by
    ``SiteLocaleMiddleware``; the answer depends only on the host, port and the tree.
    """
    if not hasattr(request, "_wagtail_site"):
        site = cached(request, "site", request._get_raw_host(), request.get_port(),
                      compute=lambda: Site._find_for_request(request) or "")
        request._wagtail_site = site or None
    return request._wagtail_site


def prime_wagtail_routing(request, path: str) -> None:
    """Fill Wagtail's per-request site and route caches from the shared cache.

    Wagtail finds the site (one query) and walks the tree from the language root to the
    page (two to six queries) on every request. Both answers depend only on the tree, so
    the site object and the route (page type, id, arguments) are kept under the tree
    version; a cached route costs one query to load the page itself.
    """
    from django.contrib.contenttypes.models import ContentType

    site = prime_wagtail_site(request)
    if site is None:
        return
    key_parts = ("route", site.pk, translation.get_language(), path)
    route = cached(request, *key_parts, compute=lambda: _route(request, path) or "")
    if not route or hasattr(request, "_wagtail_route_for_request"):
        return
    content_type_id, pk, args, kwargs = route
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    try:
        page = model.objects.get(pk=pk)
    except model.DoesNotExist:  # deleted since: let Wagtail route as usual
        return
    # Wagtail's on_serve_page hook asks the page for the view restrictions of it and its
    # ancestors (two queries); they are part of the tree, so they come from the cache too.
    restrictions = cached(
        request, "restrictions", pk, compute=lambda: list(page.get_view_restrictions())
    )
    page.get_view_restrictions = lambda: restrictions
    request._wagtail_route_for_request = (page, args, kwargs)


def _route(request, path):
    result = Page.route_for_request(request, path)
    if result is None:
        return None
    page, args, kwargs = result
    return (page.content_type_id, page.pk, tuple(args), dict(kwargs))
