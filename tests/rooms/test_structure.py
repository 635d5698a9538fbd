"""The shape issue 11 asks of rooms/ and exchanges/, checked so that it stays: small modules,
admin registrations only in wagtail_hooks.py, one is_active_user, no email body in Python."""

import ast
from pathlib import Path

from django.conf import settings

import pytest

APPS = ("rooms", "exchanges")


def _sources(app):
    root = Path(settings.BASE_DIR) / app
    for path in sorted(root.rglob("*.py")):
        if "migrations" in path.parts or path.name == "demo.py":
            continue
        yield path


@pytest.mark.parametrize("app", APPS)
def test_no_module_over_500_lines(app):
    long = {p.name: n for p in _sources(app) if (n := len(p.read_text().splitlines())) > 500}
    assert long == {}


@pytest.mark.parametrize("app", APPS)
def test_wagtail_hooks_hold_registrations_only(app):
    tree = ast.parse((Path(settings.BASE_DIR) / app / "wagtail_hooks.py").read_text())
    classes = [node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    assert classes == []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            assert node.decorator_list, f"{node.name} is a view, not a registration"


@pytest.mark.parametrize("app", APPS)
def test_one_active_user_rule_and_one_way_to_email(app):
    for path in _sources(app):
        source = path.read_text()
        assert "def _active(" not in source, path
        assert "send_mail(" not in source and "EmailMessage(" not in source, path
