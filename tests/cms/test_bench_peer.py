"""The peer benchmark's host project (written outside the repository at run time) is valid
Python and follows wagtail-lms's README: its app, its URLs, DEBUG off, WhiteNoise."""

import ast
from pathlib import Path

import pytest

from tests.benchmarks import peer
from tests.benchmarks.peer import host


@pytest.mark.parametrize("name", [name for name in host.FILES if name.endswith(".py")])
def test_every_python_file_of_the_host_project_parses(name):
    ast.parse(host.FILES[name])


def test_the_host_project_installs_wagtail_lms_as_its_readme_says():
    assert '"wagtail_lms"' in host.SETTINGS
    assert 'include("wagtail_lms.urls")' in host.URLS
    assert "DEBUG = False" in host.SETTINGS
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in host.SETTINGS
    assert "wagtail-lms==0.11.1" in peer.PEER_REQUIREMENTS
    ast.parse(host.SEED)
    ast.parse(peer.PUENTE_LOOKUP)


def test_a_peer_directory_inside_the_repository_is_refused(capsys):
    assert peer.main(["--peer-dir", str(Path(peer.ROOT) / "var" / "peer")]) == 2
    assert "outside" in capsys.readouterr().out
