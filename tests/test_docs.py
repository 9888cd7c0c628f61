"""The documentation stays findable: README is short, every relative link in README, CONTRIBUTING and
docs/ leads to a file that exists, and every library or test path CONTRIBUTING names is real."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from .conftest import ROOT

README_LIMIT = 12 * 1024
DOC_PAGES = sorted([ROOT / "README.md", ROOT / "CONTRIBUTING.md", *(ROOT / "docs").glob("*.md")])
#: Markdown links and images: [text](target) — the target up to a space or the closing parenthesis.
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
#: Paths in code spans or plain text that start with lib/ or tests/ (backquoted in CONTRIBUTING).
NAMED_PATH = re.compile(r"`((?:lib|tests)/[^`\s]*)`")
#: A path written as a pattern (lessonNN.py, lib/…) names no one file.
TEMPLATE = re.compile(r"NN|…|\*")


def relative_links(text: str) -> list[str]:
    """The link targets of *text* that point inside the repository (no scheme, no bare anchor),
    without their #anchor or ?query."""
    targets = []
    for target in LINK.findall(text):
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith("#"):
            continue
        targets.append(unquote(target.split("#", 1)[0].split("?", 1)[0]))
    return targets


def test_readme_is_short():
    size = len((ROOT / "README.md").read_bytes())
    assert size < README_LIMIT, f"README.md is {size} bytes; move detail into a docs/ page"


def test_the_link_finder_sees_links_and_skips_urls_and_anchors():
    text = "[a](docs/x.md#y) ![i](img/p.png) [w](https://example.org) [s](#top) [m](mailto:a@b)"
    assert relative_links(text) == ["docs/x.md", "img/p.png"]


@pytest.mark.parametrize("page", DOC_PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_points_to_an_existing_file(page):
    missing = [t for t in relative_links(page.read_text(encoding="utf-8")) if not (page.parent / t).exists()]
    assert missing == [], f"{page.relative_to(ROOT)} links to missing files: {missing}"


def test_contributing_names_only_paths_that_exist():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    named = sorted(set(NAMED_PATH.findall(text)))
    assert len(named) >= 20, "the guide should name the files a maintainer edits"
    missing = [p for p in named if not TEMPLATE.search(p) and not (ROOT / p.rstrip("/")).exists()]
    assert missing == [], f"CONTRIBUTING.md names paths that do not exist: {missing}"


def test_the_layout_table_names_only_modules_that_exist():
    """Each row of CONTRIBUTING's layout table names a folder and the modules in it: they exist."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| [a-z]+ \| `(lib/[^`]+)`[^|]*\| (.+) \|$", text, flags=re.MULTILINE)
    assert len(rows) >= 6
    missing = []
    for where, what in rows:
        base = ROOT / where
        folder = base if base.is_dir() else base.parent
        for name in re.findall(r"`([\w/]+\.py|[\w]+/)`", what):
            if not any(folder.rglob(name.rstrip("/"))):
                missing.append(f"{where}: {name}")
    assert missing == [], f"CONTRIBUTING.md's layout names modules that do not exist: {missing}"


def test_contributing_names_only_functions_that_exist():
    """Every ``name()`` in a code span of CONTRIBUTING is defined somewhere under lib/ or tests/."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    names = set(re.findall(r"`(?:[\w.]+\.)?(\w+)\([^`]*\)`", text))
    source = "\n".join(p.read_text(encoding="utf-8") for d in ("lib", "tests") for p in (ROOT / d).rglob("*.py"))
    missing = sorted(n for n in names if not re.search(rf"\bdef {n}\b", source))
    assert missing == [], f"CONTRIBUTING.md names functions that do not exist: {missing}"


def test_statistics_page_explains_every_year_source():
    """docs/statistics.md's table of year sources names every value extract_statistics can give."""
    from zhpolicy.extraction.stats import YEAR_SOURCES

    page = (ROOT / "docs" / "statistics.md").read_text(encoding="utf-8")
    missing = [source for source in YEAR_SOURCES if f"`{source}" not in page]
    assert not missing, f"docs/statistics.md does not explain year_source {missing}"


def test_accuracy_page_quotes_the_floors_file():
    """docs/accuracy.md names the floors the tests hold and quotes each measured seeds score."""
    import csv

    page = (ROOT / "docs" / "accuracy.md").read_text(encoding="utf-8")
    assert "tests/accuracy_floors.csv" in page
    with open(ROOT / "tests" / "accuracy_floors.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and all(float(r["floor"]) <= float(r["measured"]) for r in rows)
    for row in rows:
        if row["score"] in ("recall", "precision"):
            assert f"{float(row['measured']):.2f}" in page, row
