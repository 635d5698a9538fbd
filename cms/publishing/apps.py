from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    """The conventions a public multilingual site is expected to follow: sitemap, robots.txt,
    language alternates and canonical links, schema.org data, feeds, news and events, and the
    translation status of every page. Generic: it works for every page type without naming
    the domains' apps (see ``structured_data.register`` and ``feeds.FEEDS``)."""

    name = "cms.publishing"
    label = "publishing"
    verbose_name = _("Publishing")
