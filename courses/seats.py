"""Seats and the waitlist: the one rule for cohorts and webinars.

A place with a capacity has that many seats; ``None`` means no limit. A newcomer gets a seat
while one is free; when none is, the waitlist (if the place keeps one) or a refusal. A freed
seat goes to the people waiting, first come first served.
"""

from django.utils.translation import gettext_lazy as _

from cms.refusals import Refusal

SEAT, WAITLIST = "seat", "waitlist"


class Full(Refusal):
    default_code = "full"


def free_seats(capacity: int | None, taken: int) -> int | None:
    """How many seats are free (``None``: no limit)."""
    if capacity is None:
        return None
    return max(capacity - taken, 0)


def place(*, capacity: int | None, taken: int, waitlist: bool) -> str:
    """``SEAT`` or ``WAITLIST`` for one more person; raises :class:`Full` when the place is full
    and keeps no waitlist. The caller holds the row lock of the place."""
    free = free_seats(capacity, taken)
    if free is None or free > 0:
        return SEAT
    if waitlist:
        return WAITLIST
    raise Full(_("This cohort is full."))


def to_promote(*, capacity: int | None, taken: int) -> int | None:
    """How many people to move from the waitlist to a seat (``None``: everyone waiting)."""
    return free_seats(capacity, taken)
