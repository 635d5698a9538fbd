"""Admin viewsets of political dialogue (registered in ``wagtail_hooks.py``).

Access follows the roles (``forums/permissions.py``), not per-model permissions: editors manage
documents and tags; the secretariat manages commitments and cycles and reads reports and
delegations (their states change only through the workflow, on the site's pages).
"""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from cms.accounts import roles

from . import permissions, selectors
from .models import (
    Commitment,
    CommitmentTag,
    CountryReport,
    Delegation,
    ForumDocument,
    ReportingCycle,
)


class RolePolicy(BasePermissionPolicy):
    """Every action for the people ``rule`` admits; nothing for anybody else. ``read_only``
    leaves only "view" (the workflow changes these rows)."""

    def __init__(self, model, rule, group_names, *, read_only=False):
        super().__init__(model)
        self.rule, self.group_names, self.read_only = rule, group_names, read_only

    def _allows(self, action) -> bool:
        return not self.read_only or action == "view"

    def user_has_permission(self, user, action):
        return self._allows(action) and self.rule(user)

    def user_has_any_permission(self, user, actions):
        return any(self._allows(a) for a in actions) and self.rule(user)

    def users_with_any_permission(self, actions):
        if not any(self._allows(a) for a in actions):
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True).filter(
            Q(is_superuser=True) | Q(groups__name__in=self.group_names)
        ).distinct()

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model._default_manager.all()
        return self.model._default_manager.none()


EDITORS = (roles.EDITOR, roles.SECRETARIAT)
SECRETARIAT = (roles.SECRETARIAT,)


class DefaultLanguagePagesForm(WagtailAdminModelForm):
    """Rows point to forums and meetings in the default language (translations share them)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .models.pages import default_locale_id

        for name in ("forum", "meeting"):
            if name in self.fields:
                queryset = self.fields[name].queryset
                self.fields[name].queryset = queryset.filter(locale_id=default_locale_id())


class ForumDocumentViewSet(ModelViewSet):
    model = ForumDocument
    icon = "doc-full"
    menu_label = _("Forum documents")
    list_display = ["symbol", "title_en", "kind", "date", "access"]
    list_filter = ["kind", "access"]
    search_fields = ["symbol", "title_en"]
    edit_handler = ObjectList(ForumDocument.panels, base_form_class=DefaultLanguagePagesForm)



class CommitmentForm(DefaultLanguagePagesForm):
    def clean(self):
        cleaned = super().clean()
        meeting, forum = cleaned.get("meeting"), cleaned.get("forum")
        if meeting and forum and meeting.get_parent().pk != forum.pk:
            self.add_error("meeting", _("This meeting belongs to another forum."))
        return cleaned


class CommitmentViewSet(ModelViewSet):
    model = Commitment
    icon = "list-ol"
    menu_label = _("Commitments")
    list_display = ["number", "forum", "meeting", "responsible", "deadline"]
    list_filter = ["forum", "responsible"]
    search_fields = ["number", "text_en"]
    edit_handler = ObjectList([
        FieldRowPanel([FieldPanel("forum"), FieldPanel("meeting")]),
        FieldRowPanel([FieldPanel("number"), FieldPanel("sort_key"), FieldPanel("deadline")]),
        MultiFieldPanel([FieldPanel("text_en"), FieldPanel("text_es"), FieldPanel("text_fr"),
                         FieldPanel("text_pt")], heading=_("Text")),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("population_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("responsible"),
        FieldPanel("responsible_countries", widget=forms.CheckboxSelectMultiple),
    ], base_form_class=CommitmentForm)



class ReportingCycleViewSet(ModelViewSet):
    model = ReportingCycle
    icon = "date"
    menu_label = _("Reporting cycles")
    list_display = ["title", "forum", "opens_on", "closes_on"]
    edit_handler = ObjectList(
        [FieldPanel("forum"), FieldPanel("title"),
         FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")])],
        base_form_class=DefaultLanguagePagesForm,
    )



class CountryReportViewSet(ModelViewSet):
    model = CountryReport
    icon = "form"
    menu_label = _("Country reports")
    list_display = ["cycle", "country", "state", "submitted_at", "accepted_at"]
    list_filter = ["state", "cycle"]
    form_fields = ["illustrative"]
    inspect_view_enabled = True



class DelegationViewSet(ModelViewSet):
    model = Delegation
    icon = "group"
    menu_label = _("Delegations")
    list_display = ["meeting", "country", "state", "updated_at"]
    list_filter = ["state"]
    form_fields = ["illustrative"]
    inspect_view_enabled = True



class CommitmentTagForm(WagtailAdminModelForm):
    """Tag content by its kind and id (an experience, course or webinar page, or a completed
    exchange)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["content_type"].queryset = ContentType.objects.filter(
            model__in=selectors.TAGGABLE_MODELS
        )

    def clean(self):
        cleaned = super().clean()
        content_type, object_id = cleaned.get("content_type"), cleaned.get("object_id")
        if content_type and object_id:
            model = content_type.model_class()
            obj = model._default_manager.filter(pk=object_id).first() if model else None
            if obj is None or not selectors.is_taggable(obj):
                self.add_error("object_id", _("No such content, or it cannot be tagged."))
        return cleaned


class CommitmentTagViewSet(ModelViewSet):
    model = CommitmentTag
    icon = "tag"
    menu_label = _("Commitment tags")
    list_display = ["commitment", "content_type", "object_id", "created_at"]
    form_fields = ["commitment", "content_type", "object_id"]

    def get_form_class(self, for_update=False):
        base = super().get_form_class(for_update)
        return type("CommitmentTagAdminForm", (CommitmentTagForm, base), {})



def permission_policies():
    """(model, policy) of every row type managed here (registered in wagtail_hooks)."""
    return [
        (ForumDocument, RolePolicy(ForumDocument, permissions.may_tag, EDITORS)),
        (CommitmentTag, RolePolicy(CommitmentTag, permissions.may_tag, EDITORS)),
        (Commitment, RolePolicy(Commitment, permissions.is_secretariat, SECRETARIAT)),
        (ReportingCycle, RolePolicy(ReportingCycle, permissions.is_secretariat, SECRETARIAT)),
        (CountryReport, RolePolicy(CountryReport, permissions.is_secretariat, SECRETARIAT,
                                   read_only=True)),
        (Delegation, RolePolicy(Delegation, permissions.is_secretariat, SECRETARIAT,
                                read_only=True)),
    ]


class PoliticalDialogueGroup(ViewSetGroup):
    menu_label = _("Political dialogue")
    menu_icon = "globe"
    menu_order = 250
    items = (
        ForumDocumentViewSet("forum_documents"),
        CommitmentViewSet("forum_commitments"),
        ReportingCycleViewSet("forum_cycles"),
        CountryReportViewSet("forum_reports"),
        DelegationViewSet("forum_delegations"),
        CommitmentTagViewSet("forum_tags"),
    )
