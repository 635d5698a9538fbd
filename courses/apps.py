from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses and webinars")

    def ready(self):
        from cms.accounts import personal_data
        from cms.navigation import register_header_link
        from cms.pages.highlights import register_highlight
        from rooms import parents

        from . import signal_handlers
        from .models import Cohort, WebinarPage
        from .permissions import CohortRoomPolicy
        from .personal_data import courses_erase, courses_export
        from .selectors import open_cohorts_for_home
        from .webinars.permissions import WebinarRoomPolicy
        from .webinars.selectors import upcoming_for_home

        signal_handlers.register()
        personal_data.register("courses", exporter=courses_export, eraser=courses_erase)
        parents.register(Cohort, CohortRoomPolicy())
        parents.register(WebinarPage, WebinarRoomPolicy())
        register_header_link("my_learning", _("My learning"), "courses:my_learning", order=10)
        from . import profiles

        profiles.register()
        register_highlight(
            "webinars", _("Upcoming webinars"), upcoming_for_home, order=10
        )
        register_highlight("cohorts", _("Open for enrolment"), open_cohorts_for_home, order=20)
