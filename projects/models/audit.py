from django.db import models
from django.utils.translation import gettext_lazy as _


class Transition(models.Model):
    """The audit row of one change of state: of a concept note, a project or a report."""

    proposal = models.ForeignKey(
        "projects.Proposal", models.CASCADE, null=True, related_name="transitions"
    )
    project = models.ForeignKey(
        "projects.Project", models.CASCADE, null=True, related_name="transitions"
    )
    report = models.ForeignKey(
        "projects.ProgressReport", models.CASCADE, null=True, related_name="transitions"
    )
    action = models.CharField(max_length=30)
    from_state = models.CharField(max_length=20)
    to_state = models.CharField(max_length=20)
    by = models.ForeignKey("accounts.User", models.SET_NULL, null=True, related_name="+")
    comment = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("state change")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(proposal__isnull=False, project__isnull=True, report__isnull=True)
                    | models.Q(proposal__isnull=True, project__isnull=False, report__isnull=True)
                    | models.Q(proposal__isnull=True, project__isnull=True, report__isnull=False)
                ),
                name="projects_transition_one_subject",
            )
        ]

    def __str__(self) -> str:
        return f"{self.action}: {self.from_state} → {self.to_state}"
