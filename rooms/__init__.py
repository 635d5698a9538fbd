"""Live discussion rooms. Other apps use ``rooms.for_parent(obj)`` to find or open a room."""


def for_parent(parent):
    """The room of ``parent`` (a registered parent model), created on first use."""
    from .services import room_for_parent

    return room_for_parent(parent=parent)
