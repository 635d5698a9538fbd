from wagtail.snippets.models import register_snippet

from .admin import ProjectsGroup

register_snippet(ProjectsGroup)
