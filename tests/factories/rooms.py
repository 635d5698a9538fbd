"""Factories for rooms and their messages."""

import factory

from rooms.models import Message, Room

from . import NetworkFactory


class RoomFactory(factory.django.DjangoModelFactory):
    """A standalone room; ``members=[...]`` lists who may enter."""

    class Meta:
        model = Room
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Room {n}")

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.members.set(extracted)


def network_room(network=None, **network_kwargs) -> Room:
    """The room of a network (created through the service, as the app does)."""
    from rooms.services import room_for_parent

    return room_for_parent(parent=network or NetworkFactory(**network_kwargs))


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    room = factory.SubFactory(RoomFactory)
    author = factory.SubFactory("tests.factories.UserFactory")
    body = factory.Sequence(lambda n: f"Message number {n}")
