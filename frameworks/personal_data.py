"""The legal frameworks' section of a person's data (registered in FrameworksConfig.ready with
``cms.accounts.personal_data``): the national report files they uploaded, the report and status
changes they made, the articles they tagged. Erasing keeps every report, file and status row
with its country; they no longer point to the person."""

from cms.accounts.personal_data import forget_author, rows_of

from .models import ArticleTag, CountryStatusChange, NationalReportFile, NationalReportTransition

#: (model, the field naming the person) of every record that stays with its country.
AUTHORED = [
    (NationalReportFile, "uploaded_by"),
    (NationalReportTransition, "by"),
    (CountryStatusChange, "changed_by"),
    (ArticleTag, "tagged_by"),
]


def frameworks_export(user) -> dict:
    return {
        "national_report_files": rows_of(
            user, NationalReportFile, "uploaded_by", "report__country__name_en", "language",
            "original_name", "size", "uploaded_at",
        ),
        "national_report_transitions": rows_of(
            user, NationalReportTransition, "by", "report__country__name_en", "action",
            "comment", "at",
        ),
        "country_status_changes": rows_of(
            user, CountryStatusChange, "changed_by", "status__country__name_en", "via",
            "changes", "changed_at",
        ),
        "article_tags": rows_of(user, ArticleTag, "tagged_by", "article_id", "created_at"),
    }


def frameworks_erase(user) -> None:
    forget_author(user, AUTHORED)
