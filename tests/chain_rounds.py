"""What the tests of each round of unseen argument-rich texts share (tests/test_chains_round5.py …)."""

from zhpolicy.extraction.chains import extract_chains
from zhpolicy.extraction.chains.kinds import SCORED_KINDS
from zhpolicy.reading.clean import clean_text, simplify


def scored(text: str) -> list[tuple[str, str]]:
    """The scored chains of *text* cleaned as a corpus is, in Simplified script (a Traditional text is converted)."""
    table = extract_chains(simplify(clean_text(text)))
    return [(k, c) for k, c in zip(table["kind"], table["chain"]) if k in SCORED_KINDS]
