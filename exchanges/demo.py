"""Demo exchanges: sixteen requests between real agencies, one or more in every state, each
brought there through ``workflow.transition`` so that its audit trail is real.

Every text is written in its author's language: a Peruvian, Colombian or Mexican agency's in
Spanish, a Brazilian one's in Portuguese (the secretariat answers in the request's language).
The agencies and programmes are real; the requests, reviews, reports and evaluations are
illustrative.

Idempotent: a request whose title already exists for its agency is left alone.
"""

import datetime

from django.contrib.auth.models import Group
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from allauth.account.models import EmailAddress

from cms.accounts import roles
from cms.accounts.models import AgencyClaim, User
from cms.accounts.services import agency_claim_create, agency_claim_decide
from cms.directory.models import Agency, PopulationGroup, Theme

from . import workflow
from .models import Activity, Evaluation, ExchangeRequest, Offer, Report, Review, State
from .services import offer_create

# Focal points beyond the two the accounts app creates, so that more agencies can take part.
EXTRA_FOCAL_POINTS = (
    ("focal.co@puente.test", "Puente-focal-2026", "Andrés", "Restrepo", "CO", "DPS", "es"),
    ("focal.mx@puente.test", "Puente-focal-2026", "Mariana", "Hernández", "MX", "BIENESTAR", "es"),
)
FOCAL = {
    ("PE", "MIDIS"): "focal.pe@puente.test",
    ("BR", "MDS"): "focal.br@puente.test",
    ("CO", "DPS"): "focal.co@puente.test",
    ("MX", "BIENESTAR"): "focal.mx@puente.test",
}

# title, requester, provider (offers then matched), target state, themes, groups, modalities,
# publish, problem, need
EXCHANGES = (
    (
        "Vincular a las familias usuarias de transferencias con los servicios locales de empleo",
        ("PE", "MIDIS"),
        None,
        State.DRAFT,
        ["cash-transfers", "employment-skills"],
        ["youth"],
        ["virtual"],
        False,
        "Los jóvenes de hogares que reciben transferencias rara vez consiguen un empleo formal.",
        "Conocer cómo otro país deriva a las familias usuarias de transferencias a los "
        "servicios públicos de empleo.",
    ),
    (
        "Focalizar las transferencias monetarias con un registro social de hogares",
        ("PE", "MIDIS"),
        None,
        State.SUBMITTED,
        ["cash-transfers", "social-information-systems"],
        [],
        ["virtual", "study_visit"],
        True,
        "Nuestras transferencias condicionadas no llegan a muchos hogares rurales pobres y "
        "alcanzan a algunas familias que ya no lo son.",
        "Aprender cómo se construye, actualiza y utiliza un registro social de hogares para "
        "focalizar las transferencias y otros programas.",
    ),
    (
        "Um sistema nacional de cuidados para pessoas idosas",
        ("BR", "MDS"),
        None,
        State.UNDER_REVIEW,
        ["care-systems"],
        ["older-persons"],
        ["study_visit"],
        True,
        "As famílias, sobretudo as mulheres, cuidam de pessoas idosas dependentes sem apoio "
        "público.",
        "Entender como um sistema nacional de cuidados foi desenhado, financiado e implantado "
        "por etapas.",
    ),
    (
        "Pago digital de transferencias en zonas apartadas",
        ("CO", "DPS"),
        None,
        State.CHANGES_REQUESTED,
        ["cash-transfers", "digital-government"],
        [],
        ["workshop"],
        False,
        "Las personas beneficiarias viajan durante horas para cobrar su transferencia en "
        "efectivo.",
        "Aprender de los esquemas de pago por dinero móvil y cuentas bancarias.",
    ),
    (
        "Compra de computadoras para las oficinas regionales",
        ("PE", "MIDIS"),
        None,
        State.REJECTED,
        ["digital-government"],
        [],
        ["expert_mission"],
        False,
        "Las oficinas regionales carecen de equipos.",
        "Financiamiento para computadoras.",
    ),
    (
        "Consulta aos povos indígenas sobre os programas sociais",
        ("BR", "MDS"),
        None,
        State.APPROVED,
        ["social-protection", "non-discrimination"],
        ["indigenous-peoples"],
        ["virtual", "workshop"],
        True,
        "Os programas são desenhados sem ouvir as comunidades indígenas.",
        "Métodos de consulta prévia no desenho de programas sociais.",
    ),
    (
        "Visitas domiciliarias para el desarrollo infantil temprano",
        ("PE", "MIDIS"),
        None,
        State.APPROVED,
        ["social-protection"],
        ["children-adolescents"],
        ["study_visit"],
        True,
        "La desnutrición crónica y la anemia siguen altas entre los niños pequeños de los "
        "Andes.",
        "Cómo se gestionan y evalúan a gran escala los programas de visitas domiciliarias.",
    ),
    (
        "Pensiones no contributivas para personas adultas mayores",
        ("MX", "BIENESTAR"),
        ("BR", "MDS"),
        State.PROVIDER_MATCHED,
        ["social-protection"],
        ["older-persons"],
        ["expert_mission"],
        True,
        "La cobertura de la pensión universal es desigual en los municipios rurales.",
        "La experiencia del Benefício de Prestação Continuada (BPC) y sus procedimientos de "
        "registro.",
    ),
    (
        "Actualización de un registro social de hogares",
        ("PE", "MIDIS"),
        ("CO", "DPS"),
        State.SCHEDULED,
        ["social-information-systems"],
        [],
        ["study_visit"],
        True,
        "El registro de hogares se actualiza con muy poca frecuencia para seguir los cambios "
        "en los ingresos.",
        "Cómo se renueva la encuesta del Sisbén y se contrasta con registros administrativos.",
    ),
    (
        "Programas de graduação para sair da extrema pobreza",
        ("BR", "MDS"),
        ("CO", "DPS"),
        State.IN_PROGRESS,
        ["social-protection", "employment-skills"],
        ["women"],
        ["virtual", "study_visit"],
        True,
        "As famílias deixam o programa de transferência de renda sem uma renda estável.",
        "Desenho de trajetórias de graduação que combinam transferências, acompanhamento "
        "familiar e capital semente.",
    ),
    (
        "Un registro único para los programas de transferencias",
        ("CO", "DPS"),
        ("BR", "MDS"),
        State.COMPLETED,
        ["cash-transfers", "social-information-systems"],
        [],
        ["study_visit", "workshop"],
        True,
        "Cada programa de transferencias mantiene su propia lista de personas beneficiarias.",
        "Aprender cómo el Cadastro Único funciona como puerta de entrada única a los "
        "programas sociales.",
    ),
    (
        "Transferencias condicionadas y asistencia escolar",
        ("MX", "BIENESTAR"),
        ("PE", "MIDIS"),
        State.REPORTS_SUBMITTED,
        ["cash-transfers"],
        ["children-adolescents"],
        ["expert_mission"],
        True,
        "La deserción escolar aumenta después de la primaria en las familias usuarias de "
        "transferencias.",
        "Cómo el programa Juntos verifica la asistencia escolar con el Ministerio de "
        "Educación.",
    ),
    (
        "Avaliação de impacto das transferências condicionadas de renda",
        ("BR", "MDS"),
        ("PE", "MIDIS"),
        State.CLOSED,
        ["cash-transfers"],
        [],
        ["virtual", "workshop"],
        True,
        "As avaliações do programa de transferência de renda são raras e demoradas.",
        "Métodos e dados para avaliações de impacto periódicas.",
    ),
    (
        "Protección social para mujeres rurales",
        ("MX", "BIENESTAR"),
        ("CO", "DPS"),
        State.CLOSED,
        ["social-protection", "gender-equality"],
        ["women", "rural-workers"],
        ["study_visit"],
        True,
        "Las mujeres rurales rara vez son titulares de la transferencia o de una cuenta "
        "bancaria a su nombre.",
        "Programas que pagan directamente a las mujeres y ofrecen educación financiera.",
    ),
    (
        "Transferencias de emergencia tras desastres naturales",
        ("PE", "MIDIS"),
        ("MX", "BIENESTAR"),
        State.CLOSED,
        ["cash-transfers", "social-protection"],
        [],
        ["virtual"],
        False,
        "Tras las inundaciones, la ayuda llega a las familias con semanas de retraso.",
        "Cómo se amplían rápidamente las transferencias a partir del registro existente.",
    ),
    (
        "Pago de transferencias mediante billeteras móviles en zonas apartadas",
        ("CO", "DPS"),
        ("MX", "BIENESTAR"),  # offers on the open call; the request is then withdrawn
        State.WITHDRAWN,
        ["cash-transfers", "social-information-systems"],
        ["rural-workers"],
        ["virtual"],
        False,
        "Las familias de municipios apartados viajan durante horas para cobrar su "
        "transferencia.",
        "Cómo las billeteras móviles y las redes de corresponsales pagan transferencias donde "
        "no hay bancos.",
    ),
)
ORDER = [s.value for s in State]

# The language each demo agency writes in, by country.
LANGUAGE = {"PE": "es", "CO": "es", "MX": "es", "BR": "pt"}

# Everything else the people of an exchange write, in each of their languages.
TEXTS = {
    "es": {
        "claim": "Punto focal de la institución.",
        "objectives": "Adaptar lo que funciona a nuestro propio programa en el plazo de un año.",
        "expected_results": "Una nota de diseño acordada con la alta dirección y un plan piloto.",
        "summary": "{agency}: intercambio con una institución par. {need}",
        "submit": "Lista para revisión.",
        "review_unclear": "El presupuesto y los resultados esperados no están claros.",
        "reject": "La compra de equipos no es cooperación entre pares.",
        "request_changes": "Detalle el presupuesto, por favor.",
        "review_clear": "Una solicitud clara y bien delimitada.",
        "approve": "Aprobada; abierta a ofertas.",
        "offer": "{agency} lleva años ejecutando este tipo de programa.",
        "offer_consultation": "Colombia consultó a los pueblos indígenas al rediseñar su "
        "programa de transferencias y puede compartir el protocolo.",
        "offer_agents": "En México, el Banco del Bienestar paga transferencias a través de una "
        "red de corresponsales locales.",
        "withdraw": "Nuestra entidad está fusionando dos programas; presentaremos una nueva "
        "solicitud cuando se fijen las nuevas reglas de pago.",
        "activities": "Dos sesiones virtuales y luego una visita de cinco días a las oficinas "
        "centrales y de campo.",
        "participants": "{count} funcionarios de los equipos de planificación y operaciones.",
        "results": "Una nota de diseño del nuevo procedimiento y un glosario compartido.",
        "next_steps": "Piloto en dos regiones y una llamada de seguimiento en seis meses.",
        "reports_in": "Los dos informes finales están entregados.",
        "close": "Cerrado tras recibir ambos informes.",
        "evaluation": "Práctico y bien organizado.",
    },
    "pt": {
        "claim": "Ponto focal da instituição.",
        "objectives": "Adaptar o que funciona ao nosso próprio programa no prazo de um ano.",
        "expected_results": "Uma nota técnica acordada com a direção do ministério e um plano "
        "piloto.",
        "summary": "{agency}: intercâmbio com uma instituição par. {need}",
        "submit": "Pronta para análise.",
        "review_unclear": "O orçamento e os resultados esperados não estão claros.",
        "reject": "A compra de equipamentos não é cooperação entre pares.",
        "request_changes": "Por favor, detalhe o orçamento.",
        "review_clear": "Uma solicitação clara e bem delimitada.",
        "approve": "Aprovada; aberta a ofertas.",
        "offer": "O {agency} executa este tipo de programa há anos.",
        "activities": "Duas sessões virtuais e depois uma visita de cinco dias à sede e aos "
        "escritórios de campo.",
        "participants": "{count} servidores das equipes de planejamento e operações.",
        "results": "Uma nota técnica sobre o novo procedimento e um glossário comum.",
        "next_steps": "Piloto em duas regiões e uma reunião de acompanhamento em seis meses.",
        "reports_in": "Os dois relatórios finais foram entregues.",
        "close": "Encerrado após os dois relatórios.",
        "evaluation": "Prático e bem organizado.",
    },
}


def _text(country: str, key: str, **values) -> str:
    """A demo text in the language of the agency of ``country``."""
    return TEXTS[LANGUAGE[country]][key].format(**values)


def _focal_points(stdout, secretariat) -> None:
    agencies = {(a.country.code, a.acronym): a for a in Agency.objects.select_related("country")}
    for email, password, first, last, country, acronym, language in EXTRA_FOCAL_POINTS:
        agency = agencies[(country, acronym)]
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "first_name": first,
                "last_name": last,
                "agency": agency,
                "country": agency.country,
                "preferred_language": language,
            },
        )
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
            stdout.write(f"  {email:28} {password:26} {roles.FOCAL_POINT} ({acronym})")
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        user.groups.add(*Group.objects.filter(name=roles.LEARNER))
        if not AgencyClaim.objects.filter(user=user, agency=agency).exists():
            claim = agency_claim_create(
                user=user, agency=agency, statement=_text(country, "claim")
            )
            agency_claim_decide(claim=claim, status=AgencyClaim.Status.APPROVED, by=secretariat)


def _create(spec, agencies, people, secretariat, today) -> ExchangeRequest | None:
    (
        title,
        requester_key,
        provider_key,
        target,
        theme_slugs,
        group_slugs,
        modalities,
        publish,
        problem,
        need,
    ) = spec
    requesting = agencies[requester_key]
    if ExchangeRequest.objects.filter(requesting_agency=requesting, title=title).exists():
        return None
    requester = people[FOCAL[requester_key]]
    country = requester_key[0]  # the secretariat answers in the request's language
    index = EXCHANGES.index(spec)
    # Later states happened earlier: the closed exchanges months ago, drafts months ahead.
    start = today + datetime.timedelta(days=20 * (9 - index))
    req = ExchangeRequest.objects.create(
        requesting_agency=requesting,
        created_by=requester,
        title=title,
        problem=problem,
        need=need,
        objectives=_text(country, "objectives"),
        expected_results=_text(country, "expected_results"),
        period_start=start,
        period_end=start + datetime.timedelta(days=9),
        participants=4 + index % 5,
        budget_travel=3500 + 250 * index,
        budget_per_diem=1800 + 100 * index,
        languages=["es", "pt"]
        if "BR" in (requester_key[0], (provider_key or ("",))[0])
        else ["es"],
        publish_summary=publish,
        summary=_text(country, "summary", agency=requesting.acronym, need=need) if publish else "",
    )
    req.themes.set(Theme.objects.filter(slug__in=theme_slugs))
    req.population_groups.set(PopulationGroup.objects.filter(slug__in=group_slugs))
    for order, modality in enumerate(modalities):
        Activity.objects.create(
            request=req,
            order=order,
            modality=modality,
            start_date=start,
            end_date=start + datetime.timedelta(days=9),
        )
    # A withdrawn request goes as far as an open call with an offer, then is withdrawn.
    goal = ORDER.index(State.APPROVED if target == State.WITHDRAWN else target)

    def go(action, by, **extra):
        nonlocal req
        req = workflow.transition(req, action, by=by, **extra)
        return ORDER.index(req.state) >= goal

    if target == State.DRAFT or go("submit", requester, comment=_text(country, "submit")):
        return req
    if go("start_review", secretariat):
        return req
    if target in (State.CHANGES_REQUESTED, State.REJECTED):
        Review.objects.create(
            request=req,
            reviewer=secretariat,
            relevance=3,
            clarity=2,
            commitment=3,
            feasibility=2,
            comments=_text(country, "review_unclear"),
        )
        if target == State.REJECTED:
            go("reject", secretariat, comment=_text(country, "reject"))
        else:
            go("request_changes", secretariat, comment=_text(country, "request_changes"))
        return req
    Review.objects.create(
        request=req,
        reviewer=secretariat,
        relevance=5,
        clarity=4,
        commitment=4,
        feasibility=4,
        comments=_text(country, "review_clear"),
    )
    if go("approve", secretariat, open_to_offers=True, comment=_text(country, "approve")):
        if index == 5:  # an open call that already has an offer
            offer_create(
                req=req,
                by=people["focal.co@puente.test"],
                agency=agencies[("CO", "DPS")],
                message=_text("CO", "offer_consultation"),
            )
        if target == State.WITHDRAWN:
            offer_create(
                req=req,
                by=people[FOCAL[provider_key]],
                agency=agencies[provider_key],
                message=_text(provider_key[0], "offer_agents"),
            )
            go(
                "withdraw",
                requester,
                comment=_text(country, "withdraw"),
            )
        return req
    provider = agencies[provider_key]
    offer = offer_create(
        req=req,
        by=people[FOCAL[provider_key]],
        agency=provider,
        message=_text(provider_key[0], "offer", agency=provider.acronym),
    )
    req = workflow.offer_accept(offer=offer, by=requester)
    if ORDER.index(req.state) >= goal:
        return req
    for action in ("schedule", "start", "complete"):
        if go(action, secretariat if action == "schedule" else requester):
            return req
    for key, agency in ((requester_key, requesting), (provider_key, provider)):
        Report.objects.create(
            request=req,
            agency=agency,
            by=people[FOCAL[key]],
            activities=_text(key[0], "activities"),
            participants=_text(key[0], "participants", count=req.participants),
            results=_text(key[0], "results"),
            next_steps=_text(key[0], "next_steps"),
        )
    if go("reports_in", requester, comment=_text(country, "reports_in")):
        return req
    go("close", secretariat, comment=_text(country, "close"))
    for key in (requester_key, provider_key):
        Evaluation.objects.create(
            request=req,
            kind=Evaluation.Kind.PARTY,
            by=people[FOCAL[key]],
            satisfaction=4 + index % 2,
            usefulness=4,
            narrative=_text(key[0], "evaluation"),
        )
    # Closed exchanges ended months ago, so their follow-up survey is open.
    ExchangeRequest.objects.filter(pk=req.pk).update(
        completed_at=timezone.now() - datetime.timedelta(days=120)
    )
    return req


def seed(stdout) -> None:
    secretariat = User.objects.filter(email="secretariat@puente.test").first()
    if secretariat is None:
        stdout.write("Exchanges: no secretariat demo user; skipped.")
        return
    # Emails of the demo's notifications stay in memory instead of flooding the console.
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"),
        transaction.atomic(),
    ):
        _focal_points(stdout, secretariat)
        agencies = {
            (a.country.code, a.acronym): a for a in Agency.objects.select_related("country")
        }
        people = {u.email: u for u in User.objects.filter(email__in=FOCAL.values())}
        today = timezone.localdate()
        created = [
            req
            for spec in EXCHANGES
            if (req := _create(spec, agencies, people, secretariat, today)) is not None
        ]
    offers = Offer.objects.count()
    stdout.write(
        f"Exchanges: {len(created)} created, {ExchangeRequest.objects.count()} in all, "
        f"{offers} offers."
    )
