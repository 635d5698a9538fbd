"""The experiences' section of a person's data (registered in ExperiencesConfig.ready with
``cms.accounts.personal_data``): the experiences they own (wrote or drafted). Erasing keeps
every experience, published or not, with its country and agency; it no longer names an
owner."""

from cms.accounts.personal_data import forget_author, rows_of

from .models import ExperiencePage

AUTHORED = [(ExperiencePage, "owner")]


def experiences_export(user) -> dict:
    return {
        "experiences_owned": rows_of(
            user, ExperiencePage, "owner", "title", "summary", "country__name_en",
            "agency__name", "live", "first_published_at", "latest_revision_created_at",
        ),
    }


def experiences_erase(user) -> None:
    forget_author(user, AUTHORED)
