"""Term statistics on a token table (from :func:`zhpolicy.tokens`): frequencies, TF-IDF,
keyness, n-grams, collocations, KWIC concordances and dispersion.

Every function takes and returns plain pandas objects. Ties are broken by the term itself,
so tables come out in the same order on every run.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np
import pandas as pd

from .._docs import iter_docs
from ..reading.structure import sentences as sentence_table

_MARK = r"\[\d+\]|\d+|[A-Za-z]"


def _is_mark(tokens: pd.Series) -> pd.Series:
    """Whether each token is an outline or citation mark (tested once per distinct token)."""
    marks = [t for t in pd.unique(tokens) if isinstance(t, str) and re.fullmatch(_MARK, t)]
    return tokens.isin(marks)


def content_tokens(toks: pd.DataFrame, *, drop_stopwords: bool = True, min_chars: int = 1) -> pd.DataFrame:
    """Keep the tokens worth counting: no punctuation, (optionally) no stopwords, at least
    *min_chars* characters, and none of the outline or citation marks that carry no meaning
    (``[1]``, a bare ``1`` or ``a`` left from ``1.``/``a.``). Numbers with a unit stay.

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
    keep = ~toks["is_punct"] & (toks["token"].str.len() >= min_chars) & ~_is_mark(toks["token"])
    if drop_stopwords:
        keep &= ~toks["is_stopword"]
    return toks[keep]


def doc_lengths(toks: pd.DataFrame) -> pd.Series:
    """Characters per document (all tokens, punctuation included: the non-space characters)."""
    return toks.assign(n=toks["token"].str.len()).groupby("doc_id", sort=True)["n"].sum()


def term_frequencies(toks: pd.DataFrame, *, drop_stopwords: bool = True, min_chars: int = 1) -> pd.DataFrame:
    """Per-document term frequencies.

    Returns ``doc_id, term, count, per_10k, doc_freq, tfidf`` where ``per_10k`` is
    occurrences per 10,000 characters of that document, ``doc_freq`` the number of documents
    containing the term, and ``tfidf = count / content tokens of the document × ln(N / doc_freq)``
    (0 for a term found in every document).

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
    lengths = doc_lengths(toks)
    content = content_tokens(toks, drop_stopwords=drop_stopwords, min_chars=min_chars)
    table = content.groupby(["doc_id", "token"]).size().rename("count").reset_index()
    table = table.rename(columns={"token": "term"})
    n_docs = toks["doc_id"].nunique()
    table["per_10k"] = (table["count"] / table["doc_id"].map(lengths) * 10_000).round(2)
    table["doc_freq"] = table.groupby("term")["doc_id"].transform("nunique")
    totals = table.groupby("doc_id")["count"].transform("sum")
    table["tfidf"] = (table["count"] / totals * np.log(n_docs / table["doc_freq"])).round(5)
    table = table.sort_values(["doc_id", "count", "term"], ascending=[True, False, True])
    return table.reset_index(drop=True)


def corpus_frequencies(toks: pd.DataFrame, *, drop_stopwords: bool = True, min_chars: int = 1) -> pd.DataFrame:
    """Corpus-wide frequencies: ``term, count, per_10k, doc_freq`` sorted by count (ties by term).

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
    per_doc = term_frequencies(toks, drop_stopwords=drop_stopwords, min_chars=min_chars)
    table = per_doc.groupby("term").agg(count=("count", "sum"), doc_freq=("doc_id", "nunique")).reset_index()
    table["per_10k"] = (table["count"] / doc_lengths(toks).sum() * 10_000).round(2)
    table = table.sort_values(["count", "term"], ascending=[False, True]).reset_index(drop=True)
    return table[["term", "count", "per_10k", "doc_freq"]]


# ---------------------------------------------------------------- keyness


def _g2(a: float, b: float, c: float, d: float) -> float:
    """Log-likelihood G² for a term seen a times in c target tokens and b times in d reference tokens."""
    total = a + b
    e1, e2 = c * total / (c + d), d * total / (c + d)
    g = 0.0
    if a > 0:
        g += a * math.log(a / e1)
    if b > 0:
        g += b * math.log(b / e2)
    return 2 * g


def keyness(toks: pd.DataFrame, target, reference=None, *, drop_stopwords: bool = True, min_count: int = 2) -> pd.DataFrame:
    """Which terms does *target* (a doc_id or a list of them) use more, or less, than *reference*
    (default: all other documents)?

    Returns ``term, target_count, reference_count, target_per_10k, reference_per_10k, g2,
    p_value, log_ratio, direction``. ``g2`` is Dunning's log-likelihood (1 degree of freedom);
    ``log_ratio`` is Hardie's effect size, log₂ of the ratio of relative frequencies, with
    0.5 standing in for a zero count so a term absent from one side still gets a finite value.
    ``direction`` is ``over`` (more frequent in the target) or ``under``. Rows are sorted from
    the most over-used to the most under-used term; terms seen fewer than *min_count* times
    in total are left out.

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
    targets = [target] if isinstance(target, str) else list(target)
    content = content_tokens(toks, drop_stopwords=drop_stopwords)
    in_target = content["doc_id"].isin(targets)
    if reference is None:
        in_reference = ~in_target
    else:
        refs = [reference] if isinstance(reference, str) else list(reference)
        in_reference = content["doc_id"].isin(refs)
    if not in_target.any():
        raise ValueError(f"no tokens for target {targets}")
    t_counts = Counter(content.loc[in_target, "token"])
    r_counts = Counter(content.loc[in_reference, "token"])
    c, d = sum(t_counts.values()), max(sum(r_counts.values()), 1)
    lengths = doc_lengths(toks)
    t_chars = lengths[lengths.index.isin(targets)].sum()
    r_chars = lengths[~lengths.index.isin(targets)].sum() if reference is None else lengths[lengths.index.isin(refs)].sum()
    rows = []
    for term in set(t_counts) | set(r_counts):
        a, b = t_counts.get(term, 0), r_counts.get(term, 0)
        if a + b < min_count:
            continue
        g2 = _g2(a, b, c, d)
        ratio = math.log2(((a or 0.5) / c) / ((b or 0.5) / d))
        rows.append({
            "term": term, "target_count": a, "reference_count": b,
            "target_per_10k": round(a / t_chars * 10_000, 2),
            "reference_per_10k": round(b / max(r_chars, 1) * 10_000, 2),
            "g2": round(g2, 3), "p_value": math.erfc(math.sqrt(g2 / 2)) if g2 > 0 else 1.0,
            "log_ratio": round(ratio, 3), "direction": "over" if a / c > b / d else "under",
        })
    table = pd.DataFrame(rows, columns=[
        "term", "target_count", "reference_count", "target_per_10k", "reference_per_10k",
        "g2", "p_value", "log_ratio", "direction",
    ])
    signed = np.where(table["direction"] == "over", table["g2"], -table["g2"])
    table = table.assign(_s=signed).sort_values(["_s", "term"], ascending=[False, True]).drop(columns="_s")
    return table.reset_index(drop=True)


def keyness_by_document(toks: pd.DataFrame, top: int = 5, **kwargs) -> pd.DataFrame:
    """The *top* most over-used terms of each document against all the others (empty, with
    the usual columns, when there are fewer than two documents: nothing to compare with).

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
    parts = []
    docs = sorted(toks["doc_id"].unique())
    if len(docs) < 2:
        return pd.DataFrame(columns=["doc_id", "term", "target_count", "reference_count", "target_per_10k",
                                     "reference_per_10k", "g2", "p_value", "log_ratio", "direction"])
    for doc_id in docs:
        table = keyness(toks, doc_id, **kwargs)
        parts.append(table[table["direction"] == "over"].head(top).assign(doc_id=doc_id))
    return pd.concat(parts, ignore_index=True)[["doc_id", *parts[0].columns.drop("doc_id")]] if parts else pd.DataFrame()


# ---------------------------------------------------------------- n-grams and collocations


def _runs(toks: pd.DataFrame, drop_stopwords: bool) -> list[tuple[str, list[str]]]:
    """Split each document's token stream into runs of content tokens between punctuation."""
    runs = []
    for doc_id, group in toks.groupby("doc_id", sort=True):
        current: list[str] = []
        for token, punct, stop in zip(group["token"], group["is_punct"], group["is_stopword"]):
            if punct:
                if current:
                    runs.append((doc_id, current))
                current = []
            elif not (drop_stopwords and stop) and not re.fullmatch(_MARK, token):
                current.append(token)
        if current:
            runs.append((doc_id, current))
    return runs


def ngrams(toks: pd.DataFrame, n: int = 2, *, drop_stopwords: bool = False, min_count: int = 2) -> pd.DataFrame:
    """Adjacent n-grams of tokens that never cross punctuation: ``ngram, count, doc_freq``.

    ``ngram`` joins the words with a space (``科技创新 推动``).

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
    counts: Counter = Counter()
    docs: dict[str, set] = {}
    for doc_id, run in _runs(toks, drop_stopwords):
        for i in range(len(run) - n + 1):
            gram = " ".join(run[i:i + n])
            counts[gram] += 1
            docs.setdefault(gram, set()).add(doc_id)
    rows = [{"ngram": g, "count": c, "doc_freq": len(docs[g])} for g, c in counts.items() if c >= min_count]
    table = pd.DataFrame(rows, columns=["ngram", "count", "doc_freq"])
    return table.sort_values(["count", "ngram"], ascending=[False, True]).reset_index(drop=True)


def collocates(toks: pd.DataFrame, node: str, *, window: int = 5, min_count: int = 2) -> pd.DataFrame:
    """Words that occur within *window* content words of *node* (not across punctuation).

    Returns ``collocate, cooccurrences, collocate_count, expected, pmi, log_likelihood``,
    sorted by log-likelihood. ``expected`` is the co-occurrence count expected by chance
    (node count × window span × collocate share of all words); PMI = log₂(observed / expected).

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
    runs = _runs(toks, drop_stopwords=True)
    freq: Counter = Counter(t for _, run in runs for t in run)
    total = sum(freq.values())
    co: Counter = Counter()
    for _, run in runs:
        for i, token in enumerate(run):
            if token != node:
                continue
            for j in range(max(0, i - window), min(len(run), i + window + 1)):
                if j != i and run[j] != node:
                    co[run[j]] += 1
    node_count = freq.get(node, 0)
    span = node_count * 2 * window
    rows = []
    for word, o11 in co.items():
        if o11 < min_count:
            continue
        expected = span * freq[word] / total
        # 2×2 table: inside/outside the node's windows × this word/other words
        a, b = o11, max(span - o11, 0)
        c_, d = max(freq[word] - o11, 0), max(total - span - freq[word] + o11, 0)
        ll = _g2(a, c_, a + b, c_ + d) if (a + b) and (c_ + d) else 0.0
        rows.append({
            "collocate": word, "cooccurrences": o11, "collocate_count": freq[word],
            "expected": round(expected, 3), "pmi": round(math.log2(o11 / expected), 3),
            "log_likelihood": round(ll, 3),
        })
    table = pd.DataFrame(rows, columns=["collocate", "cooccurrences", "collocate_count", "expected", "pmi", "log_likelihood"])
    return table.sort_values(["log_likelihood", "collocate"], ascending=[False, True]).reset_index(drop=True)


# ---------------------------------------------------------------- KWIC


def kwic(docs, pattern: str, *, window: int = 15, regex: bool = False, sort_by: str | None = None) -> pd.DataFrame:
    """Keyword in context, on the cleaned text (so a term is found even where the tokenizer
    would split it).

    Returns ``doc_id, left, keyword, right, section, sentence, start, end``; *sort_by* may
    be ``"left"`` (by the words just before the keyword, read right to left, as AntConc's
    L1 sort) or ``"right"``; default: document order.

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
    compiled = re.compile(pattern if regex else re.escape(pattern))
    sents = sentence_table(docs)
    rows = []
    for doc_id, text in iter_docs(docs):
        doc_sents = sents[sents["doc_id"] == doc_id]
        starts = doc_sents["start"].to_numpy()
        for m in compiled.finditer(text):
            if not m.group(0):
                continue
            idx = max(int(np.searchsorted(starts, m.start(), side="right")) - 1, 0)
            sent = doc_sents.iloc[idx] if len(doc_sents) else None
            rows.append({
                "doc_id": doc_id,
                "left": text[max(0, m.start() - window):m.start()].replace("\n", " ⏎ "),
                "keyword": m.group(0),
                "right": text[m.end():m.end() + window].replace("\n", " ⏎ "),
                "section": sent["section"] if sent is not None else "",
                "sentence": sent["text"] if sent is not None else "",
                "start": m.start(), "end": m.end(),
            })
    table = pd.DataFrame(rows, columns=["doc_id", "left", "keyword", "right", "section", "sentence", "start", "end"])
    if sort_by == "left":
        table = table.assign(_k=table["left"].str[::-1]).sort_values(["_k", "doc_id", "start"]).drop(columns="_k")
    elif sort_by == "right":
        table = table.sort_values(["right", "doc_id", "start"])
    elif sort_by is not None:
        raise ValueError("sort_by must be 'left', 'right' or None")
    return table.reset_index(drop=True)


def after_words(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of a KWIC *table* whose keyword follows a word character (a hanzi, letter or digit)
    directly: no punctuation, quotation mark, space or line break (``⏎``) between them. Sorted by
    the left context, these rows show what stands right before the keyword (“工业企业”、“鼓励企业”),
    where the unfiltered table begins with the hits after “。”, “、” or “⏎”. Order kept.

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
    last = table["left"].astype(str).str[-1:]
    return table.loc[last.map(lambda ch: bool(ch) and ch.isalnum()).astype(bool)]


# ---------------------------------------------------------------- dispersion


#: How :func:`positions` and :func:`dispersion` count, as their tables' ``attrs["counting"]`` says.
COUNTING = {"token": "按分词计数：只算分词表里整个是这个词的地方（与词频表一致）",
            "substring": "按字串计数：文字里每一处都算，也算进更长的词里（与 KWIC 一致）"}


def _occurrences(docs, terms: list[str], toks: pd.DataFrame | None):
    """``(doc_id, text, term, starts)`` for every document and term: the offsets of the term in the
    cleaned text, as whole tokens of *toks* when given, else as substrings."""
    by_doc = dict(tuple(toks[toks["token"].isin(terms)].groupby("doc_id"))) if toks is not None else {}
    for doc_id, text in iter_docs(docs):
        for term in terms:
            if toks is None:
                starts = [m.start() for m in re.finditer(re.escape(term), text)]
            else:
                part = by_doc.get(doc_id)
                starts = [] if part is None else part.loc[part["token"] == term, "start"].astype(int).tolist()
            yield doc_id, text, term, starts


def positions(docs, terms: list[str], *, toks: pd.DataFrame | None = None) -> pd.DataFrame:
    """Where each term occurs: ``doc_id, term, start, relative`` (0 = start, 1 = end of the text).

    By default every substring counts (“企业” inside “中小企业” too, as in :func:`kwic`); with
    *toks*, the token table of the same documents, only tokens that are the term count, as in
    the frequency tables. ``attrs["counting"]`` says which (a key of :data:`COUNTING`).

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
    rows = [{"doc_id": doc_id, "term": term, "start": start, "relative": start / max(len(text), 1)}
            for doc_id, text, term, starts in _occurrences(docs, terms, toks) for start in starts]
    table = pd.DataFrame(rows, columns=["doc_id", "term", "start", "relative"])
    table.attrs["counting"] = "substring" if toks is None else "token"
    return table


def dispersion(docs, terms: list[str], *, toks: pd.DataFrame | None = None) -> pd.DataFrame:
    """How evenly each term spreads over the documents: ``term, count, range, dp, dp_norm``.

    ``range`` is the number of documents containing the term; ``dp`` is Gries's deviation of
    proportions (0 = spread exactly in proportion to document sizes, near 1 = all in one
    small part); ``dp_norm`` divides by its maximum, 1 − the smallest document share. Occurrences
    are counted as :func:`positions` counts them (substrings, or tokens of *toks*).

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
    texts = dict(iter_docs(docs))
    sizes = pd.Series({d: len(t) for d, t in texts.items()}, dtype=float)
    shares = sizes / sizes.sum()
    found: dict[str, dict[str, int]] = {}
    for doc_id, _, term, starts in _occurrences(docs, terms, toks):
        found.setdefault(term, {})[doc_id] = len(starts)
    rows = []
    for term in terms:
        counts = pd.Series(found.get(term, {}), dtype=float).reindex(sizes.index, fill_value=0)
        total = counts.sum()
        if total == 0:
            rows.append({"term": term, "count": 0, "range": 0, "dp": np.nan, "dp_norm": np.nan})
            continue
        dp = 0.5 * (counts / total - shares).abs().sum()
        rows.append({
            "term": term, "count": int(total), "range": int((counts > 0).sum()),
            "dp": round(dp, 3), "dp_norm": round(dp / (1 - shares.min()), 3) if len(shares) > 1 else 0.0,
        })
    table = pd.DataFrame(rows, columns=["term", "count", "range", "dp", "dp_norm"])
    table.attrs["counting"] = "substring" if toks is None else "token"
    return table
