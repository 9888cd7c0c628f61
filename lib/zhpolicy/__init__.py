"""zhpolicy: load, clean, segment and analyse Chinese policy texts.

A small vocabulary, in the order a lesson uses it::

    corpus = load_corpus("seeds")          # one row per document, raw and cleaned text
    cleaning_audit(corpus)                 # what each cleaning step changed
    outline(corpus), paragraphs(corpus), sentences(corpus)
    tokens(corpus)                         # one row per word, with offsets
    corpus_frequencies(toks), keyness(toks, doc_id), kwic(corpus, "融合")
    use_chinese_font()                     # matplotlib + wordcloud draw Chinese
"""

from .chains import argument_outline, chain_graph, extract_chains, shared_chains
from .clean import CLEANING_STEPS, clean_text, cleaning_audit, cleaning_summary
from .corpus import corpus_fingerprint, load_corpus, source_signals
from .errors import CorpusError
from .fonts import chinese_font_path, missing_glyphs, use_chinese_font
from .record import run_record
from .stats import check_consistency, extract_statistics
from .structure import document_stats, outline, paragraphs, sentences
from .terms import collocates, corpus_frequencies, dispersion, keyness, kwic, ngrams, positions, term_frequencies
from .textio import read_text
from .tokenize import segmentation_check, stopwords, token_spans, tokenize, tokens, user_dictionary

__version__ = "0.1.0"

__all__ = [
    "CLEANING_STEPS", "CorpusError", "chinese_font_path", "clean_text", "cleaning_audit",
    "cleaning_summary", "corpus_fingerprint", "document_stats", "run_record", "source_signals", "load_corpus", "missing_glyphs", "outline",
    "paragraphs", "read_text", "segmentation_check", "sentences", "stopwords", "tokenize",
    "tokens", "token_spans", "use_chinese_font", "user_dictionary", "__version__",
    "collocates", "corpus_frequencies", "dispersion", "keyness", "kwic", "ngrams", "positions",
    "term_frequencies", "check_consistency", "extract_statistics",
    "argument_outline", "chain_graph", "extract_chains", "shared_chains",
]
