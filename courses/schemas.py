"""The error shapes of the learning API, shared by the courses and webinars routers."""

from ninja import Schema


class ErrorOut(Schema):
    detail: str


class RefusalOut(Schema):
    """A service's refusal, as ``cms/api.py`` answers it (409)."""

    code: str
    message: str
