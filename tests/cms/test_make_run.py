"""Issues 17.20 and 17.22: under `make run` a missing page shows the site's own 404 page (debug
off) and static files are served compressed with long caching (collected, WhiteNoise)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cms.test_settings import run_python

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")
def test_make_run_turns_debug_off_and_collects_static_first():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "BASE_URL"}}
    # A probe prerequisite of `run` sees run's environment, then stops make before anything runs.
    probe = subprocess.run(  # noqa: S603
        ["make", "--no-print-directory", "-o", ".venv/.base-installed",  # noqa: S607
         "--eval", "run: probe", "--eval", "probe: ; @echo DEBUG=$$DEBUG; exit 3", "run"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert "DEBUG=false" in probe.stdout
    plan = subprocess.run(  # noqa: S603
        ["make", "-n", "-o", ".venv/.base-installed", "run"],  # noqa: S607
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=True,
    ).stdout
    assert plan.index("collectstatic") < plan.index("daphne")


SERVE = """
import django; django.setup()
from django.conf import settings
from django.core.management import call_command
from django.test import Client
call_command("collectstatic", interactive=False, verbosity=0)
from django.contrib.staticfiles.storage import staticfiles_storage
url = staticfiles_storage.url("css/puente.css")
# WhiteNoise indexes the collected files when its middleware is built: build the client after.
response = Client().get(url, HTTP_ACCEPT_ENCODING="gzip")
print(settings.DEBUG, response.status_code, response.get("Content-Encoding"),
      response.get("Cache-Control"), sep="|")
"""


@pytest.mark.django_db
def test_debug_off_dev_settings_serve_static_compressed_and_cached(tmp_path):
    result = run_python(SERVE, DJANGO_SETTINGS_MODULE="cms.settings.dev", DEBUG="false",
                        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert result.returncode == 0, result.stderr
    debug, status, encoding, cache = result.stdout.strip().splitlines()[-1].split("|")
    assert (debug, status, encoding) == ("False", "200", "gzip")
    assert "max-age=315360000" in cache and "immutable" in cache
