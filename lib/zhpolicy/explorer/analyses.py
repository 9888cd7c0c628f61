"""One corpus's analyses, each computed once, on first use, by the library call the lessons make.

The explorer's views read these attributes; a view opened twice, or by a second browser tab,
does not compute again. Loading a folder keeps the :class:`Analyses` of the folders loaded before
(a few, newest last) so that going back to the seeds is instant.
"""

from __future__ import annotations

import threading
import warnings
from collections import OrderedDict
from pathlib import Path

import pandas as pd

import zhpolicy as zp
from zhpolicy.analysis import themes
from zhpolicy.extraction import instruments

#: The attributes :meth:`Analyses.warm` computes in the background, in the order the views come.
WARM_ORDER = ("tokens", "theme_units", "statistics", "flags", "chains", "coded_clauses")


class Analyses:
    """The tables of one corpus (``zp.load_corpus(folder)``), computed lazily and kept."""

    def __init__(self, corpus: pd.DataFrame):
        self.corpus = corpus
        self.folder = corpus.attrs.get("folder", "")
        self._values: dict[str, object] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self.warming: threading.Thread | None = None  # the background thread computing WARM_ORDER

    # ------------------------------------------------------------ caching

    def _get(self, name: str, compute):
        if name in self._values:
            return self._values[name]
        with self._guard:
            lock = self._locks.setdefault(name, threading.Lock())
        with lock:  # a second caller waits for the first instead of computing again
            if name not in self._values:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    self._values[name] = compute()
        return self._values[name]

    def picture(self, name: str, draw) -> bytes:
        """A figure of this corpus as PNG bytes (``draw()`` returns them), drawn once."""
        return self._get(f"picture:{name}", draw)

    def ready(self, name: str) -> bool:
        """Whether *name* has been computed already (the view then opens without a progress note)."""
        return name in self._values

    def warm(self, names=WARM_ORDER, stop: threading.Event | None = None) -> None:
        """Compute *names* in order (run in a background thread after the first view is shown)."""
        for name in names:
            if stop is not None and stop.is_set():
                return
            getattr(self, name)

    # ------------------------------------------------------------ the corpus (lesson 01)

    @property
    def labels(self) -> pd.Series:
        return self.corpus.set_index("doc_id")["label"]

    # ------------------------------------------------------------ words (lesson 02)

    @property
    def tokens(self) -> pd.DataFrame:
        return self._get("tokens", lambda: zp.tokens(self.corpus))

    @property
    def term_frequencies(self) -> pd.DataFrame:
        return self._get("term_frequencies", lambda: zp.term_frequencies(self.tokens))

    @property
    def corpus_frequencies(self) -> pd.DataFrame:
        return self._get("corpus_frequencies", lambda: zp.corpus_frequencies(self.tokens))

    # ------------------------------------------------------------ themes (lesson 03)

    @property
    def theme_units(self) -> pd.DataFrame:
        return self._get("theme_units", lambda: themes.theme_units(self.corpus))

    def coded_units(self, codebook: pd.DataFrame | None = None) -> pd.DataFrame:
        """``themes.code_units(units, codebook)``; the default codebook's coding is kept."""
        if codebook is None:
            return self._get("coded_units", lambda: themes.code_units(self.theme_units, themes.read_codebook()))
        return themes.code_units(self.theme_units, codebook)

    # ------------------------------------------------------------ statistics (lesson 05)

    @property
    def statistics(self) -> pd.DataFrame:
        return self._get("statistics", lambda: zp.extract_statistics(self.corpus))

    @property
    def flags(self) -> pd.DataFrame:
        return self._get("flags", lambda: zp.check_consistency(self.statistics, self.corpus))

    # ------------------------------------------------------------ logic chains (lesson 04)

    @property
    def chains(self) -> pd.DataFrame:
        return self._get("chains", lambda: zp.extract_chains(self.corpus))

    @property
    def chain_graph(self):
        return self._get("chain_graph", lambda: zp.chain_graph(self.chains))

    # ------------------------------------------------------------ policy instruments (lesson 06)

    @property
    def coded_clauses(self) -> pd.DataFrame:
        return self._get("coded_clauses",
                         lambda: instruments.code_clauses(instruments.policy_clauses(self.corpus)))


class AnalysesCache:
    """The :class:`Analyses` of the last few folders loaded, by folder and content (a folder whose
    files changed is read again)."""

    def __init__(self, size: int = 4):
        self.size = size
        self._items: OrderedDict[tuple[str, str], Analyses] = OrderedDict()
        self._lock = threading.Lock()

    def load(self, folder: str | Path) -> Analyses:
        """``zp.load_corpus(folder)`` (warnings kept in ``corpus.attrs["warnings"]``), cached."""
        folder = zp.paths.resolve_user_path(folder)
        key = (str(folder), zp.corpus_fingerprint(folder) if folder.exists() else "")
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            corpus = zp.load_corpus(folder)
        corpus.attrs["warnings"] = list(dict.fromkeys(str(w.message) for w in caught))
        analyses = Analyses(corpus)
        with self._lock:
            self._items[key] = analyses
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return analyses
