"""Who may join a cohort: the one eligibility rule (countries, networks, agencies).

A cohort with no rule is open to everyone. Otherwise a person is eligible when their country is
listed, their agency is listed, or their agency belongs to a listed network. The course page
answers every cohort at once with the same function that a single enrolment uses.
"""

from django.core.cache import cache
from django.db.models import Value
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _

from cms.directory.models import Network
from cms.permissions import is_active_user
from cms.versions import Version

from .models import Cohort

NOT_ELIGIBLE = _(
    "This cohort is reserved for officials of specific countries, networks or agencies."
)

Rule = dict[str, set[int]]

# Replaced whenever a cohort's eligible countries, networks or agencies change.
RULES = Version("puente:courses:eligibility-rules")
RULES_TIMEOUT = 60 * 60


def rules_for(cohort_ids) -> dict[int, Rule]:
    """Each restricted cohort's eligible countries, networks and agencies, in one query."""
    through = {
        "country": Cohort.eligible_countries.through,
        "network": Cohort.eligible_networks.through,
        "agency": Cohort.eligible_agencies.through,
    }
    parts = [
        model.objects.filter(cohort_id__in=cohort_ids).values_list(
            "cohort_id", Value(kind), f"{kind}_id"
        )
        for kind, model in through.items()
    ]
    rules: dict[int, Rule] = {}
    for cohort_id, kind, value in parts[0].union(*parts[1:], all=True):
        rules.setdefault(cohort_id, {"country": set(), "network": set(), "agency": set()})
        rules[cohort_id][kind].add(value)
    return rules


def agency_network_ids(user, rules) -> set[int]:
    """The networks of the person's agency, read only when some rule names networks."""
    if not (is_active_user(user) and user.agency_id):
        return set()
    if not any(rule["network"] for rule in rules.values()):
        return set()
    return set(
        Network.members.through.objects.filter(agency_id=user.agency_id).values_list(
            "network_id", flat=True
        )
    )


def is_eligible(user, rule: Rule | None, agency_networks: set[int]) -> bool:
    """The rule itself: no rule admits everyone; else country, agency or agency's network."""
    if rule is None:
        return True
    if not is_active_user(user):
        return False
    return (
        user.country_id in rule["country"]
        or (user.agency_id is not None and user.agency_id in rule["agency"])
        or bool(agency_networks & rule["network"])
    )


def cached_rules_for(cohort_ids) -> dict[int, Rule]:
    """``rules_for`` from the shared cache, under the rules' version (for pages; a service
    deciding an enrolment reads the rows themselves)."""
    if not cohort_ids:
        return {}
    key = ":".join(["puente:courses:rules", RULES.current(), *map(str, sorted(cohort_ids))])
    rules = cache.get(key)
    if rules is None:
        rules = rules_for(cohort_ids)
        cache.set(key, rules, RULES_TIMEOUT)
    return rules


def eligibility_by_cohort(user, cohort_ids, *, cached: bool = False) -> dict[int, bool]:
    """``is_eligible`` for several cohorts, in one or two queries (none or one when
    ``cached``: the rules then come from ``cached_rules_for``)."""
    if cached:
        rules = cached_rules_for(cohort_ids)
    else:
        rules = rules_for(cohort_ids) if cohort_ids else {}
    networks = agency_network_ids(user, rules)
    return {pk: is_eligible(user, rules.get(pk), networks) for pk in cohort_ids}


def cohort_eligibility_error(*, user, cohort) -> str | None:
    """Why ``user`` is not eligible for ``cohort``, or None."""
    return None if eligibility_by_cohort(user, [cohort.pk])[cohort.pk] else str(NOT_ELIGIBLE)


def _rules_changed(sender, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        RULES.replace()


def _cohort_created_or_deleted(sender, created=True, **kwargs) -> None:
    # A new cohort may reuse a rolled-back one's id (SQLite): its rules are not those cached.
    if created:
        RULES.replace()


def connect_signals() -> None:
    post_save.connect(_cohort_created_or_deleted, sender=Cohort,
                      dispatch_uid="puente-eligibility-cohort-save")
    post_delete.connect(_cohort_created_or_deleted, sender=Cohort,
                        dispatch_uid="puente-eligibility-cohort-delete")
    for field in (Cohort.eligible_countries, Cohort.eligible_networks, Cohort.eligible_agencies):
        m2m_changed.connect(
            _rules_changed, sender=field.through,
            dispatch_uid=f"puente-eligibility-{field.field.name}",
        )
