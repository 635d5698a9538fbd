"""Provider suggestions for a request: agencies whose published experiences match it.

The search engine's "more like this" (``experiences.selectors.similar_experiences``) scores
experiences against the request's text, themes and population groups; an agency's score is its
best experience plus a share of its others, with a bonus when it shares a network with the
requesting agency. Each suggestion carries the experiences that justify it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cms.directory.models import Agency

from .models import ExchangeRequest

#: Share of the best experience's score added for each further matching experience.
FURTHER_EXPERIENCE_WEIGHT = 0.3
#: Share of the top score added when the agency is in a network with the requester.
NETWORK_BONUS = 0.15


@dataclass
class Suggestion:
    agency: Agency
    score: float
    experiences: list = field(default_factory=list)
    shared_networks: list = field(default_factory=list)


def request_text(req: ExchangeRequest) -> str:
    return " ".join([req.title, req.problem, req.need, req.objectives, req.expected_results])


def suggest_providers(req: ExchangeRequest, *, limit: int = 5) -> list[Suggestion]:
    """Provider agencies for ``req``, best first (the requester and its country left out)."""
    from experiences.selectors import similar_experiences

    matches = similar_experiences(
        request_text(req),
        theme_slugs=[t.slug for t in req.themes.all()],  # prefetched by the request page
        population_slugs=[g.slug for g in req.population_groups.all()],  # idem
        limit=40,
    )
    by_agency: dict[int, list] = {}
    for match in matches:
        if match.agency_id and match.agency_id != req.requesting_agency_id:
            by_agency.setdefault(match.agency_id, []).append(match)
    if not by_agency:
        return []
    # The candidates and the requester in one query, their networks in a second.
    found_agencies = (
        Agency.objects.filter(pk__in=[*by_agency, req.requesting_agency_id])
        .select_related("country")
        .prefetch_related("networks")
        .in_bulk()
    )
    requester = found_agencies.pop(req.requesting_agency_id, None)
    own_networks = {n.pk for n in requester.networks.all()} if requester else set()
    agencies = {
        pk: agency
        for pk, agency in found_agencies.items()
        if agency.country_id != req.requesting_agency.country_id
    }
    top = max(m.score for m in matches) or 1.0
    suggestions = []
    for agency_id, found in by_agency.items():
        agency = agencies.get(agency_id)
        if agency is None:
            continue
        found.sort(key=lambda m: m.score, reverse=True)
        score = found[0].score + FURTHER_EXPERIENCE_WEIGHT * sum(m.score for m in found[1:])
        shared = [n for n in agency.networks.all() if n.pk in own_networks]
        if shared:
            score += NETWORK_BONUS * top
        suggestions.append(Suggestion(agency, score, found[:3], shared))
    suggestions.sort(key=lambda s: (-s.score, s.agency.name))
    return suggestions[:limit]
