"""zhpolicy: load, clean, segment and analyse Chinese policy texts.

A small vocabulary, in the order a lesson uses it::

    corpus = load_corpus("seeds")          # one row per document, raw and cleaned text
    cleaning_audit(corpus)                 # what each cleaning step changed
    outline(corpus), paragraphs(corpus), sentences(corpus)
    tokens(corpus)                         # one row per word, with offsets
    corpus_frequencies(toks), keyness(toks, doc_id), kwic(corpus, "融合")
    use_chinese_font()                     # matplotlib + wordcloud draw Chinese

The modules are grouped by stage:

* ``zhpolicy.reading`` — files to a corpus: ``textio`` (encodings), ``readers`` (Word, PDF, web
  pages), ``clean``, ``corpus``, ``structure`` (outline, paragraphs, sentences);
* ``zhpolicy.analysis`` — words: ``tokenize``, ``terms`` (frequencies, keyness, KWIC), ``themes``;
* ``zhpolicy.extraction`` — what the texts state: ``stats`` (statistics), ``chains`` (logic
  chains), ``instruments`` (policy instruments), ``evaluate`` (scores against reference notes);
* ``zhpolicy.teaching`` — what a student sees: ``plots``, ``fonts``, ``labels``, ``export``,
  ``exercises``, ``notebooks`` (running the lessons), ``course`` (student copies, HTML book, Lab);
* at the top: ``batch`` and ``cli`` (runs over folders), ``record``, ``errors``, ``paths``,
  ``numbers`` (Chinese numerals, shared by reading, analysis and extraction).

Names are imported lazily (on first use), so ``import zhpolicy`` stays fast and a lesson only
pays for jieba, scikit-learn, networkx or wordcloud when it uses them.
"""

from __future__ import annotations

import importlib

from ._lazy import submodule

__version__ = "0.1.0"

#: public name -> the module that defines it, by stage (one line per module; add new names here)
_EXPORTS: dict[str, tuple[str, ...]] = {
    "reading.clean": ("CLEANING_STEPS", "clean_text", "cleaning_audit", "cleaning_summary"),
    "reading.corpus": ("corpus_fingerprint", "load_corpus", "source_signals", "tables"),
    "reading.readers": ("read_document",),
    "reading.structure": ("document_stats", "outline", "paragraphs", "sentences"),
    "reading.textio": ("read_text",),
    "analysis.terms": ("collocates", "corpus_frequencies", "dispersion", "keyness", "kwic", "ngrams", "positions",
                       "term_frequencies"),
    "analysis.tokenize": ("segmentation_check", "stopwords", "token_spans", "tokenize", "tokens", "user_dictionary"),
    "extraction.chains": ("argument_outline", "chain_graph", "extract_chains", "shared_chains"),
    "extraction.instruments": ("code_clauses", "instrument_mix", "policy_clauses", "read_instrument_codebook"),
    "extraction.stats": ("check_consistency", "extract_statistics"),
    "teaching.fonts": ("chinese_font_path", "missing_glyphs", "use_chinese_font"),
    "batch": ("read_batch", "run_batch"),
    "errors": ("CorpusError",),
    "record": ("run_record",),
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = sorted(_WHERE) + ["__version__"]


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value
        return value
    return submodule(__name__, name)  # a stage used as zp.analysis.terms.content_tokens


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
