"""Real-browser tests: Playwright for Python driving the system's Chromium (Debian's ``chromium``).

Playwright's own browser download is never used (classroom and CI networks are closed); the tests
drive the Chromium the machine has. Where none is installed, or Playwright is missing, every browser
test is skipped with a message that says how to enable it. ``.ci/run`` installs Chromium with apt.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

#: Where to look for a Chromium, first match wins; ``ZHPOLICY_CHROMIUM`` names another executable.
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

HOW_TO_ENABLE = (
    "browser tests skipped: no Chromium found. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) "
    "or set ZHPOLICY_CHROMIUM to a Chromium/Chrome executable, then rerun `python3 tasks.py test`."
)

#: Flags for a closed network and a root user (the machine's own probe uses the same set).
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    """The Chromium executable to drive, or None when the machine has none."""
    named = os.environ.get("ZHPOLICY_CHROMIUM")
    if named:
        return named if Path(named).exists() else shutil.which(named)
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def launch(playwright):
    """A headless Chromium from ``playwright.chromium``, or a skip with the message above."""
    executable = chromium_path()
    if executable is None:
        pytest.skip(HOW_TO_ENABLE)
    return playwright.chromium.launch(executable_path=executable, headless=True, args=LAUNCH_ARGS)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole test session (skipped with a message when unavailable)."""
    if chromium_path() is None:
        pytest.skip(HOW_TO_ENABLE)
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="browser tests skipped: Playwright is not installed (`python3 tasks.py setup`)")
    with sync_api.sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            yield chromium
        finally:
            chromium.close()
