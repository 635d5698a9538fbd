"""Playwright for Python driving Debian's Chromium against pytest-django's live server.

Without /usr/bin/chromium the browser tests are skipped with the reason, unless
PUENTE_REQUIRE_BROWSER is set (as .ci/run does), in which case they fail.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # One browser per worker process is enough on two cores.
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture(scope="module")
def chromium():
    # Module scope: Playwright's event loop runs only while a browser module runs, so the async
    # tests (WebSocket consumers) that pytest-xdist may give this worker next can start theirs.
    if not CHROMIUM.exists():
        if os.environ.get("PUENTE_REQUIRE_BROWSER"):
            pytest.fail("PUENTE_REQUIRE_BROWSER is set but /usr/bin/chromium is missing")
        pytest.skip("Debian's Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread while the browser is
    # open; the ORM calls tests make from the thread are still synchronous and safe.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_page(chromium, live_server):
    """A factory of isolated browser pages (each its own context, so its own session)."""
    contexts = []

    def make(locale: str = "en-US"):
        context = chromium.new_context(base_url=live_server.url, locale=locale)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def axe_violations():
    """``axe_violations(page)``: the WCAG 2.1 A/AA violations axe-core finds on the page, as
    ``["rule-id: target, …"]`` (axe-core ships inside axe-playwright-python; no network)."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

    def run(page) -> list[str]:
        results = axe.run(
            page,
            options={"runOnly": {"type": "tag", "values": tags}},
        )
        return [
            f"{v['id']}: {', '.join(str(n['target']) for n in v['nodes'])}"
            for v in results.response["violations"]
        ]

    return run
