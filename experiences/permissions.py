"""Who may draft and who publishes experiences.

- Editors and the Secretariat may draft experiences anywhere in a library.
- Agency focal points get into the Wagtail admin (``access_admin``) with one page permission:
  "add" on each experience library (``services.library_protect``). Wagtail then shows them only
  those libraries, lets them edit the drafts they own, and ``ExperiencePageForm`` keeps the
  agency to their own.
- Every library runs the "Experience review" workflow, whose one task is approved by the
  Secretariat group; only the Secretariat may publish an experience directly (``admin``).
"""

from cms import permissions


def may_publish_experience(user) -> bool:
    """Publishing an experience (outside the workflow's approval) is for the Secretariat."""
    return permissions.is_secretariat(user)
