"""Enrolment, completion and score figures per cohort, country or agency, for the secretariat."""

from django.db.models import Avg, Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Enrolment

GROUPINGS = {
    "cohort": (gettext_lazy("Cohort"), ("cohort__course__title", "cohort__title")),
    "country": (gettext_lazy("Country"), ("user__country__name_en",)),
    "agency": (gettext_lazy("Agency"), ("user__agency__name", "user__agency__country__code")),
}


def rows(grouping: str) -> list[dict]:
    """One aggregate query: enrolled, completed, completion rate and average score per group."""
    _label, keys = GROUPINGS[grouping]
    data = (
        Enrolment.objects.filter(status=Enrolment.Status.ACTIVE)
        .values(*keys)
        .annotate(
            enrolled=Count("pk"),
            completed=Count("pk", filter=Q(completed_at__isnull=False)),
            average_score=Avg("score"),
        )
        .order_by(*keys)
    )
    result = []
    for row in data:
        parts = [str(row[key]) for key in keys if row[key]]
        result.append(
            {
                "label": " — ".join(parts) or _("Not stated"),
                "enrolled": row["enrolled"],
                "completed": row["completed"],
                "completion_rate": round(100 * row["completed"] / row["enrolled"]),
                "average_score": (
                    round(row["average_score"]) if row["average_score"] is not None else None
                ),
            }
        )
    return result


def as_csv_rows(grouping: str, data: list[dict]) -> list[list]:
    """The report as CSV rows, the header first (written by cms.downloads.csv_response)."""
    header = [str(GROUPINGS[grouping][0]), _("Enrolled"), _("Completed"),
              _("Completion rate (%)"), _("Average score (%)")]
    return [header] + [
        [row["label"], row["enrolled"], row["completed"], row["completion_rate"],
         "" if row["average_score"] is None else row["average_score"]]
        for row in data
    ]
