"""Issue 17.13: the demo speaks the language of the page. Exchanges, their summaries, reports
and evaluations are written in their agency's language, room threads in their speakers' own,
room titles name the network in the room's language, and nobody writes about another country.
"""


from cms.accounts.models import User
from cms.directory.models import Network
from exchanges.models import ExchangeRequest, State
from rooms.models import Message, Room

# Sentences of the English-only demo that must not reach a Spanish, French or Portuguese page.
ENGLISH = (
    "learned from a peer agency",
    "Targeting cash transfers",
    "Evaluating the impact of conditional cash transfers",
    "Families leave the transfer programme",
    "A single registry for cash transfer programmes",
    "has run this kind of programme for years",
    "Practical and well organised",
    "A design note for the new procedure",
    "Adapt what works to our own programme",
    "Inter-American Social Protection Network",
    "Focal points coordination",
    "In Jamaica we linked PATH",
    "That would help us too",
    "Happy to compare notes",
)


def english_on(html: str) -> list[str]:
    return [sentence for sentence in ENGLISH if sentence in html]


def test_demo_pages_show_no_english_demo_content(client, seeded_demo):
    brazil = User.objects.get(email="focal.br@puente.test")
    iaspn = Network.objects.get(slug="iaspn")
    network_room = Room.objects.get(kind="network", object_id=iaspn.pk)
    closed = ExchangeRequest.objects.filter(state=State.CLOSED, publish_summary=True)
    own = closed.get(requesting_agency=brazil.agency)
    exchange_room = Room.objects.get(kind="exchange", object_id=own.pk)
    published = closed.exclude(requesting_agency=brazil.agency).first()
    client.force_login(brazil)
    pages = [url for lang in ("es", "fr", "pt") for url in (
        f"/{lang}/",
        f"/{lang}/exchanges/",
        f"/{lang}/exchanges/completed/{own.pk}/",
        f"/{lang}/exchanges/completed/{published.pk}/",
        f"/{lang}/exchanges/{own.pk}/",
        f"/{lang}/networks/{iaspn.slug}/",
        f"/{lang}/rooms/",
        f"/{lang}/rooms/{network_room.pk}/",
        f"/{lang}/rooms/{exchange_room.pk}/",
    )]
    found = {}
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        if english := english_on(response.content.decode()):
            found[url] = english
    assert found == {}


def test_demo_texts_are_in_their_authors_language(seeded_demo):
    brazilian = ExchangeRequest.objects.get(requesting_agency__country__code="BR",
                                            state=State.UNDER_REVIEW)
    assert brazilian.title == "Um sistema nacional de cuidados para pessoas idosas"
    assert brazilian.objectives.startswith("Adaptar o que funciona")
    peruvian = ExchangeRequest.objects.get(title__startswith="Focalizar las transferencias")
    assert peruvian.objectives.startswith("Adaptar lo que funciona")
    network_room = Room.objects.get(kind="network", object_id=Network.objects.get(slug="iaspn").pk)
    assert (network_room.title, network_room.language) == (
        "Red Interamericana de Protección Social", "es"
    )
    exchange_rooms = Room.objects.filter(kind="exchange")
    assert {room.language for room in exchange_rooms} == {"es", "pt"}
    # Each official writes in their own language, and only about their own country.
    colombian = User.objects.get(email="focal.co@puente.test")
    said = Message.objects.filter(author=colombian).values_list("body", flat=True)
    assert said and not [text for text in said if "Jamaica" in text or "Good morning" in text]
    assert [text for text in said if "En Colombia" in text]
    for message in Message.objects.select_related("author"):
        if message.author.preferred_language == "pt":
            assert "Buenos días" not in message.body and "Good morning" not in message.body
