"""The JSON API: one django-ninja instance, one router per app, documented at /api/docs."""

from ninja import NinjaAPI

from cms.inputs import SafeJsonParser
from cms.refusals import Refusal
from cms.refusals import api_handler as refusal_api_handler
from courses.api import router as courses_router
from exchanges.api import router as exchanges_router
from search.api import router as search_router

api = NinjaAPI(
    title="Puente API",
    version="1",
    urls_namespace="api",
    docs_url="/docs",
    parser=SafeJsonParser(),
)

api.add_router("/courses/", courses_router)
api.add_router("/exchanges/", exchanges_router)

api.add_router("/experiences/", search_router)

# One mapping of a service's refusal for the whole API: 409 {"code", "message"}.
api.add_exception_handler(Refusal, refusal_api_handler(api))
