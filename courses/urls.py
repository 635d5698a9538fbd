"""Language-prefixed pages of this app (included under /<lang>/ by cms/urls.py).

Actions sit under /learning/ so they never shadow a page slug of the catalogue or webinars.
"""

from django.urls import path

from . import views
from .webinars import views as webinar_views

app_name = "courses"

urlpatterns = [
    path("my/learning/", views.my_learning, name="my_learning"),
    path("my/learning/certificates/", views.my_certificates, name="my_certificates"),
    path("my/learning/calendar/", views.my_calendar, name="my_calendar"),
    path("learning/calendar/reset/", views.calendar_feed_reset, name="calendar_feed_reset"),
    path("learning/calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("learning/cohorts/<int:pk>/enrol/", views.cohort_enrol, name="cohort_enrol"),
    path(
        "learning/enrolments/<int:pk>/withdraw/", views.enrolment_withdraw,
        name="enrolment_withdraw",
    ),
    path("learning/lessons/<int:pk>/done/", views.lesson_done, name="lesson_done"),
    path("learning/quizzes/<int:pk>/start/", views.quiz_start, name="quiz_start"),
    path("learning/attempts/<int:pk>/submit/", views.attempt_submit, name="attempt_submit"),
    path(
        "learning/webinars/<int:pk>/register/", webinar_views.webinar_register,
        name="webinar_register",
    ),
    path(
        "learning/webinars/<int:pk>/cancel/", webinar_views.webinar_cancel, name="webinar_cancel"
    ),
    path(
        "learning/webinars/<int:pk>/join/", webinar_views.webinar_join, name="webinar_join"
    ),
    path(
        "learning/webinars/<int:pk>/calendar.ics", webinar_views.webinar_ics, name="webinar_ics"
    ),
    path("learning/certificates/<str:code>.pdf", views.certificate_pdf, name="certificate_pdf"),
]
