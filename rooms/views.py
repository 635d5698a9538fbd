"""Room pages. They work without JavaScript (history rendered here, posting through forms);
rooms/static/rooms/room.js upgrades them to live updates over the WebSocket."""

from functools import wraps

from django.conf import settings
from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.refusals import Refusal, refused_to_page

from . import selectors, services
from .forms import MessageForm, PromoteForm, ReportForm
from .models import Mention, Message, MessageReport, Mute, Room
from .permissions import access_for, posting, readable_rooms
from .serializers import display_name


def refused_to_room(view):
    """A room action's refusal: its message flashed, back to the room page."""

    @wraps(view)
    def wrapped(request, room_id: int, *args, **kwargs):
        try:
            return view(request, room_id, *args, **kwargs)
        except Refusal as refusal:
            return refused_to_page(request, refusal, "rooms:detail", room_id)

    return wrapped


def _room_for(request, room_id: int, need: str = "read"):
    """The room and the person's access, or 404 (no hint that a room exists to outsiders)."""
    room = get_object_or_404(Room.objects.select_related("content_type"), pk=room_id)
    access = access_for(request.user, room)
    if not getattr(access, need):
        raise Http404
    return room, access


@login_required
def room_index(request):
    # The list of mentions is the notice: once shown here, they no longer count as new.
    unseen = Mention.objects.filter(user=request.user, seen_at__isnull=True)
    count = unseen.count()
    mentions = []
    if count:
        mentions = list(unseen.select_related("message__room", "message__author")[:20])
        unseen.filter(pk__in=[m.pk for m in mentions]).update(seen_at=timezone.now())
    # What is left for the header's badge, without asking again.
    request._puente_unseen_mentions = max(count - len(mentions), 0)
    return render(
        request,
        "rooms/room_index.html",
        {"rooms": readable_rooms(request.user), "mentions": mentions},
    )


@login_required
def room_detail(request, room_id: int):
    # The person's current mute comes with the room (one query less than asking separately).
    muted_until = Mute.objects.filter(
        room=OuterRef("pk"), user=request.user, until__gt=timezone.now()
    ).values("until")[:1]
    room = get_object_or_404(
        Room.objects.select_related("content_type").annotate(muted_until=Subquery(muted_until)),
        pk=room_id,
    )
    access = access_for(request.user, room)
    if not access.read:
        raise Http404
    form = MessageForm()
    if request.method == "POST":
        form = MessageForm(request.POST)
        if form.is_valid():
            try:
                message = services.message_post(
                    room=room, user=request.user, body=form.cleaned_data["body"]
                )
            except Refusal as refusal:  # shown on the form, which keeps the text
                form.add_error("body", refusal.message)
            else:
                return HttpResponseRedirect(f"{room.get_absolute_url()}#message-{message.pk}")
    before = request.GET.get("before")
    before = int(before) if before and before.isdigit() else None
    history, has_more = selectors.room_history(room=room, user=request.user, before=before)
    for message in history:
        message.author_name = display_name(message.author)
    answer = posting(request.user, room, access=access, muted_until=room.muted_until)
    context = {
        "room": room,
        "access": access,
        "history": history,
        "has_more": has_more,
        "older_than": history[0].pk if history else None,
        "last_id": history[-1].pk if history and before is None else 0,
        "form": form,
        "posting": answer,
        "posting_state": answer.as_dict(),
        "reports": list(selectors.open_reports(room)) if access.moderate else [],
        "muted_ids": selectors.muted_user_ids(room) if access.moderate else set(),
        "promote_form": PromoteForm() if access.moderate else None,
        "live": before is None,
        "strings": _client_strings(),
        "edit_minutes": settings.ROOMS_EDIT_MINUTES,
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "rooms/room_detail.html", context, status=status)


def _client_strings() -> dict:
    """The words room.js shows, translated here so the script needs no catalogue."""
    return {
        "live": _("Live: new messages appear as they are posted."),
        "reconnecting": _("Connection lost. Reconnecting…"),
        "offline": _("Live updates are unavailable. Reload the page to see new messages."),
        "refused": _("You no longer have access to this room."),
        "signed_out": _("You are signed out. Sign in again to follow this room."),
        "not_found": _("This room no longer exists."),
        "typing": _("%(name)s is typing…"),
        "deleted": _("The author deleted this message."),
        "hidden": _("A moderator hid this message."),
        "edited": _("(edited)"),
        "report": _("Report"),
        "reported": _("Thank you. The moderators will look at this message."),
        "delete": _("Delete"),
        "delete_label": _("Delete your message"),
        "delete_confirm": _("Delete this message? This cannot be undone."),
        "deleted_done": _("Your message was deleted."),
        "edit": _("Edit"),
        "edit_label": _("Edit your message"),
        "edited_done": _("Your message was edited."),
        "save": _("Save"),
        "cancel": _("Cancel"),
        "empty": _("Write something before sending."),
        "too_late": _("Messages can be edited only within %(minutes)s minutes of posting.")
        % {"minutes": settings.ROOMS_EDIT_MINUTES},
        "hide": _("Hide"),
        "mute": _("Mute the author for an hour"),
        "unmute": _("Let the author post again"),
        "unread": _("New messages"),
        "nobody": _("Nobody else is here right now."),
    }


ACTIONS = {"report", "hide", "unhide", "delete", "mute", "unmute"}


@login_required
@require_POST
@refused_to_room
def message_action(request, room_id: int, message_id: int, action: str):
    room, _access = _room_for(request, room_id)
    if action not in ACTIONS:
        raise Http404
    message = get_object_or_404(Message.objects.select_related("author"), pk=message_id,
                                room=room)
    message.room = room
    if action == "report":
        form = ReportForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        services.message_report(message=message, user=request.user, reason=reason)
        flash.success(request, _("Thank you. The moderators will look at this message."))
    elif action in ("hide", "unhide"):
        services.message_hide(message=message, by=request.user, hidden=action == "hide")
        flash.success(request, _("Message hidden.") if action == "hide"
                      else _("Message shown again."))
    elif action == "delete":
        services.message_delete(message=message, user=request.user)
        flash.success(request, _("Your message was deleted."))
    elif action == "mute":
        services.user_mute(room=room, user=message.author, by=request.user, minutes=60)
        flash.success(request, _("%(name)s cannot post here for an hour.")
                      % {"name": display_name(message.author)})
    else:
        services.user_mute(room=room, user=message.author, by=request.user, minutes=0)
        flash.success(request, _("%(name)s may post here again.")
                      % {"name": display_name(message.author)})
    return redirect(room)


@login_required
@require_POST
@refused_to_room
def room_lock_toggle(request, room_id: int):
    room, _access = _room_for(request, room_id, "moderate")
    services.room_lock(room=room, by=request.user, locked=not room.locked)
    flash.success(request, _("The room is locked.") if room.locked else _("The room is open."))
    return redirect(room)


@login_required
@require_POST
@refused_to_room
def report_dismiss(request, room_id: int, report_id: int):
    room, _access = _room_for(request, room_id, "moderate")
    report = get_object_or_404(
        MessageReport.objects.select_related("message"), pk=report_id, message__room=room
    )
    report.message.room = room
    services.report_dismiss(report=report, by=request.user)
    flash.success(request, _("Report dismissed."))
    return redirect(room)


@login_required
@require_POST
@refused_to_room
def thread_promote(request, room_id: int):
    room, _access = _room_for(request, room_id, "moderate")
    form = PromoteForm(request.POST)
    if not form.is_valid():
        flash.error(request, _("Give the page a title."))
        return redirect(room)
    page = services.thread_promote(room=room, by=request.user, title=form.cleaned_data["title"])
    flash.success(request, _("Draft page “%(title)s” created; an editor can now polish and "
                             "publish it.") % {"title": page.title})
    return redirect("wagtailadmin_pages:edit", page.pk)
