"""Who may draft and who publishes experiences.

- Editors and the Secretariat may draft experiences anywhere in a library.
- Agency focal points get into the Wagtail admin (``access_admin``) with one page permission:
  "add" on each experience library. Wagtail then shows them only those libraries, lets them
  edit the drafts they own, and ``ExperiencePageForm`` keeps the agency to their own.
- Every library runs the "Experience review" workflow, whose one task is approved by the
  Secretariat group; only the Secretariat may publish an experience directly (wagtail_hooks).
"""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from cms import permissions
from cms.accounts import roles

WORKFLOW_NAME = "Experience review"
TASK_NAME = "Secretariat review"


def protect_library(library) -> None:
    """Put a library under the review workflow and open it to focal points' drafts."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=library, defaults={"workflow": workflow})
    group = Group.objects.filter(name=roles.FOCAL_POINT).first()
    if group is not None:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=library,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename="add_page"
            ),
        )


def may_publish_experience(user) -> bool:
    """Publishing an experience (outside the workflow's approval) is for the Secretariat."""
    return permissions.is_secretariat(user)
