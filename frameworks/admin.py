"""The admin of legal frameworks (registered in wagtail_hooks.py): instruments and articles
(editors and secretariat), status rows with their history and the CSV import (secretariat only),
reporting cycles and reports (secretariat), article tags (editors and secretariat).

Status rows are saved through ``services.country_status_save`` — the form only collects them."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page
from wagtail.permission_policies.base import BasePermissionPolicy

from cms.accounts import roles
from cms.refusals import Refusal

from . import csv_format, permissions, selectors, services
from .models import (
    Article,
    ArticleTag,
    CountryStatus,
    CountryStatusChange,
    Framework,
    ReportingCycle,
)
from .validation import StatusInvalid


class RolePolicy(BasePermissionPolicy):
    """Deny by default: ``rule(user)`` decides, for the ``actions`` listed only."""

    def __init__(self, model, rule, actions=("add", "change", "view"), group_names=()):
        super().__init__(model)
        self.rule, self.actions, self.group_names = rule, set(actions), group_names

    def user_has_permission(self, user, action):
        return action in self.actions and self.rule(user)

    def user_has_any_permission(self, user, actions):
        return bool(self.actions & set(actions)) and self.rule(user)

    def users_with_any_permission(self, actions):
        if not self.actions & set(actions):
            return get_user_model().objects.none()
        return get_user_model().objects.filter(
            Q(is_superuser=True) | Q(groups__name__in=self.group_names), is_active=True
        ).distinct()

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model._default_manager.all()
        return self.model._default_manager.none()


SECRETARIAT = (roles.SECRETARIAT,)
EDITORS = (roles.EDITOR, roles.SECRETARIAT)


# -- status rows ------------------------------------------------------------------------------


class CountryStatusForm(WagtailAdminModelForm):
    """Collects a row; the service checks the dates (one set of rules) and writes the history."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seen_version"].initial = self.instance.version if self.instance.pk else None
        if self.instance.pk:
            for name in ("framework", "country"):
                self.fields[name].disabled = True

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        values = {name: cleaned.get(name) for name in services.STATUS_FIELDS}
        values = {k: ("" if v is None and k in ("consent", "source_url") else v)
                  for k, v in values.items()}
        for name in ("reservations_en", "reservations_es", "reservations_fr",
                     "reservations_pt"):
            values[name] = values[name] or ""
        self.status_values = values
        framework, country = cleaned.get("framework"), cleaned.get("country")
        if not self.instance.pk and CountryStatus.objects.filter(
            framework=framework, country=country
        ).exists():
            raise forms.ValidationError(
                _("This country already has a row for this framework: edit that row.")
            )
        try:
            services.country_status_save(
                framework=framework, country=country, values=values, by=self.for_user,
                via=CountryStatusChange.Via.ADMIN,
                expected_version=cleaned.get("seen_version"), dry_run=True,
            )
        except StatusInvalid as invalid:
            for field, errors in invalid.errors.items():
                target = field if field in self.fields else None
                for error in errors:
                    self.add_error(target, error)
        except Refusal as refusal:
            raise forms.ValidationError(str(refusal)) from refusal
        return cleaned

    def save(self, commit=True):
        status = services.country_status_save(
            framework=self.cleaned_data["framework"], country=self.cleaned_data["country"],
            values=self.status_values, by=self.for_user, via=CountryStatusChange.Via.ADMIN,
            expected_version=self.cleaned_data.get("seen_version"),
        )
        self.instance = status
        return status

    def save_m2m(self):
        """No many-to-many fields; the service saved everything."""


STATUS_EDIT_HANDLER = ObjectList(
    [
        FieldRowPanel([FieldPanel("framework"), FieldPanel("country")]),
        FieldRowPanel([FieldPanel("signed"), FieldPanel("signature_date")]),
        FieldRowPanel([FieldPanel("consent"), FieldPanel("consent_date")]),
        FieldRowPanel([FieldPanel("deposited"), FieldPanel("deposit_date")]),
        FieldPanel("entry_into_force_date"),
        MultiFieldPanel(
            [FieldPanel(f"reservations_{code}") for code in ("en", "es", "fr", "pt")],
            heading=_("Reservations and declarations"),
        ),
        FieldPanel("source_url"),
        FieldPanel("seen_version"),
    ],
    base_form_class=CountryStatusForm,
)


# -- CSV import and export --------------------------------------------------------------------


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Status CSV"),
        help_text=_("UTF-8, the columns of the export (framework, country, signed, "
                    "signature_date, consent, consent_date, deposited, deposit_date, …); "
                    "dates as YYYY-MM-DD. All rows are applied, or none."),
    )


def status_import_view(request):
    if not permissions.may_edit_status(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            result = services.country_statuses_import(
                data=form.cleaned_data["file"].read(), by=request.user
            )
        except services.ImportInvalid as invalid:
            messages.error(request, str(invalid))
            errors = invalid.errors
        else:
            messages.success(request, _(
                "Imported: %(created)s new rows, %(updated)s changed, %(unchanged)s unchanged."
            ) % vars(result))
            return redirect("frameworks_status_import")
    return TemplateResponse(request, "frameworks/admin/status_import.html", {
        "form": form, "errors": errors, "frameworks": Framework.objects.filter(binding=True),
        "header_title": _("Import statuses (CSV)"),
    })


def status_export_view(request):
    if not permissions.may_edit_status(request.user):
        raise PermissionDenied
    statuses = list(selectors.status_export_rows())
    rows = []
    for framework in Framework.objects.filter(binding=True):
        own = [s for s in statuses if s.framework_id == framework.pk]
        in_force = {r.country.pk: r.entry_into_force
                    for r in selectors.status_table(framework, own).rows}
        rows += [csv_format.export_row(s, in_force.get(s.country_id)) for s in own]
    response = HttpResponse(csv_format.write(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="framework-statuses.csv"'
    return response


# -- article tags -----------------------------------------------------------------------------


class ArticleTagForm(WagtailAdminModelForm):
    """Tag a page (chosen in the page chooser) or another record (kind + identifier)."""

    page = forms.ModelChoiceField(
        label=_("Page"), queryset=Page.objects.all(), required=False,
        widget=AdminPageChooser(), help_text=_("An experience, course or webinar page."),
    )

    class Meta:
        model = ArticleTag
        fields = ["article", "content_type", "object_id"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["article"].queryset = Article.objects.select_related("framework")
        self.fields["content_type"].required = False
        self.fields["object_id"].required = False
        self.fields["content_type"].queryset = ContentType.objects.filter(
            Q(app_label="exchanges", model="exchangerequest")
            | Q(app_label="forums", model="commitment")
        )
        self.fields["content_type"].help_text = _("For records that are not pages.")

    def clean(self):
        cleaned = super().clean()
        page, kind, pk = cleaned.get("page"), cleaned.get("content_type"), cleaned.get("object_id")
        if page is not None:
            self.target = page.specific
        elif kind is not None and pk:
            model = kind.model_class()
            self.target = model._default_manager.filter(pk=pk).first() if model else None
            if self.target is None:
                raise forms.ValidationError(_("No such record: check its identifier."))
        else:
            raise forms.ValidationError(_("Choose a page, or a kind of record and its "
                                          "identifier."))
        return cleaned

    def save(self, commit=True):
        self.instance = services.article_tag_create(
            article=self.cleaned_data["article"], target=self.target, by=self.for_user
        )
        return self.instance

    def save_m2m(self):
        """Nothing more to save."""


TAG_EDIT_HANDLER = ObjectList(
    [FieldPanel("article"), FieldPanel("page"), FieldRowPanel(
        [FieldPanel("content_type"), FieldPanel("object_id")])],
    base_form_class=ArticleTagForm,
)


def report_link(report):
    """The report's own page, where the secretariat records the observations."""
    return format_html('<a href="{}">{}</a>', report.get_absolute_url(), _("Open the report"))


# -- reporting cycles -------------------------------------------------------------------------


class ReportingCycleForm(WagtailAdminModelForm):
    def save(self, commit=True):
        cycle = super().save(commit=commit)
        if commit:
            services.cycle_reports_create(cycle=cycle, by=self.for_user)
        return cycle


CYCLE_EDIT_HANDLER = ObjectList(
    [FieldPanel("framework"), *ReportingCycle.name_panels, FieldPanel("due_date")],
    base_form_class=ReportingCycleForm,
)
