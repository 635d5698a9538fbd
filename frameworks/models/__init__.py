"""Legal frameworks: instruments and their articles, each State's status with its history,
national reports to the follow-up mechanisms, and tags from any content to an article."""

from .instruments import Article, Framework, translated
from .pages import FrameworkDocument, FrameworkIndexPage, FrameworkPage
from .reports import (
    NationalReport,
    NationalReportFile,
    NationalReportTransition,
    ReportingCycle,
    ReportReminder,
)
from .status import Consent, CountryStatus, CountryStatusChange, Standing
from .tags import ArticleTag

__all__ = [
    "Article",
    "ArticleTag",
    "Consent",
    "CountryStatus",
    "CountryStatusChange",
    "Framework",
    "FrameworkDocument",
    "FrameworkIndexPage",
    "FrameworkPage",
    "NationalReport",
    "NationalReportFile",
    "NationalReportTransition",
    "ReportReminder",
    "ReportingCycle",
    "Standing",
    "translated",
]
