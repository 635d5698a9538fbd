"""Demo exchanges: sixteen requests between real agencies, one or more in every state, each
brought there through ``workflow.transition`` so that its audit trail is real.

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
        "Linking cash transfer families to local employment services",
        ("PE", "MIDIS"),
        None,
        State.DRAFT,
        ["cash-transfers", "employment-skills"],
        ["youth"],
        ["virtual"],
        False,
        "Young people in families that receive transfers rarely find formal work.",
        "See how another country refers transfer families to public employment services.",
    ),
    (
        "Targeting cash transfers with a household social registry",
        ("PE", "MIDIS"),
        None,
        State.SUBMITTED,
        ["cash-transfers", "social-information-systems"],
        [],
        ["virtual", "study_visit"],
        True,
        "Our conditional cash transfers miss many poor rural households and reach some families "
        "who are no longer poor.",
        "Learn how a social registry of households is built, updated and used to target cash "
        "transfers and other programmes.",
    ),
    (
        "A national care system for older persons",
        ("BR", "MDS"),
        None,
        State.UNDER_REVIEW,
        ["care-systems"],
        ["older-persons"],
        ["study_visit"],
        True,
        "Families, mostly women, care for dependent older persons without public support.",
        "Understand how a national care system was designed, financed and phased in.",
    ),
    (
        "Digital payment of transfers in remote areas",
        ("CO", "DPS"),
        None,
        State.CHANGES_REQUESTED,
        ["cash-transfers", "digital-government"],
        [],
        ["workshop"],
        False,
        "Beneficiaries travel for hours to collect their transfer in cash.",
        "Learn from mobile-money and bank-account payment schemes.",
    ),
    (
        "Purchase of computers for regional offices",
        ("PE", "MIDIS"),
        None,
        State.REJECTED,
        ["digital-government"],
        [],
        ["expert_mission"],
        False,
        "Regional offices lack equipment.",
        "Funding for computers.",
    ),
    (
        "Consulting indigenous peoples on social programmes",
        ("BR", "MDS"),
        None,
        State.APPROVED,
        ["social-protection", "non-discrimination"],
        ["indigenous-peoples"],
        ["virtual", "workshop"],
        True,
        "Programmes are designed without the views of indigenous communities.",
        "Methods for prior consultation in the design of social programmes.",
    ),
    (
        "Home visits for early childhood development",
        ("PE", "MIDIS"),
        None,
        State.APPROVED,
        ["social-protection"],
        ["children-adolescents"],
        ["study_visit"],
        True,
        "Stunting and anaemia remain high among young children in the Andes.",
        "How home-visiting programmes are run and evaluated at scale.",
    ),
    (
        "Non-contributory pensions for older persons",
        ("MX", "BIENESTAR"),
        ("BR", "MDS"),
        State.PROVIDER_MATCHED,
        ["social-protection"],
        ["older-persons"],
        ["expert_mission"],
        True,
        "Coverage of the universal pension is uneven in rural municipalities.",
        "Experience with the continuous benefit (BPC) and its registration procedures.",
    ),
    (
        "Updating a social registry of households",
        ("PE", "MIDIS"),
        ("CO", "DPS"),
        State.SCHEDULED,
        ["social-information-systems"],
        [],
        ["study_visit"],
        True,
        "The household registry is updated too rarely to follow changes in income.",
        "How the Sisbén survey is renewed and cross-checked with administrative data.",
    ),
    (
        "Graduation programmes out of extreme poverty",
        ("BR", "MDS"),
        ("CO", "DPS"),
        State.IN_PROGRESS,
        ["social-protection", "employment-skills"],
        ["women"],
        ["virtual", "study_visit"],
        True,
        "Families leave the transfer programme without a stable income.",
        "Design of graduation paths that combine transfers, coaching and seed capital.",
    ),
    (
        "A single registry for cash transfer programmes",
        ("CO", "DPS"),
        ("BR", "MDS"),
        State.COMPLETED,
        ["cash-transfers", "social-information-systems"],
        [],
        ["study_visit", "workshop"],
        True,
        "Each transfer programme keeps its own list of beneficiaries.",
        "Learn how the Cadastro Único serves as the one entry point for social programmes.",
    ),
    (
        "Conditional transfers and school attendance",
        ("MX", "BIENESTAR"),
        ("PE", "MIDIS"),
        State.REPORTS_SUBMITTED,
        ["cash-transfers"],
        ["children-adolescents"],
        ["expert_mission"],
        True,
        "School drop-out rises after primary school in transfer families.",
        "How the Juntos programme verifies school attendance with the education ministry.",
    ),
    (
        "Evaluating the impact of conditional cash transfers",
        ("BR", "MDS"),
        ("PE", "MIDIS"),
        State.CLOSED,
        ["cash-transfers"],
        [],
        ["virtual", "workshop"],
        True,
        "Evaluations of the transfer programme are rare and slow.",
        "Methods and data for regular impact evaluations.",
    ),
    (
        "Social protection for rural women",
        ("MX", "BIENESTAR"),
        ("CO", "DPS"),
        State.CLOSED,
        ["social-protection", "gender-equality"],
        ["women", "rural-workers"],
        ["study_visit"],
        True,
        "Rural women rarely hold the transfer or a bank account in their name.",
        "Programmes that pay women directly and offer financial education.",
    ),
    (
        "Emergency transfers after natural disasters",
        ("PE", "MIDIS"),
        ("MX", "BIENESTAR"),
        State.CLOSED,
        ["cash-transfers", "social-protection"],
        [],
        ["virtual"],
        False,
        "After floods, help reaches families weeks late.",
        "How transfers are scaled up quickly using the existing registry.",
    ),
    (
        "Paying transfers through mobile wallets in remote areas",
        ("CO", "DPS"),
        ("MX", "BIENESTAR"),  # offers on the open call; the request is then withdrawn
        State.WITHDRAWN,
        ["cash-transfers", "social-information-systems"],
        ["rural-workers"],
        ["virtual"],
        False,
        "Families in remote municipalities travel for hours to collect their transfer.",
        "How mobile wallets and agent networks pay transfers where there is no bank.",
    ),
)
ORDER = [s.value for s in State]


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
            claim = agency_claim_create(user=user, agency=agency, statement="Focal point.")
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
    index = EXCHANGES.index(spec)
    # Later states happened earlier: the closed exchanges months ago, drafts months ahead.
    start = today + datetime.timedelta(days=20 * (9 - index))
    req = ExchangeRequest.objects.create(
        requesting_agency=requesting,
        created_by=requester,
        title=title,
        problem=problem,
        need=need,
        objectives="Adapt what works to our own programme within a year.",
        expected_results="A design note agreed with our minister and a pilot plan.",
        period_start=start,
        period_end=start + datetime.timedelta(days=9),
        participants=4 + index % 5,
        budget_travel=3500 + 250 * index,
        budget_per_diem=1800 + 100 * index,
        languages=["es", "pt"]
        if "BR" in (requester_key[0], (provider_key or ("",))[0])
        else ["es"],
        publish_summary=publish,
        summary=f"{requesting.acronym} learned from a peer agency: {need}" if publish else "",
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

    if target == State.DRAFT or go("submit", requester, comment="Ready for review."):
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
            comments="The budget and the expected results are unclear.",
        )
        if target == State.REJECTED:
            go("reject", secretariat, comment="Equipment purchases are not peer cooperation.")
        else:
            go("request_changes", secretariat, comment="Please detail the budget.")
        return req
    Review.objects.create(
        request=req,
        reviewer=secretariat,
        relevance=5,
        clarity=4,
        commitment=4,
        feasibility=4,
        comments="A clear, well-scoped request.",
    )
    if go("approve", secretariat, open_to_offers=True, comment="Approved; open to offers."):
        if index == 5:  # an open call that already has an offer
            offer_create(
                req=req,
                by=people["focal.co@puente.test"],
                agency=agencies[("CO", "DPS")],
                message="Colombia consulted indigenous peoples when redesigning its "
                "transfer programme and can share the protocol.",
            )
        if target == State.WITHDRAWN:
            offer_create(
                req=req,
                by=people[FOCAL[provider_key]],
                agency=agencies[provider_key],
                message="Mexico pays transfers through a network of local agents.",
            )
            go(
                "withdraw",
                requester,
                comment="Our ministry is merging two programmes; we will file a new request "
                "once the new payment rules are set.",
            )
        return req
    provider = agencies[provider_key]
    offer = offer_create(
        req=req,
        by=people[FOCAL[provider_key]],
        agency=provider,
        message=f"{provider.acronym} has run this kind of programme for years.",
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
            activities="Two virtual sessions, then a five-day visit to central and field offices.",
            participants=f"{req.participants} officials of the planning and operations teams.",
            results="A design note for the new procedure and a shared glossary.",
            next_steps="Pilot in two regions and a follow-up call in six months.",
        )
    if go("reports_in", requester, comment="Both final reports are in."):
        return req
    go("close", secretariat, comment="Closed after both reports.")
    for key in (requester_key, provider_key):
        Evaluation.objects.create(
            request=req,
            kind=Evaluation.Kind.PARTY,
            by=people[FOCAL[key]],
            satisfaction=4 + index % 2,
            usefulness=4,
            narrative="Practical and well organised.",
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
