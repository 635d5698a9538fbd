"""The cooperation projects' section of a person's data (registered in ProjectsConfig.ready
with ``cms.accounts.personal_data``): the concept notes and progress reports they wrote, their
reviews and state changes. Erasing keeps every note, report and project with its agency; they
no longer point to the person."""

from cms.accounts.personal_data import forget_author, rows_of

from .models import ProgressReport, Proposal, ProposalReview, Transition

#: (model, the field naming the person) of every record that stays with its agency.
AUTHORED = [
    (Proposal, "created_by"),
    (ProposalReview, "reviewer"),
    (ProgressReport, "created_by"),
    (Transition, "by"),
]


def projects_export(user) -> dict:
    return {
        "concept_notes": rows_of(
            user, Proposal, "created_by", "title", "agency__name", "state", "problem",
            "objectives", "partners", "created_at",
        ),
        "concept_note_reviews": rows_of(user, ProposalReview, "reviewer", "proposal_id"),
        "progress_reports": rows_of(
            user, ProgressReport, "created_by", "project_id", "agency__name", "period_start",
            "period_end", "narrative", "state", "created_at",
        ),
        "transitions": rows_of(
            user, Transition, "by", "proposal_id", "project_id", "report_id", "action",
            "comment", "at",
        ),
    }


def projects_erase(user) -> None:
    forget_author(user, AUTHORED)
