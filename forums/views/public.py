"""Public pages: the tracker, a country's matrix, a commitment, documents and calendars."""

from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Page

from cms.calendars import calendar_bytes, ics_response, timed_event
from cms.directory.models import Country
from cms.notify import absolute_url
from cms.refusals import Refusal, refused_to_page
from cms.versions import kept

from .. import charts, exports, permissions, selectors, services, tracker
from ..models import Commitment, DocumentFile, ForumDocument, MeetingPage, Status
from ..models.pages import canonical


def _bad_request(request, form):
    return render(request, "forums/bad_request.html", {"form": form}, status=400)


def commitments(request):
    """/<lang>/commitments/: filters as query parameters; ``?format=csv`` for the CSV."""
    params = request.GET.copy()
    output = params.pop("format", ["html"])[-1]
    params.pop("page", None)
    tracker_filter = tracker.TrackerFilter(params or None, request=request)
    if output not in ("html", "csv") or (params and not tracker_filter.is_valid()):
        return _bad_request(request, tracker_filter.form)
    if output == "csv":
        data = tracker.build(tracker_filter)
        return exports.csv_response(
            "commitments.csv", exports.tracker_header(), exports.tracker_rows(data)
        )
    # Kept (and rendered once) per filter, language and data: the filters are valid choices.
    key = tracker.cache_key(request, params)
    kept_data = SimpleLazyObject(lambda: kept((key, "data"), lambda: (
        (built := tracker.build(tracker_filter)), charts.status_chart(built.by_country)
    )))  # read only when the page's kept fragment is not
    data = SimpleLazyObject(lambda: kept_data[0])
    chart = SimpleLazyObject(lambda: kept_data[1])
    return render(request, "forums/tracker.html", {
        "filter": tracker_filter,
        "tracker": data,
        "tracker_key": key,
        "chart": chart,
        "statuses": Status.choices,
        "csv_query": _with_format(request, "csv"),
    })


def _with_format(request, fmt):
    query = request.GET.copy()
    query["format"] = fmt
    return query.urlencode()


def country_matrix(request, iso2, fmt="html"):
    """/<lang>/commitments/countries/<iso2>/ (and ``.csv``, ``.xlsx``)."""
    country = get_object_or_404(Country, code=iso2.upper())
    matrix = tracker.country_matrix(country, request)
    name = f"commitments-{country.code}"
    if fmt == "csv":
        return exports.csv_response(f"{name}.csv", exports.matrix_header(),
                                    exports.matrix_rows(matrix))
    if fmt == "xlsx":
        return exports.xlsx_response(f"{name}.xlsx", country.code, exports.matrix_header(),
                                     exports.matrix_rows(matrix))
    return render(request, "forums/country_matrix.html", {
        "country": country, "matrix": matrix,
        "acts_for": permissions.acts_for_country(request.user, country),
    })


def commitment(request, pk):
    """A commitment: its text, statuses by country with their history, what helps to fulfil
    it; for editors, the search engine's suggestions; for a country that has not started, the
    way to ask for a peer exchange."""
    item = get_object_or_404(
        Commitment.objects.select_related("forum", "meeting").prefetch_related(
            "themes", "population_groups"
        ),
        pk=pk,
    )
    tracker.label([item], request)
    history = selectors.public_history(item)
    countries = permissions.focal_country_ids(request.user)
    not_started = [
        rows[-1].report.country for country_id, rows in history.items()
        if country_id in countries and rows[-1].status == Status.NOT_STARTED
    ]
    may_tag = permissions.may_tag(request.user)
    return render(request, "forums/commitment.html", {
        "commitment": item,
        "history": sorted(history.values(), key=lambda rows: rows[0].report.country.name),
        "helpers": selectors.helpers_for([item.pk]).get(item.pk, []),
        "suggestions": selectors.suggestions_for(item) if may_tag else [],
        "may_tag": may_tag,
        "ask_exchange": not_started,
        "exchange_query": urlencode({"title": item.text[:200]}),
    })


@require_POST
def commitment_tag(request, pk):
    """An editor accepts a suggestion: the page now serves the commitment."""
    item = get_object_or_404(Commitment, pk=pk)
    if not permissions.may_tag(request.user):
        raise PermissionDenied
    try:
        page_id = int(request.POST.get("page", ""))
    except ValueError:
        return HttpResponseBadRequest(_("Choose a page."))
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return HttpResponseBadRequest(_("Choose a page."))
    try:
        services.commitment_tag_add(commitment=item, content_object=page.specific,
                                    by=request.user, from_suggestion=True)
    except Refusal as refusal:
        return refused_to_page(request, refusal, "forums:commitment", pk)
    return redirect("forums:commitment", pk)


def document(request, pk, language):
    """A document's file in one language, after the permission check (never a media URL)."""
    doc = get_object_or_404(ForumDocument.objects.select_related("forum", "meeting"), pk=pk)
    if not permissions.may_read_document(request.user, doc):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
    file = get_object_or_404(DocumentFile, document=doc, language=language)
    try:
        handle = file.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    name = f"{(doc.symbol or 'document').replace('/', '-')}-{language}"
    extension = file.file.name.rsplit(".", 1)[-1].lower()
    return FileResponse(handle, as_attachment=True, filename=f"{name}.{extension}")


def _meeting_event(meeting, request):
    return timed_event(
        uid=f"forum-meeting-{canonical(meeting).pk}@puente",
        summary=meeting.title,
        description=meeting.summary,
        starts=meeting.starts_at,
        ends=meeting.ends_at,
        zone=meeting.zone,
        location=", ".join(p for p in [meeting.place, getattr(meeting.host_country, "name", "")]
                           if p),
        url=absolute_url(meeting.get_url(request)),
        reminder=None,
    )


def meeting_ics(request, pk):
    meeting = get_object_or_404(MeetingPage.objects.live().public(), pk=pk)
    return ics_response(calendar_bytes(meeting.title, [_meeting_event(meeting, request)]),
                        f"meeting-{pk}.ics")


def meetings_ics(request):
    """Every live meeting, in the reader's language where translated."""
    from wagtail.models import Locale

    locale = Locale.get_active()
    meetings = MeetingPage.objects.live().public().filter(locale=locale).select_related(
        "host_country").order_by("starts_at")[:500]
    return ics_response(
        calendar_bytes(_("Forum meetings"), [_meeting_event(m, request) for m in meetings]),
        "forum-meetings.ics",
    )
