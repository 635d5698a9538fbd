"""Demo data: the governance of the department's networks, their membership history and a
pending request (idempotent; runs after the directory's demo, which lists the members).

Public facts: the IASPN was launched in 2009 (REMDES); RIAL is the cooperation network of the
Inter-American Conference of Ministers of Labor, created in 2005. Chairs, terms, joining dates,
the former members and the pending requests are illustrative.
"""

from __future__ import annotations

import datetime

from cms.directory.models import Agency, Network

from .models import Membership, MembershipState, MembershipTransition, NetworkProfile
from .services import sync_network_members

SECRETARIAT = {
    "technical_secretariat_en": "OAS Department of Social Inclusion (SEDI)",
    "technical_secretariat_es": "Departamento de Inclusión Social de la OEA (SEDI)",
    "technical_secretariat_fr": "Département de l'inclusion sociale de l'OEA (SEDI)",
    "technical_secretariat_pt": "Departamento de Inclusão Social da OEA (SEDI)",
}

PROFILES = {
    "iaspn": {
        "founded": 2009,
        "chair": ("CL", "MDSF"),
        "term": (datetime.date(2025, 1, 1), datetime.date(2026, 12, 31)),
        "purpose_en": (
            "Brings together the ministries and agencies of social development of the Americas "
            "so that they learn from each other how to build social protection systems that "
            "reach everyone: cash transfers, social registries, care and inclusion policies. "
            "Born from the meetings of ministers of social development (REMDES)."
        ),
        "purpose_es": (
            "Reúne a los ministerios y organismos de desarrollo social de las Américas para que "
            "aprendan unos de otros a construir sistemas de protección social que lleguen a "
            "todas las personas: transferencias monetarias, registros sociales, cuidados y "
            "políticas de inclusión. Nace de las reuniones de ministros de desarrollo social "
            "(REMDES)."
        ),
        "purpose_fr": (
            "Rassemble les ministères et organismes de développement social des Amériques pour "
            "qu'ils apprennent les uns des autres à bâtir des systèmes de protection sociale qui "
            "atteignent tout le monde : transferts monétaires, registres sociaux, soins et "
            "politiques d'inclusion. Issu des réunions des ministres du développement social "
            "(REMDES)."
        ),
        "purpose_pt": (
            "Reúne os ministérios e órgãos de desenvolvimento social das Américas para que "
            "aprendam uns com os outros a construir sistemas de proteção social que alcancem "
            "todas as pessoas: transferências de renda, cadastros sociais, cuidados e políticas "
            "de inclusão. Nasceu das reuniões de ministros de desenvolvimento social (REMDES)."
        ),
        "former": [(("CL", "SENAMA"), datetime.date(2011, 3, 1), datetime.date(2019, 6, 30))],
        "pending": [(("CL", "SENADIS"), (
            "Queremos compartir nuestra experiencia en la certificación de la discapacidad y "
            "aprender de los registros sociales de la región."
        ))],
    },
    "rial": {
        "founded": 2005,
        "chair": ("CO", "MINTRABAJO"),
        "term": (datetime.date(2024, 1, 1), datetime.date(2026, 12, 31)),
        "purpose_en": (
            "The cooperation network of the ministries of labour of the Americas, created by the "
            "Inter-American Conference of Ministers of Labor: bilateral cooperation between "
            "ministries, workshops and a shared knowledge base on labour inspection, employment "
            "services and social dialogue."
        ),
        "purpose_es": (
            "La red de cooperación de los ministerios de trabajo de las Américas, creada por la "
            "Conferencia Interamericana de Ministros de Trabajo: cooperación bilateral entre "
            "ministerios, talleres y una base de conocimientos compartida sobre inspección "
            "laboral, servicios de empleo y diálogo social."
        ),
        "purpose_fr": (
            "Le réseau de coopération des ministères du travail des Amériques, créé par la "
            "Conférence interaméricaine des ministres du travail : coopération bilatérale entre "
            "ministères, ateliers et base de connaissances partagée sur l'inspection du travail, "
            "les services de l'emploi et le dialogue social."
        ),
        "purpose_pt": (
            "A rede de cooperação dos ministérios do trabalho das Américas, criada pela "
            "Conferência Interamericana de Ministros do Trabalho: cooperação bilateral entre "
            "ministérios, oficinas e uma base de conhecimento compartilhada sobre inspeção do "
            "trabalho, serviços de emprego e diálogo social."
        ),
        "former": [(("CO", "SENA"), datetime.date(2014, 5, 1), datetime.date(2021, 2, 28))],
        "pending": [(("PE", "SUNAFIL"), (
            "Buscamos intercambiar metodologías de inspección laboral con otros países de la "
            "región."
        ))],
    },
    "riam": {
        "founded": 2021,
        "chair": ("MX", "INM"),
        "term": (datetime.date(2025, 7, 1), datetime.date(2027, 6, 30)),
        "purpose_en": (
            "A demonstration network (fictional) where migration authorities compare regular "
            "pathways, documentation and the integration of migrants."
        ),
        "purpose_es": (
            "Una red de demostración (ficticia) donde las autoridades migratorias comparan vías "
            "regulares, documentación e integración de las personas migrantes."
        ),
        "purpose_fr": (
            "Un réseau de démonstration (fictif) où les autorités migratoires comparent les voies "
            "régulières, les documents et l'intégration des personnes migrantes."
        ),
        "purpose_pt": (
            "Uma rede de demonstração (fictícia) em que as autoridades migratórias comparam vias "
            "regulares, documentação e a integração das pessoas migrantes."
        ),
        "former": [],
        "pending": [],
    },
}


def _agency(key) -> Agency | None:
    country, acronym = key
    return Agency.objects.filter(country__code=country, acronym=acronym).first()


def _ensure(network, agency, state, *, joined=None, left=None, statement="") -> None:
    membership = Membership.objects.filter(network=network, agency=agency, state=state).first()
    if membership is None:
        membership = Membership.objects.create(
            network=network, agency=agency, state=state, joined_on=joined, left_on=left,
            statement=statement,
        )
        MembershipTransition.objects.create(
            membership=membership, action="request", from_state="",
            to_state=MembershipState.REQUESTED, comment=statement,
        )
        if state != MembershipState.REQUESTED:
            MembershipTransition.objects.create(
                membership=membership, action="approve", from_state=MembershipState.REQUESTED,
                to_state=MembershipState.MEMBER,
            )
        if state == MembershipState.LEFT:
            MembershipTransition.objects.create(
                membership=membership, action="leave", from_state=MembershipState.MEMBER,
                to_state=MembershipState.LEFT,
            )
    elif joined and membership.joined_on is None:
        membership.joined_on = joined
        membership.save(update_fields=["joined_on"])


def seed(stdout) -> None:
    for slug, data in PROFILES.items():
        network = Network.objects.filter(slug=slug).first()
        if network is None:
            continue
        NetworkProfile.objects.update_or_create(
            network=network,
            defaults={
                **SECRETARIAT,
                **{f"purpose_{code}": data[f"purpose_{code}"] for code in ("en", "es", "fr", "pt")},
                "chair": _agency(data["chair"]),
                "term_start": data["term"][0],
                "term_end": data["term"][1],
                "founded": data["founded"],
            },
        )
        # The directory's demo lists the current members: each gets its membership (joining
        # dates illustrative, spread over the network's first years).
        for i, agency in enumerate(network.members.order_by("country__code", "name")):
            joined = datetime.date(data["founded"] + i % 4, 1 + (i * 5) % 12, 1)
            _ensure(network, agency, MembershipState.MEMBER, joined=joined)
        for key, joined, left in data["former"]:
            agency = _agency(key)
            if agency is not None:
                _ensure(network, agency, MembershipState.LEFT, joined=joined, left=left)
        for key, statement in data["pending"]:
            agency = _agency(key)
            if agency is not None and not Membership.objects.filter(
                network=network, agency=agency, state=MembershipState.MEMBER
            ).exists():
                _ensure(network, agency, MembershipState.REQUESTED, statement=statement)
        sync_network_members(network=network)
    stdout.write(
        f"Networks: {NetworkProfile.objects.count()} with governance, "
        f"{Membership.objects.filter(state=MembershipState.MEMBER).count()} memberships, "
        f"{Membership.objects.filter(state=MembershipState.REQUESTED).count()} pending requests."
    )
