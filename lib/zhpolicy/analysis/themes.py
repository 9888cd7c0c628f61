"""Themes, two ways: coding with a codebook (theory-driven) and topic modelling (data-driven);
plus co-word networks, document similarity and reused phrasing.

The codebook is a data file (``zhpolicy/data/codebook.csv``): one theme a row, with ``terms`` (any of
them codes the unit), ``all_of`` (each of these must also occur: an AND rule) and ``none_of``
(these phrases are deleted before matching, so the 地方 in 地方保护 does not count as
regional layout: a NOT rule). Terms are matched as substrings of the cleaned text, so they
work whatever the tokenizer does.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import lru_cache

import numpy as np
import pandas as pd

from ..paths import data_path
from .._docs import iter_docs
from ..reading.structure import document_structure, paragraph_columns
from ..reading.structure import paragraphs as paragraph_table
from .reuse import reused_passages  # noqa: F401 - part of this module's API (lesson 03)

# ---------------------------------------------------------------- the codebook


def _split(cell) -> list[str]:
    return [t.strip() for t in str(cell or "").split("|") if t.strip()]


def read_codebook(path=None) -> pd.DataFrame:
    """Read a codebook CSV (default: the one shipped in ``zhpolicy/data``); list columns hold the terms.

    Taught in lesson 03 (``03_themes.ipynb``)."""
    table = pd.read_csv(path or data_path("codebook.csv"), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    for col in ("terms", "all_of", "none_of"):
        table[col] = table[col].map(_split) if col in table.columns else [[] for _ in range(len(table))]
    if "description" not in table.columns:
        table["description"] = ""
    return table[["theme", "terms", "all_of", "none_of", "description"]]


def theme_hits(text: str, terms: list[str], all_of: list[str] = (), none_of: list[str] = ()) -> int:
    """How often a theme's terms occur in *text* under its rules (0 = not coded).

    NOT: every ``none_of`` phrase is deleted first. AND: each ``all_of`` term must occur,
    else 0. Then the occurrences of all ``terms`` are counted (longest first, without overlap).

    Taught in lesson 03 (``03_themes.ipynb``)."""
    for phrase in none_of:
        text = text.replace(phrase, "□")
    if any(term not in text for term in all_of):
        return 0
    if not terms:
        return 0
    return len(_terms_pattern(tuple(terms)).findall(text))


@lru_cache(maxsize=256)
def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern:
    """One regex for a theme's terms, longest first (built once per codebook row)."""
    return re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)))


def theme_units(docs, *, min_chars: int = 20) -> pd.DataFrame:
    """Paragraph units for coding and topic modelling: paragraphs with at least *min_chars*
    characters (titles, front matter and signatures left out), each with its doc, section and
    offsets, its top-level section (``top_section``: ``"2"`` for a paragraph in 2.1) and that
    section's heading (``top_section_title``: 工作安排 for a paragraph under （一）企业自评 in 二、工作安排).

    Taught in lesson 03 (``03_themes.ipynb``)."""
    rows = [row for doc_id, text in iter_docs(docs) for row in document_structure(doc_id, text).paragraphs]
    kept = [row for row in rows if row["kind"] not in _NOT_UNITS and len(row["text"]) >= min_chars]
    if not kept:  # the empty table with the paragraph table's column types
        paras = paragraph_table(docs)
        units = paras[paras["kind"].isin([])].reset_index(drop=True)
    else:  # the rows kept, made into a table once (not the whole paragraph table, then filtered)
        units = pd.DataFrame(kept, columns=paragraph_columns())
    units["top_section"] = pd.Series([row["section"].split(".")[0] for row in kept], dtype=object)
    titles: dict[tuple[str, str], str] = {}
    for row in rows:  # a section's heading line: its first paragraph
        if row["section"]:
            titles.setdefault((row["doc_id"], row["section"]), row["section_title"])
    units["top_section_title"] = [titles.get((d, s), "") for d, s in zip(units["doc_id"], units["top_section"])]
    return units


#: Paragraph kinds that are never coding units.
_NOT_UNITS = frozenset(["title", "front", "meta", "signature"])


def code_units(units: pd.DataFrame, codebook: pd.DataFrame | None = None) -> pd.DataFrame:
    """A unit × theme table of hit counts (0 = the unit is not coded with the theme).

    *units* needs a ``text`` column (e.g. from :func:`theme_units`); its other columns are kept.

    Taught in lesson 03 (``03_themes.ipynb``)."""
    codebook = read_codebook() if codebook is None else codebook
    coded = units.copy()
    texts = units["text"].tolist()
    joined = _joined_units(texts)
    starts = _unit_starts(joined, len(texts)) if joined is not None else None
    for rule in codebook.itertuples():
        counts = (_rule_counts(joined, starts, rule.terms, rule.all_of, rule.none_of) if joined is not None
                  else None)
        coded[rule.theme] = counts if counts is not None else [theme_hits(t, rule.terms, rule.all_of, rule.none_of)
                                                               for t in texts]
    return coded


#: Joins the units of :func:`code_units` into one text (a unit is one paragraph: never holds it).
_UNIT_SEP = "\n"


def _joined_units(texts: list) -> str | None:
    """The units' texts joined by :data:`_UNIT_SEP`, or None when a text is not a string or holds it."""
    if not texts or not all(isinstance(t, str) for t in texts):
        return None
    joined = _UNIT_SEP.join(texts)
    return joined if joined.count(_UNIT_SEP) == len(texts) - 1 else None


def _rule_counts(joined: str, starts: np.ndarray, terms, all_of, none_of) -> np.ndarray | None:
    """:func:`theme_hits` of every unit of *joined* (see :func:`_joined_units`; *starts*: where each
    unit starts) at once, in C: the same deletions, AND test and count, none of which can reach
    across a unit's end, as no term or phrase holds :data:`_UNIT_SEP`. None when one does (or is
    empty): count unit by unit then."""
    words = [*terms, *all_of, *none_of]
    if any(not isinstance(w, str) or not w or _UNIT_SEP in w for w in words):
        return None
    n = len(starts)
    size = len(joined)
    for phrase in none_of:
        joined = joined.replace(phrase, "□")
    if not terms:
        return np.zeros(n, dtype=np.int64)
    if len(joined) != size:  # a deleted phrase of several characters moved the units
        starts = _unit_starts(joined, n)
    counts = _unit_counts(_terms_pattern(tuple(terms)), joined, starts, n)
    for term in all_of:
        counts[_unit_counts(re.compile(re.escape(term)), joined, starts, n) == 0] = 0
    return counts


def _unit_starts(joined: str, n: int) -> np.ndarray:
    """Where each unit of *joined* starts."""
    if n == 1:
        return np.zeros(1, dtype=np.int64)
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return np.concatenate([[0], np.flatnonzero(codes == ord(_UNIT_SEP)) + 1])


def _unit_counts(pattern: re.Pattern, joined: str, starts: np.ndarray, n: int) -> np.ndarray:
    """How many (non-overlapping) matches of *pattern* each unit of *joined* holds."""
    found = np.array([m.start() for m in pattern.finditer(joined)], dtype=np.int64)
    return np.bincount(np.searchsorted(starts, found, side="right") - 1, minlength=n).astype(np.int64)


def theme_summary(coded: pd.DataFrame, codebook: pd.DataFrame | None = None, by: str | list = "doc_id",
                  measure: str = "share") -> pd.DataFrame:
    """Summarise coded units by document (or section): ``share`` of units coded with each theme
    (0–1), or ``per_10k`` theme hits per 10,000 characters.

    Taught in lesson 03 (``03_themes.ipynb``)."""
    codebook = read_codebook() if codebook is None else codebook
    themes = list(codebook["theme"])
    groups = coded.groupby(by, sort=True)
    if measure == "share":
        return groups[themes].apply(lambda g: (g > 0).mean()).round(3)
    if measure == "per_10k":
        chars = coded["text"].str.len().astype(float).groupby([coded[b] for b in ([by] if isinstance(by, str) else by)],
                                                              sort=True).sum()
        return groups[themes].sum().astype(float).div(chars, axis=0).mul(10_000).round(1)
    raise ValueError("measure must be 'share' or 'per_10k'")


def cell_units(coded: pd.DataFrame, doc_id: str, theme: str) -> pd.DataFrame:
    """The units behind one cell of :func:`theme_summary`'s document × theme table (lesson 03's heatmap;
    the explorer lists them when the cell is clicked): the units of *doc_id* coded with *theme*, as
    ``doc_id, section, text, hits`` (the theme's hits in the unit). Their number over the document's
    units is the cell's share."""
    rows = coded[(coded["doc_id"] == doc_id) & (coded[theme] > 0)]
    return rows[["doc_id", "section", "text", theme]].rename(columns={theme: "hits"}).reset_index(drop=True)


# ---------------------------------------------------------------- topic models


def _unit_tokens(units: pd.DataFrame) -> list[list[str]]:
    from .terms import content_tokens
    from .tokenize import tokens

    if not len(units):
        return []
    docs = {str(i): t for i, t in enumerate(units["text"])}
    toks = content_tokens(tokens(docs), min_chars=2)
    grouped = toks.groupby("doc_id", sort=False)["token"].apply(list)
    return [grouped.get(str(i), []) for i in range(len(units))]


#: Default word filter of :func:`topic_model` (and :func:`compare_k`): a word must be in at least
#: ``MIN_DF`` units and in at most ``MAX_DF`` of them.
MIN_DF, MAX_DF = 2, 0.5


def topic_model(units: pd.DataFrame, k: int = 6, *, seed: int = 0, min_df: int = MIN_DF, max_df: float = MAX_DF,
                top: int = 10, init: str = "nndsvda"):
    """Non-negative matrix factorisation (scikit-learn NMF) of the units' TF-IDF vectors.

    Words in fewer than *min_df* units or in more than *max_df* of them (the topic words every
    paragraph shares, such as 科技创新) are left out. Returns ``(topics, weights)``: ``topics``
    has one row per topic with its ``top_terms``; ``weights`` is the unit × topic table (rows
    normalised to sum 1) with the unit's ``doc_id`` and ``top_topic``. With the default
    ``init="nndsvda"`` the result does not depend on *seed* at all; ``init="random"`` starts
    from random numbers drawn with *seed*.

    Taught in lesson 03 (``03_themes.ipynb``)."""
    prepared = _tfidf(_unit_tokens(units), min_df, max_df)
    if prepared is None:
        return _no_topics(units)
    return _fit_topics(units, *prepared, k, seed=seed, top=top, init=init)


def _tfidf(docs: list[list[str]], min_df: int, max_df: float):
    """``(matrix, vocab)``: the TF-IDF vectors of the token lists *docs* and their words (see
    :func:`topic_model` for *min_df* and *max_df*), or None when there is nothing to model."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(docs) * max_df < min_df or len(docs) < 4:
        min_df, max_df = 1, 1.0  # a tiny corpus: keep every word
    if len(docs) < 2 or sum(map(len, docs)) == 0:
        return None
    vectorizer = TfidfVectorizer(analyzer=lambda words: words, min_df=min_df, max_df=max_df)
    try:
        matrix = vectorizer.fit_transform(docs)
    except ValueError:  # every word was left out: nothing to model
        return None
    return matrix, np.array(vectorizer.get_feature_names_out())


def _fit_topics(units: pd.DataFrame, matrix, vocab, k: int, *, seed: int, top: int, init: str):
    """The ``(topics, weights)`` of :func:`topic_model` for the TF-IDF *matrix* of *units*."""
    from sklearn.decomposition import NMF

    k = max(1, min(k, *matrix.shape))  # NMF cannot find more topics than units or words
    model = NMF(n_components=k, init=init, random_state=seed, max_iter=2000)
    w = model.fit_transform(matrix)
    rows = []
    for i, comp in enumerate(model.components_):
        order = np.lexsort((vocab, -comp))[:top]
        rows.append({"topic": f"T{i + 1}", "top_terms": " ".join(vocab[order]), "weight": round(float(w[:, i].sum()), 3)})
    topics = pd.DataFrame(rows)
    sums = w.sum(axis=1, keepdims=True)
    shares = np.divide(w, sums, out=np.zeros_like(w), where=sums > 0)
    weights = pd.DataFrame(shares.round(4), columns=topics["topic"])
    weights.insert(0, "doc_id", units["doc_id"].values)
    weights["top_topic"] = np.where(sums[:, 0] > 0, weights[list(topics["topic"])].idxmax(axis=1), "")
    model_terms = pd.DataFrame(model.components_, columns=vocab, index=topics["topic"])
    topics.attrs["components"] = model_terms
    return topics, weights


def _no_topics(units: pd.DataFrame):
    """The empty result of :func:`topic_model` when there is too little text (fewer than two
    units, or no word left): no topics, and a weights table with no topic columns."""
    topics = pd.DataFrame(columns=["topic", "top_terms", "weight"])
    topics.attrs["components"] = pd.DataFrame()
    weights = pd.DataFrame({"doc_id": units["doc_id"].values if len(units) else [], "top_topic": ""})
    return topics, weights


def topic_labels(topics: pd.DataFrame, words: int = 3) -> pd.Series:
    """Readable names for the topics of :func:`topic_model`: ``T1 产业链·领域·产业`` (the topic
    number and its first *words* top terms), indexed by topic.

    Taught in lesson 03 (``03_themes.ipynb``)."""
    return pd.Series(
        [f"{t} {'·'.join(str(terms).split()[:words])}" for t, terms in zip(topics["topic"], topics["top_terms"])],
        index=topics["topic"].values, dtype=object,
    )


def _umass(top_terms: list[str], docs: list[set]) -> float:
    """UMass coherence of one topic's top terms over the units (higher = terms co-occur more)."""
    score, pairs = 0.0, 0
    for i in range(1, len(top_terms)):
        for j in range(i):
            both = sum(1 for d in docs if top_terms[i] in d and top_terms[j] in d)
            alone = sum(1 for d in docs if top_terms[j] in d)
            if alone:
                score += np.log((both + 1) / alone)
                pairs += 1
    return score / pairs if pairs else 0.0


def compare_k(units: pd.DataFrame, ks=range(3, 9), seeds=(0, 1, 2), top: int = 10) -> pd.DataFrame:
    """For each number of topics k: mean UMass ``coherence`` of the topics of the default model,
    and ``stability`` — how alike the topics are when NMF starts from different random points
    (``init="random"`` with each of *seeds*; mean cosine similarity of each topic to its best
    match in another run; 1 = identical). Topics that change with the starting point should
    not be over-interpreted.

    Taught in lesson 03 (``03_themes.ipynb``)."""
    words = _unit_tokens(units)  # segmented once, for every model below
    docs = [set(d) for d in words]
    prepared = _tfidf(words, MIN_DF, MAX_DF)
    rows = []
    ks = [k for k in ks if k <= max(len(units) - 1, 1)] if len(units) >= 4 and prepared is not None else []
    for k in ks:
        base = _fit_topics(units, *prepared, k, seed=0, top=top, init="nndsvda")[0]
        if base.empty:
            continue
        runs = [_fit_topics(units, *prepared, k, seed=s, top=top, init="random")[0] for s in seeds]
        coherence = np.mean([_umass(t.split(), docs) for t in base["top_terms"]])
        sims = []
        for a, b in itertools.combinations(runs, 2):
            ca, cb = a.attrs["components"], b.attrs["components"]
            ca, cb = ca.div(np.linalg.norm(ca, axis=1), axis=0), cb.div(np.linalg.norm(cb, axis=1), axis=0)
            sims.append(float((ca.values @ cb.values.T).max(axis=1).mean()))
        rows.append({"k": k, "coherence": round(float(coherence), 3), "stability": round(float(np.mean(sims)), 3) if sims else 1.0})
    return pd.DataFrame(rows, columns=["k", "coherence", "stability"])


# ---------------------------------------------------------------- co-word network


def cooccurrence_network(docs, *, top_terms: int = 40, max_edges: int = 60, min_cooccurrence: int = 2,
                         max_share: float = 0.15):
    """A co-word network, as KH Coder draws it: the *top_terms* words found in the most
    sentences, leaving out words found in more than *max_share* of all sentences (the topic
    words, such as 科技创新, that co-occur with everything); for each pair, the Jaccard coefficient of the sentences containing them
    (co-occurrences ÷ sentences with either); the *max_edges* strongest pairs (seen together at
    least *min_cooccurrence* times) become edges. Nodes carry ``freq`` (sentences),
    ``community`` (Louvain, fixed seed), ``degree_centrality`` and ``betweenness``.

    Taught in lesson 03 (``03_themes.ipynb``)."""
    import networkx as nx

    from ..reading.structure import sentences

    sents = sentences(docs)
    sents = sents[sents["text"].str.len() >= 4].reset_index(drop=True)
    bags = [set(d) for d in _unit_tokens(sents)]
    df = Counter(t for d in bags for t in d)
    common = {t for t, n in df.items() if n > max_share * len(bags)}
    vocab = [t for t, _ in sorted(df.items(), key=lambda kv: (-kv[1], kv[0])) if t not in common][:top_terms]
    keep = set(vocab)
    pairs: Counter = Counter()
    for d in bags:
        pairs.update(itertools.combinations(sorted(t for t in d if t in keep), 2))
    scored = sorted(
        ((round(w / (df[a] + df[b] - w), 4), a, b, w) for (a, b), w in pairs.items() if w >= min_cooccurrence),
        key=lambda x: (-x[0], x[1], x[2]),
    )[:max_edges]
    graph = nx.Graph()
    for jaccard, a, b, w in sorted(scored, key=lambda x: (x[1], x[2])):
        graph.add_edge(a, b, jaccard=jaccard, weight=w)
    for n in graph.nodes:
        graph.nodes[n]["freq"] = df[n]
    communities = nx.community.louvain_communities(graph, weight="jaccard", seed=0) if graph.number_of_edges() else []
    ordered = sorted((sorted(c) for c in communities), key=lambda c: (-len(c), c))
    for i, members in enumerate(ordered):
        for n in members:
            graph.nodes[n]["community"] = i + 1
    for n, v in nx.degree_centrality(graph).items():
        graph.nodes[n]["degree_centrality"] = round(v, 3)
    for n, v in nx.betweenness_centrality(graph).items():
        graph.nodes[n]["betweenness"] = round(v, 3)
    return graph


def network_table(graph) -> pd.DataFrame:
    """The nodes of a co-word network as a table: ``term, freq, community, degree, degree_centrality, betweenness``.

    Taught in lesson 03 (``03_themes.ipynb``)."""
    rows = [{"term": n, "freq": d.get("freq", 0), "community": d.get("community", 0), "degree": graph.degree(n),
             "degree_centrality": d.get("degree_centrality", 0.0), "betweenness": d.get("betweenness", 0.0)}
            for n, d in graph.nodes(data=True)]
    table = pd.DataFrame(rows, columns=["term", "freq", "community", "degree", "degree_centrality", "betweenness"])
    return table.sort_values(["community", "degree", "term"], ascending=[True, False, True]).reset_index(drop=True)


# ---------------------------------------------------------------- similarity and reuse


def document_similarity(toks: pd.DataFrame) -> pd.DataFrame:
    """Cosine similarity of the documents' TF-IDF vectors (content words): a doc × doc table.

    Taught in lesson 03 (``03_themes.ipynb``)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    from .terms import content_tokens

    content = content_tokens(toks, min_chars=2)
    grouped = content.groupby("doc_id", sort=True)["token"].apply(list)
    matrix = TfidfVectorizer(analyzer=lambda words: words).fit_transform(list(grouped))
    return pd.DataFrame(cosine_similarity(matrix).round(3), index=grouped.index, columns=grouped.index)


# ---------------------------------------------------------------- combining the two routes


def section_themes(coded: pd.DataFrame, codebook: pd.DataFrame | None = None, top: int = 2) -> pd.DataFrame:
    """For each top-level section of each document: its heading and its *top* themes by hits
    per 10,000 characters (from :func:`code_units` on :func:`theme_units`).

    Taught in lesson 03 (``03_themes.ipynb``)."""
    codebook = read_codebook() if codebook is None else codebook
    table = theme_summary(coded, codebook, by=["doc_id", "top_section"], measure="per_10k")
    rows = []
    for (doc_id, section), values in table.iterrows():
        best = values[values > 0].sort_values(ascending=False, kind="stable").head(top)
        rows.append({"doc_id": doc_id, "section": section, "themes": "、".join(best.index), "per_10k": "、".join(f"{v:g}" for v in best)})
    out = pd.DataFrame(rows, columns=["doc_id", "section", "themes", "per_10k"])
    title = "top_section_title" if "top_section_title" in coded.columns else "section_title"  # units made before it existed
    heads = coded.drop_duplicates(["doc_id", "top_section"])[["doc_id", "top_section", title]]
    heads = heads.rename(columns={"top_section": "section", title: "section_title"})
    out = out.merge(heads, on=["doc_id", "section"], how="left")
    out["heading"] = out.apply(lambda r: "（导语）" if not r["section"] else r["section_title"], axis=1)
    return out[["doc_id", "section", "heading", "themes", "per_10k"]]


def topics_vs_codebook(weights: pd.DataFrame, coded: pd.DataFrame, codebook: pd.DataFrame | None = None) -> pd.DataFrame:
    """Where the two routes agree: for the units whose main topic is T, the share coded with
    each codebook theme (topic × theme). A topic whose units share one theme matches it.

    Taught in lesson 03 (``03_themes.ipynb``)."""
    codebook = read_codebook() if codebook is None else codebook
    themes_list = list(codebook["theme"])
    if "top_topic" not in weights.columns or not len(coded):
        return pd.DataFrame(columns=themes_list, dtype=float)
    joined = coded[themes_list].gt(0).assign(top_topic=weights["top_topic"].values)
    joined = joined[joined["top_topic"] != ""]
    return joined.groupby("top_topic")[themes_list].mean().round(2)
