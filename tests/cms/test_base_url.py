"""Issue 17.14: every absolute link comes from one setting that `make run` sets from PORT."""

import os
import shutil
import subprocess
from pathlib import Path

from django.test import override_settings
from django.urls import reverse

import pytest

from cms.notify import absolute_url, render_for
from courses.models import CalendarFeed
from tests.cms.test_settings import run_python
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")
def test_make_run_exports_base_url_from_port():
    env = {k: v for k, v in os.environ.items() if k != "BASE_URL"}
    shown = subprocess.run(  # noqa: S603
        ["make", "--no-print-directory", "--eval", "show-base-url: ; @echo $$BASE_URL",  # noqa: S607
         "show-base-url", "PORT=8312"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=True,
    )
    assert shown.stdout.strip() == "http://127.0.0.1:8312"


def test_settings_default_follows_port_and_base_url_wins():
    show = ("import django; django.setup(); from django.conf import settings as s; "
            "print(s.WAGTAILADMIN_BASE_URL)")
    dev = "cms.settings.dev"
    default = run_python(show, DJANGO_SETTINGS_MODULE=dev, PORT="8313", BASE_URL="")
    assert default.stdout.strip() == "http://127.0.0.1:8313", default.stderr
    wins = run_python(show, DJANGO_SETTINGS_MODULE=dev, PORT="8313",
                      BASE_URL="https://puente.example.org")
    assert wins.stdout.strip() == "https://puente.example.org"


@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8300")
@pytest.mark.django_db
def test_emails_calendars_and_badges_use_the_one_address(client, learner):
    assert absolute_url("/en/") == "http://127.0.0.1:8300/en/"
    _subject, text, _html = render_for(
        UserFactory(), "rooms/mention", {"room_id": 1, "room": "R", "author": "A", "excerpt": "x"}
    )
    assert "http://127.0.0.1:8300/" in text and ":8000" not in text
    CalendarFeed.objects.create(user=learner, token=CalendarFeed.new_token())
    client.force_login(learner)
    html = client.get(reverse("courses:my_calendar")).content.decode()
    assert "http://127.0.0.1:8300/" in html and "testserver" not in html
