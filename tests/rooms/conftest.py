"""The room sockets' fixtures (people, closing the consumers' connection), shared by the
modules that open sockets."""

from tests.rooms.test_consumers import _close_consumer_connections, people  # noqa: F401
