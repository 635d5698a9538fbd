"""Fixtures of the security tests: those of the courses (catalogue, cohort, webinar…) and of the
room sockets (people, and closing the consumers' connection) reused."""

from tests.courses.conftest import (  # noqa: F401
    catalogue,
    cohort,
    course,
    webinar,
    webinar_index,
)
from tests.rooms.test_consumers import _close_consumer_connections, people  # noqa: F401
