"""Demo rooms: one per network and per instance of every registered parent model (cohorts,
webinars, exchanges when those apps seeded them), one standalone room of the secretariat, a few
messages in several languages, and who of the demo people may enter which room."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from cms.accounts.models import User

from . import parents
from .models import Message, Room
from .permissions import access_for
from .services import room_for_parent

DEMO_DOMAIN = "@puente.test"

# (language, text) — said in turn by the people who may post in the room.
THREAD = (
    ("es", "Buenos días a todos. En nuestro ministerio estamos revisando cómo se cruzan los "
           "registros sociales con los de empleo. ¿Alguien ya lo resolvió?"),
    ("pt", "Olá! No Brasil o Cadastro Único se integra com outras bases há anos. Posso "
           "compartilhar o manual de interoperabilidade na próxima semana."),
    ("en", "That would help us too. In Jamaica we linked PATH to the tax registry last year; "
           "data protection was the hardest part. Happy to compare notes."),
    ("fr", "Merci pour ces échanges. Je partagerai la note méthodologique de notre dernier "
           "atelier ; vos commentaires sont bienvenus avant vendredi."),
    ("es", "Perfecto. Propongo una llamada corta el martes para ordenar las preguntas antes de "
           "la visita técnica."),
)
STANDALONE_TITLE = "Coordinación de puntos focales / Focal points coordination"


def _demo_people() -> list[User]:
    return list(User.objects.filter(email__endswith=DEMO_DOMAIN).order_by("email"))


def _seed_messages(room: Room, people: list[User]) -> int:
    if room.messages.exists():
        return 0
    speakers = [person for person in people if access_for(person, room).post]
    if not speakers:
        return 0
    start = timezone.now() - timedelta(hours=len(THREAD))
    messages = Message.objects.bulk_create(
        [
            Message(room=room, author=speakers[n % len(speakers)], body=text)
            for n, (_language, text) in enumerate(THREAD)
        ]
    )
    # auto_now_add stamps "now"; space the demo thread out over the last hours.
    for n, message in enumerate(messages):
        Message.objects.filter(pk=message.pk).update(created_at=start + timedelta(hours=n))
    return len(messages)


@transaction.atomic
def seed(stdout) -> None:
    people = _demo_people()
    rooms = []
    for model in parents.registered_models():
        for parent in model._default_manager.all():
            rooms.append(room_for_parent(parent=parent))
    secretariat = User.objects.filter(email=f"secretariat{DEMO_DOMAIN}").first()
    standalone = Room.objects.filter(title=STANDALONE_TITLE, content_type__isnull=True).first()
    if standalone is None and secretariat is not None:
        standalone = Room.objects.create(
            title=STANDALONE_TITLE, language="es", created_by=secretariat
        )
        standalone.members.set(
            User.objects.filter(
                email__in=[f"focal.pe{DEMO_DOMAIN}", f"focal.br{DEMO_DOMAIN}"]
            )
        )
    if standalone is not None:
        rooms.append(standalone)

    created = sum(_seed_messages(room, people) for room in rooms)
    stdout.write(f"Rooms: {len(rooms)} rooms, {created} new demo messages.")
    for room in rooms:
        readers = [p.email for p in people if access_for(p, room).read]
        moderators = [p.email for p in people if access_for(p, room).moderate]
        stdout.write(
            f"  /en/rooms/{room.pk}/ {room.title} ({room.kind_label}) — may enter: "
            f"{', '.join(readers) or 'nobody'}; moderate: {', '.join(moderators) or 'nobody'}"
        )
