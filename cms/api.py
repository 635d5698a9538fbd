"""The JSON API: one django-ninja instance, one router per app, documented at /api/docs."""

from ninja import NinjaAPI

from cms.inputs import SafeJsonParser
from cms.refusals import Refusal
from cms.refusals import api_handler as refusal_api_handler

api = NinjaAPI(
    title="Puente API",
    version="1",
    urls_namespace="api",
    docs_url="/docs",
    parser=SafeJsonParser(),
)

# Each domain's router, by dotted path (the ground floor imports no domain).
ROUTERS = {
    "/courses/": "courses.api.router",
    "/exchanges/": "exchanges.api.router",
    "/experiences/": "experiences.api.router",
    "/forums/": "forums.api.router",
    "/frameworks/": "frameworks.api.router",
    "/projects/": "projects.api.router",
    "/data/": "opendata.api.router",
}
for prefix, router in ROUTERS.items():
    api.add_router(prefix, router)

# One mapping of a service's refusal for the whole API: 409 {"code", "message"}.
api.add_exception_handler(Refusal, refusal_api_handler(api))
