"""The writes of learning, one module per sub-domain; each raises ``cms.refusals.Refusal`` when
it says no. Webinars' writes are in ``courses/webinars/services.py``; reads in
``courses/selectors.py``."""

from .certificates import certificate_issue, certificate_revoke
from .enrolment import enrolment_create, enrolment_decide, enrolment_touch, enrolment_withdraw
from .instructors import course_instructors_sync
from .progress import enrolment_complete_if_done, lesson_mark_done
from .quizzes import attempt_start, attempt_submit, grade

__all__ = [
    "attempt_start",
    "attempt_submit",
    "certificate_issue",
    "certificate_revoke",
    "course_instructors_sync",
    "enrolment_complete_if_done",
    "enrolment_create",
    "enrolment_decide",
    "enrolment_touch",
    "enrolment_withdraw",
    "grade",
    "lesson_mark_done",
]
