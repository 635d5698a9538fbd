"""Demo rooms: one per network and per instance of every registered parent model (cohorts,
webinars, exchanges when those apps seeded them), one standalone room of the secretariat, a few
messages, and who of the demo people may enter which room.

A room's thread is said by the officials who may post there, those who speak the room's
language first; each writes in their own language about their own country. The messages are
illustrative."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone, translation

from cms.accounts.models import User

from . import parents
from .models import Message, Room
from .permissions import access_for
from .services import room_for_parent

DEMO_DOMAIN = "@puente.test"

# The same conversation in each language, said in turn; "{country}" is the speaker's country
# (named only where the language needs no article before it).
THREAD = {
    "es": (
        "Buenos días a todos. En {country} estamos revisando cómo se cruzan los registros "
        "sociales con los de empleo. ¿Alguien ya lo resolvió?",
        "En {country} el registro social ya se cruza con otras bases administrativas. Puedo "
        "compartir el manual de interoperabilidad la próxima semana.",
        "Eso nos ayudaría también. En {country} la protección de datos fue lo más difícil; "
        "con gusto comparamos notas.",
        "Gracias por el intercambio. Compartiré la nota metodológica de nuestro último taller; "
        "sus comentarios son bienvenidos antes del viernes.",
        "Perfecto. Propongo una llamada corta el martes para ordenar las preguntas antes de la "
        "visita técnica.",
    ),
    "pt": (
        "Bom dia a todos. No nosso ministério estamos revendo como os cadastros sociais se "
        "cruzam com os de emprego. Alguém já resolveu isso?",
        "Olá! No nosso país o cadastro social se integra com outras bases há anos. Posso "
        "compartilhar o manual de interoperabilidade na próxima semana.",
        "Isso nos ajudaria também. Para nós, a proteção de dados foi a parte mais difícil; "
        "podemos comparar anotações.",
        "Obrigado pela troca. Vou compartilhar a nota metodológica da nossa última oficina; "
        "os comentários são bem-vindos até sexta-feira.",
        "Perfeito. Proponho uma chamada curta na terça para organizar as perguntas antes da "
        "visita técnica.",
    ),
    "fr": (
        "Bonjour à tous. Dans notre ministère, nous revoyons la façon dont les registres "
        "sociaux sont croisés avec ceux de l'emploi. Quelqu'un l'a-t-il déjà fait\u202f?",
        "Chez nous, le registre social est relié à d'autres bases depuis des années. "
        "Je peux partager le manuel d'interopérabilité la semaine prochaine.",
        "Cela nous aiderait aussi. Pour nous, la protection des données a été le "
        "plus difficile\u202f; comparons nos notes.",
        "Merci pour ces échanges. Je partagerai la note méthodologique de notre dernier "
        "atelier\u202f; vos commentaires sont bienvenus avant vendredi.",
        "Parfait. Je propose un court appel mardi pour ordonner les questions avant la visite "
        "technique.",
    ),
    "en": (
        "Good morning, everyone. In {country} we are reviewing how social registries are "
        "matched with employment records. Has anyone already solved this?",
        "In {country} the social registry has been linked to other databases for years. I can "
        "share the interoperability manual next week.",
        "That would help us too. In {country} data protection was the hardest part; happy to "
        "compare notes.",
        "Thanks for the exchange. I will share the methodology note from our last workshop; "
        "comments are welcome before Friday.",
        "Perfect. I suggest a short call on Tuesday to sort the questions before the technical "
        "visit.",
    ),
}
STANDALONE_TITLE = "Coordinación de puntos focales"


def _demo_people() -> list[User]:
    return list(
        User.objects.filter(email__endswith=DEMO_DOMAIN).select_related("country").order_by("email")
    )


def _speakers(room: Room, people: list[User]) -> list[User]:
    """The officials (people of an agency) who may post in ``room``: those who speak its
    language when there are two of them to talk, else all of them."""
    officials = [p for p in people if p.agency_id and access_for(p, room).post]
    same = [p for p in officials if p.preferred_language == room.language]
    return same if len(same) > 1 else officials


def _line(person: User, n: int) -> str:
    language = person.preferred_language if person.preferred_language in THREAD else "en"
    with translation.override(language):
        country = person.country.name if person.country_id else ""
    return THREAD[language][n].format(country=country)


def _seed_messages(room: Room, people: list[User]) -> int:
    if room.messages.exists():
        return 0
    speakers = _speakers(room, people)
    if not speakers:
        return 0
    start = timezone.now() - timedelta(hours=len(THREAD["en"]))
    messages = Message.objects.bulk_create(
        [
            Message(room=room, author=author, body=_line(author, n))
            for n in range(len(THREAD["en"]))
            for author in [speakers[n % len(speakers)]]
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
