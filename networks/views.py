"""Network pages (Django views over the directory's networks, in every site language) and their
working pages for members and the secretariat."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.directory.models import Agency
from cms.pagination import paginate
from cms.permissions import is_secretariat
from cms.refusals import Refusal, refused_to_page

from . import charts, permissions, selectors, services
from .forms import AnnouncementForm, ConsentForm, DecisionForm, JoinForm
from .models import ContactConsent, Membership
from .workflow import WORKFLOW


def index(request):
    return render(request, "networks/index.html", {"networks": selectors.networks_list()})


def detail(request, slug):
    network = selectors.network_by_slug(slug)
    rows = selectors.memberships(network)
    member_ids = permissions.member_agency_ids(network)
    summary = selectors.activity_summary(network, member_ids)
    user = request.user
    joinable = permissions.agencies_that_may_join(user, network)
    pending_ids = {m.agency_id for m in selectors.pending_requests(rows)}
    return render(
        request,
        "networks/detail.html",
        {
            "network": network,
            "profile": getattr(network, "profile", None),
            "members_by_country": selectors.members_by_country(rows),
            "member_count": len(member_ids),
            "history": selectors.history(rows),
            "activity": summary,
            "chart": charts.grouped_bars(summary["series"], summary["rows"]),
            "may_work": permissions.may_see_working_pages(user, network),
            "may_join": bool([a for a in joinable if a not in pending_ids]),
            "asked": bool(set(joinable) & pending_ids),
            "pending_count": len(pending_ids) if is_secretariat(user) else None,
        },
    )


def _working(request, slug):
    """The network and its memberships, for its members and the secretariat only."""
    network = selectors.network_by_slug(slug)
    rows = selectors.memberships(network)
    if not permissions.may_see_working_pages(request.user, network):
        raise PermissionDenied
    return network, rows


@login_required
def members(request, slug):
    """The member directory with focal points, pending requests and the history."""
    network, rows = _working(request, slug)
    member_ids = permissions.member_agency_ids(network)
    named = selectors.focal_points(member_ids)
    directory = [
        (country, [(m, named.get(m.agency_id, [])) for m in group])
        for country, group in selectors.members_by_country(rows)
    ]
    user = request.user
    pending = selectors.pending_requests(rows) if permissions.may_decide(user, network) else []
    own_memberships = [
        m for m in rows if m.state == "member" and permissions.may_leave(user, m)
    ]
    return render(
        request,
        "networks/members.html",
        {
            "network": network,
            "directory": directory,
            "pending": pending,
            "leavable": own_memberships,
            "history": selectors.history(rows),
            "may_decide": permissions.may_decide(user, network),
        },
    )


@login_required
def join(request, slug):
    network = selectors.network_by_slug(slug)
    selectors.memberships(network)
    agency_ids = permissions.agencies_that_may_join(request.user, network)
    if not agency_ids:
        raise PermissionDenied
    agencies = list(Agency.objects.filter(pk__in=agency_ids).select_related("country"))
    form = JoinForm(request.POST if request.method == "POST" else None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        agency = next(a for a in agencies if a.pk == form.cleaned_data["agency"])
        try:
            services.membership_request(
                network=network, agency=agency, by=request.user,
                statement=form.cleaned_data["statement"],
            )
        except Refusal as refusal:
            return refused_to_page(request, refusal, "networks:detail", slug)
        messages.success(request, _("Your request was sent to the secretariat."))
        return redirect("networks:detail", slug)
    status = 400 if request.method == "POST" else 200
    return render(request, "networks/join.html", {"network": network, "form": form},
                  status=status)


@login_required
@require_POST
def decide(request, pk):
    membership = get_object_or_404(Membership.objects.select_related("network", "agency"), pk=pk)
    slug = membership.network.slug
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The decision could not be read: %(errors)s") % {
            "errors": "; ".join(str(e) for errs in form.errors.values() for e in errs)})
        return redirect("networks:members", slug)
    action = WORKFLOW.button_action(form.cleaned_data["action"])
    if action is None or not action.may(request.user, membership):
        raise PermissionDenied
    try:
        services.membership_transition(
            membership=membership, action=action.name, by=request.user,
            comment=form.cleaned_data["comment"],
            expected_version=form.cleaned_data["version"],
        )
    except Refusal as refusal:
        return refused_to_page(request, refusal, "networks:members", slug)
    messages.success(request, _("Done: %(action)s — %(agency)s.") % {
        "action": action.label, "agency": membership.agency.name})
    if action.name == "leave" and not is_secretariat(request.user):
        return redirect("networks:detail", slug)
    return redirect("networks:members", slug)


@login_required
def announcements(request, slug):
    network, _rows = _working(request, slug)
    may_post = permissions.may_decide(request.user, network)
    form = AnnouncementForm(
        request.POST if request.method == "POST" else None,
        initial={"language": get_language()},
    ) if may_post else None
    if request.method == "POST":
        if not may_post:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.announcement_post(network=network, by=request.user, **form.cleaned_data)
            except Refusal as refusal:
                return refused_to_page(request, refusal, "networks:announcements", slug)
            messages.success(request, _("The announcement was sent to the network's members."))
            return redirect("networks:announcements", slug)
    page_obj = paginate(request, network.announcements.all(), 20)
    return render(
        request,
        "networks/announcements.html",
        {"network": network, "page_obj": page_obj, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def room(request, slug):
    """The network's discussion room (opened on first use) for members and the secretariat."""
    network, _rows = _working(request, slug)
    import rooms

    return redirect(rooms.for_parent(network).get_absolute_url())


@login_required
def consent(request):
    """The person's own choice to be named on the pages of their agency's networks."""
    current = ContactConsent.objects.filter(user=request.user).first()
    form = ConsentForm(
        request.POST if request.method == "POST" else None,
        initial={"show_name": bool(current and current.show_name)},
    )
    if request.method == "POST":
        if form.is_valid():
            services.consent_set(user=request.user, show_name=form.cleaned_data["show_name"])
            messages.success(request, _("Your choice was saved."))
            return redirect("networks:consent")
        return render(request, "networks/consent.html", {"form": form}, status=400)
    return render(request, "networks/consent.html", {"form": form})


