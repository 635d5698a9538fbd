"""Links that apps add to the site header, so the shell template never names another app.

An app registers its links in ``AppConfig.ready()``::

    register_header_link("my_learning", _("My learning"), "my_learning")
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class HeaderLink:
    key: str
    label: str
    url_name: str
    visible: Callable  # (user) -> bool
    badge: Callable | None = None  # (request) -> int | None, e.g. unread notifications
    order: int = 100


_links: dict[str, HeaderLink] = {}


def register_header_link(
    key: str,
    label: str,
    url_name: str,
    *,
    visible: Callable = lambda user: user.is_authenticated,
    badge: Callable | None = None,
    order: int = 100,
) -> None:
    _links[key] = HeaderLink(key, label, url_name, visible, badge, order)


def header_links() -> list[HeaderLink]:
    return sorted(_links.values(), key=lambda link: (link.order, link.key))
