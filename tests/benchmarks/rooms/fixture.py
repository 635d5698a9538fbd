"""Run in the benchmark's own database (a subprocess): one network room, N+1 members, one
logged-in session each. Prints JSON: {"room": id, "cookies": [...]} (the last one is the
sender's)."""

import json
import sys


def build(count: int) -> dict:
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    # The project's own session engine and first backend, as a real login would store them.
    SessionStore = import_module(settings.SESSION_ENGINE).SessionStore  # noqa: N806

    from cms.accounts.models import AgencyClaim, User
    from cms.directory.models import Agency, Country, Network
    from rooms.services import room_for_parent

    country, _ = Country.objects.get_or_create(code="BX", defaults={"name_en": "Benchland"})
    agency, _ = Agency.objects.get_or_create(
        country=country, name="Benchmark agency", defaults={"sector": "other"}
    )
    network, _ = Network.objects.get_or_create(slug="bench", defaults={"name_en": "Bench"})
    network.members.add(agency)
    room = room_for_parent(parent=network)
    cookies = []
    for n in range(count + 1):
        user, _ = User.objects.get_or_create(
            email=f"bench{n}@bench.test",
            defaults={"agency": agency, "first_name": f"Bench{n}"},
        )
        # Members are verified staff: the profile's agency alone grants no room.
        AgencyClaim.objects.get_or_create(
            user=user, agency=agency, defaults={"status": AgencyClaim.Status.APPROVED}
        )
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        cookies.append(session.session_key)
    return {"room": room.pk, "cookies": cookies}


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(build(int(sys.argv[1]))))
