"""Shared fixtures: a private cache directory, the seed corpus, and a guard on seeds/."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"

# A fresh per-run cache, so tests see what a new machine sees (set before zhpolicy loads jieba).
os.environ.setdefault("ZHPOLICY_CACHE_DIR", str(ROOT / ".pytest_cache" / "zhpolicy-cache"))
os.environ.setdefault("ZHPOLICY_OUTPUT", str(ROOT / ".pytest_cache" / "zhpolicy-output"))


def accuracy_floor(extractor: str, score: str) -> float:
    """The floor a score on the seeds must reach (tests/accuracy_floors.csv, which docs/accuracy.md
    quotes): a regression below it fails loudly."""
    import csv

    with open(Path(__file__).with_name("accuracy_floors.csv"), encoding="utf-8", newline="") as f:
        rows = {(r["extractor"], r["score"]): float(r["floor"]) for r in csv.DictReader(f)}
    return rows[(extractor, score)]


def folder_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="session", autouse=True)
def seeds_untouched():
    """Fail the run if anything under seeds/ was created, changed or deleted."""
    before = folder_digest(SEEDS)
    yield
    assert folder_digest(SEEDS) == before, "a test or the library wrote into seeds/"


@pytest.fixture(scope="session")
def corpus():
    import zhpolicy

    return zhpolicy.load_corpus(SEEDS)


@pytest.fixture(scope="session")
def texts(corpus):
    """Cleaned seed texts keyed by the first three characters of the doc_id (000 … 004)."""
    return {doc_id[:3]: text for doc_id, text in zip(corpus["doc_id"], corpus["text"])}


# Real-browser tests (Playwright + the system's Chromium): the fixture lives in tests/browser.py.
from tests.browser import browser  # noqa: E402,F401
