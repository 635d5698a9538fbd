"""The JSON API: one django-ninja instance, one router per app, documented at /api/docs."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="Puente API",
    version="1",
    urls_namespace="api",
    docs_url="/docs",
)
