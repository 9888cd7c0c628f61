"""zhpolicy: load, clean, segment and analyse Chinese policy texts.

A small vocabulary, in the order a lesson uses it::

    corpus = load_corpus("seeds")          # one row per document, raw and cleaned text
    cleaning_audit(corpus)                 # what each cleaning step changed
    outline(corpus), paragraphs(corpus), sentences(corpus)
    tokens(corpus)                         # one row per word, with offsets
    corpus_frequencies(toks), keyness(toks, doc_id), kwic(corpus, "融合")
    use_chinese_font()                     # matplotlib + wordcloud draw Chinese

Names are imported lazily (on first use), so ``import zhpolicy`` stays fast and a lesson only
pays for scikit-learn, networkx or wordcloud when it uses them.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

#: public name -> the module that defines it (one line per module; add new names here)
_EXPORTS: dict[str, tuple[str, ...]] = {
    "batch": ("read_batch", "run_batch"),
    "chains": ("argument_outline", "chain_graph", "extract_chains", "shared_chains"),
    "clean": ("CLEANING_STEPS", "clean_text", "cleaning_audit", "cleaning_summary"),
    "corpus": ("corpus_fingerprint", "load_corpus", "source_signals"),
    "errors": ("CorpusError",),
    "fonts": ("chinese_font_path", "missing_glyphs", "use_chinese_font"),
    "instruments": ("code_clauses", "instrument_mix", "policy_clauses", "read_instrument_codebook"),
    "record": ("run_record",),
    "readers": ("read_document",),
    "stats": ("check_consistency", "extract_statistics"),
    "structure": ("document_stats", "outline", "paragraphs", "sentences"),
    "terms": ("collocates", "corpus_frequencies", "dispersion", "keyness", "kwic", "ngrams", "positions",
              "term_frequencies"),
    "textio": ("read_text",),
    "tokenize": ("segmentation_check", "stopwords", "token_spans", "tokenize", "tokens", "user_dictionary"),
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = sorted(_WHERE) + ["__version__"]


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value
        return value
    try:  # a submodule used as zp.terms.doc_lengths
        return importlib.import_module(f".{name}", __name__)
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{name}":
            raise
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


# The module ``zhpolicy.tokenize`` and the function ``tokenize`` share a name: bind the function
# now, so ``zp.tokenize(text)`` is the function even after ``import zhpolicy.tokenize`` elsewhere
# (use ``importlib.import_module("zhpolicy.tokenize")`` for the module).
from .tokenize import tokenize  # noqa: E402
