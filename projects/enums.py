"""The choices of the projects domain. Where an IATI 2.03 codelist exists, its code is the
stored value (organisation types and roles, result types, indicator measures), so the export
writes what is stored."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Modality(models.TextChoices):
    PARTNERSHIP = "partnership", _("Partnership programme")
    BILATERAL_OAS = "bilateral_oas", _("Bilateral: OAS and a country")
    BILATERAL_FACILITATED = "bilateral_facilitated", _(
        "Bilateral: country to country, facilitated by the OAS"
    )
    REGIONAL = "regional", _("Regional")


class Status(models.TextChoices):
    CONCEPT = "concept", pgettext_lazy("project status", "Concept")
    IN_DESIGN = "in_design", pgettext_lazy("project status", "In design")
    APPROVED = "approved", pgettext_lazy("project status", "Approved")
    IN_IMPLEMENTATION = "in_implementation", pgettext_lazy("project status", "In implementation")
    COMPLETED = "completed", pgettext_lazy("project status", "Completed")
    EVALUATED = "evaluated", pgettext_lazy("project status", "Evaluated")
    CANCELLED = "cancelled", pgettext_lazy("project status", "Cancelled")
    SUSPENDED = "suspended", pgettext_lazy("project status", "Suspended")


#: IATI ActivityStatus codelist: 1 pipeline, 2 implementation, 3 finalisation, 4 closed,
#: 5 cancelled, 6 suspended.
IATI_ACTIVITY_STATUS = {
    Status.CONCEPT: "1",
    Status.IN_DESIGN: "1",
    Status.APPROVED: "1",
    Status.IN_IMPLEMENTATION: "2",
    Status.COMPLETED: "3",
    Status.EVALUATED: "4",
    Status.CANCELLED: "5",
    Status.SUSPENDED: "6",
}


class OrganisationType(models.TextChoices):
    """IATI OrganisationType codelist (the codes this department works with)."""

    GOVERNMENT = "10", _("Government")
    OTHER_PUBLIC = "15", _("Other public sector")
    INTERNATIONAL_NGO = "21", _("International NGO")
    NATIONAL_NGO = "22", _("National NGO")
    REGIONAL_NGO = "23", _("Regional NGO")
    MULTILATERAL = "40", _("Multilateral")
    FOUNDATION = "60", _("Foundation")
    PRIVATE = "70", _("Private sector")
    ACADEMIC = "80", _("Academic, training and research")
    OTHER = "90", _("Other")


class OrganisationRole(models.TextChoices):
    """IATI OrganisationRole codelist (extending, 3, is not used here)."""

    FUNDING = "1", _("Funding")
    ACCOUNTABLE = "2", _("Accountable")
    IMPLEMENTING = "4", _("Implementing")


class ResultKind(models.TextChoices):
    """IATI ResultType codelist."""

    OUTPUT = "1", _("Output")
    OUTCOME = "2", _("Outcome")


class Measure(models.TextChoices):
    """IATI IndicatorMeasure codelist."""

    UNIT = "1", _("Unit")
    PERCENTAGE = "2", _("Percentage")
    QUALITATIVE = "5", _("Qualitative")


class Sex(models.TextChoices):
    TOTAL = "", _("Total")
    FEMALE = "female", _("Women")
    MALE = "male", _("Men")


class ProposalState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("concept note state", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("concept note state", "Submitted")
    UNDER_REVIEW = "under_review", pgettext_lazy("concept note state", "Under review")
    CHANGES_REQUESTED = "changes_requested", pgettext_lazy(
        "concept note state", "Changes requested"
    )
    APPROVED = "approved", pgettext_lazy("concept note state", "Approved into design")
    DECLINED = "declined", pgettext_lazy("concept note state", "Declined")


class ReportState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("progress report state", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("progress report state", "Submitted")
    RETURNED = "returned", pgettext_lazy("progress report state", "Returned for changes")
    ACCEPTED = "accepted", pgettext_lazy("progress report state", "Accepted")


#: Slugs a ProjectPage may not take: the Django addresses under /<lang>/projects/.
RESERVED_SLUGS = frozenset({"proposals", "reports", "workspace"})
