"""Policy instruments coded by rules: the data files, clauses, codes and their summaries (see the
package's documentation)."""


from __future__ import annotations

from bisect import bisect_left

import numpy as np
import pandas as pd

from ...paths import data_path
from ...reading.structure import paragraphs as paragraph_table
from ...reading.structure import sentences as sentence_table
from ...analysis.themes import _terms_pattern, read_codebook

TYPES = ("供给型", "环境型", "需求型")
#: label used in every dimension for "no code" (also what a coder writes for a non-measure)
NONE = "无"
#: the dimensions a coding sheet has, in order
DIMENSIONS = ("measure", "type", "subtype", "stage", "intensity")
MIN_CLAUSE_CHARS = 6

# ---------------------------------------------------------------- data files


def _extra_columns(path, columns: list[str]) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")[columns]


def read_instrument_codebook(path=None) -> pd.DataFrame:
    """The instrument codebook: ``type, subtype, terms, all_of, none_of, description`` (list columns
    hold the cue words). Parsed by :func:`zhpolicy.analysis.themes.read_codebook`, so ``all_of`` is an AND
    rule and ``none_of`` a NOT rule exactly as in lesson 03.

    Taught in lesson 06 (``06_policy_instruments.ipynb``)."""
    path = path or data_path("instrument_codebook.csv")
    table = read_codebook(path)
    table.insert(0, "type", _extra_columns(path, ["type"])["type"].values)
    return table.rename(columns={"theme": "subtype"})


def read_stages(path=None) -> pd.DataFrame:
    """The innovation-chain stages: ``stage, terms, all_of, none_of, description``.

    Taught in lesson 06 (``06_policy_instruments.ipynb``)."""
    return read_codebook(path or data_path("innovation_stages.csv")).rename(columns={"theme": "stage"})


def read_intensity(path=None) -> pd.DataFrame:
    """The intensity tiers: ``tier`` (4 strongest … 1 weakest), ``checked`` (the order in which a clause
    is checked: 4, 3, then the hedges of tier 1, which qualify the verb after them as in 探索建立, then 2),
    ``label``, ``terms``, ``none_of``, ``description``; rows in ``checked`` order.

    Taught in lesson 06 (``06_policy_instruments.ipynb``)."""
    path = path or data_path("intensity.csv")
    table = read_codebook(path).rename(columns={"theme": "label"})
    extra = _extra_columns(path, ["tier", "checked"]).astype(int)
    table.insert(0, "tier", extra["tier"].values)
    table.insert(1, "checked", extra["checked"].values)
    return table.sort_values("checked", kind="stable").reset_index(drop=True)


def read_narrative_cues(path=None) -> pd.DataFrame:
    """Cue words of background and significance sentences: ``kind, terms, all_of, none_of, description``."""
    return read_codebook(path or data_path("narrative_cues.csv")).rename(columns={"theme": "kind"})


def fired_cues(text: str, terms, all_of=(), none_of=()) -> list[str]:
    """The cue words of one rule that occur in *text* under its AND/NOT rules, in order of first
    occurrence. Matching is the one :func:`zhpolicy.analysis.themes.theme_hits` counts (longest cue first,
    no overlaps), so 示范 inside 示范区 is not listed unless it also occurs on its own."""
    return _rule_matches(text, tuple(terms), tuple(all_of), tuple(none_of))[1]


def _rule_matches(text: str, terms: tuple, all_of: tuple, none_of: tuple) -> tuple[int, list[str]]:
    """``(hits, cues)`` of one rule in *text*: :func:`~zhpolicy.analysis.themes.theme_hits`'s count and
    the distinct cue words matched, in order of first occurrence, in one pass (``(0, [])`` when it
    does not fire)."""
    for phrase in none_of:
        text = text.replace(phrase, "□")
    if not terms or any(term not in text for term in all_of):
        return 0, []
    found = _terms_pattern(terms).findall(text)
    return len(found), list(dict.fromkeys(found))


class _Rules:
    """A rule table (a codebook read by :func:`~zhpolicy.analysis.themes.read_codebook`) prepared once
    for coding many clauses: its rows as tuples, and which rules each cue word belongs to, so a clause
    is matched only against the rules one of whose cue words it contains (a rule cannot fire
    otherwise: deleting its ``none_of`` phrases never creates a cue word, none holding □). The cue
    words a clause contains are found in one pass with an Aho-Corasick automaton (``ahocorasick-rs``, as
    the chains' cue pass), or, without it, by looking for each word in blocks of clauses."""

    #: Clauses checked together against the cue words first (their text joined), without the automaton.
    BLOCK = 64

    def __init__(self, table: pd.DataFrame, *labels: str):
        self.labels = labels
        self.rows = [(tuple(t), tuple(a), tuple(n), *values) for t, a, n, *values in
                     zip(table["terms"], table["all_of"], table["none_of"], *(table[c] for c in labels))]
        self.owners: dict[str, list[int]] = {}
        self.always: list[int] = []
        for i, (terms, *_rest) in enumerate(self.rows):
            if any("□" in t for t in terms):
                self.always.append(i)
            for term in terms:
                self.owners.setdefault(term, []).append(i)
        self.words = list(self.owners)
        try:
            import ahocorasick_rs

            self.automaton = ahocorasick_rs.AhoCorasick(self.words) if self.words else None
        except ImportError:  # pragma: no cover - a dependency; the blocks do the same job
            self.automaton = None

    def _present(self, texts: list[str]):
        """For each text, the cue words it contains (each rule whose word it is may fire)."""
        if self.automaton is not None:
            for text in texts:
                yield {self.words[i] for i, _, _ in self.automaton.find_matches_as_indexes(text, overlapping=True)}
            return
        for begin in range(0, len(texts), self.BLOCK):
            block = texts[begin:begin + self.BLOCK]
            joined = "\x00".join(block)
            present = [t for t in self.words if t in joined]
            for text in block:
                yield [t for t in present if t in text]

    def fired(self, texts) -> list[list[tuple[int, int, list[str]]]]:
        """For each text, the rules that fire, in table order: ``(row, hits, cues)``."""
        texts = list(texts)
        out = []
        for text, present in zip(texts, self._present(texts)):
            candidates = set(self.always)
            for term in present:
                candidates.update(self.owners[term])
            found = []
            for i in sorted(candidates):
                terms, all_of, none_of = self.rows[i][:3]
                hits, cues = _rule_matches(text, terms, all_of, none_of)
                if hits:
                    found.append((i, hits, cues))
            out.append(found)
        return out


# ---------------------------------------------------------------- clauses


def _point_starts(paras: pd.DataFrame) -> dict[str, set[int]]:
    """Offsets where an in-paragraph enumeration marker (一是, 其一, 首先, 第一 …) begins, per document
    (found by :mod:`zhpolicy.reading.structure`'s enumeration rules, in body paragraphs and in paragraphs
    that open with a heading alike)."""
    from ...reading.structure import _points

    starts: dict[str, set[int]] = {}
    rows = paras[paras["kind"].isin(["body", "item", "heading"])]
    for doc_id, text, start in zip(rows["doc_id"], rows["text"], rows["start"]):
        for marker, pos, _heading in _points(text):
            at = text.rfind(marker, 0, pos)
            if at >= 0:
                starts.setdefault(doc_id, set()).add(start + at)
    return starts


def _section_paths(docs) -> dict[tuple[str, int], str]:
    """(doc_id, para_id) → the headings above the paragraph, outermost first, joined by " > "."""
    from ...reading.structure import outline as outline_table

    heads = outline_table(docs)
    heads = heads[heads["kind"].isin(["heading", "lead"])]
    paths: dict[tuple[str, int], str] = {}
    for doc_id, rows in heads.groupby("doc_id", sort=False):
        stack: list[tuple[int, str]] = []
        rows = rows.sort_values("para_id", kind="stable")
        for para_id, level, heading in zip(rows["para_id"], rows["level"], rows["heading"]):
            stack = [(lvl, h) for lvl, h in stack if lvl < level] + [(level, heading)]
            paths[(doc_id, para_id)] = " > ".join(h for _, h in stack)
    return paths


def policy_clauses(docs, *, min_chars: int = MIN_CLAUSE_CHARS) -> pd.DataFrame:
    """One row per clause of the body text: ``clause_id, doc_id, para_id, section, section_title,
    section_path, start, end, marker, text, narrative_cue, tier, is_measure``.

    Clauses are the sentences of :func:`zhpolicy.reading.structure.sentences`, cut again where an
    enumeration (一是/二是 …) begins inside a sentence. Titles, bylines, 摘要/关键词 and heading
    lines are left out (a heading repeats the measures under it). ``narrative_cue`` names the
    background/significance cue that fired; ``tier`` is the clause's policy intensity (0–4).
    ``section_path`` lists the headings above the clause (``二、重点任务 > （一）加大投入`` is shown
    as ``重点任务 > 加大投入``). ``is_measure`` is True when the clause uses a directive word (tier ≥ 1 of ``intensity.csv``)
    and no narrative cue (a tier-4 word such as 必须 overrides a narrative cue).

    Taught in lesson 06 (``06_policy_instruments.ipynb``)."""
    paras = paragraph_table(docs)
    sents = sentence_table(docs)
    columns = ["clause_id", "doc_id", "para_id", "section", "section_title", "section_path", "start", "end",
               "marker", "text", "narrative_cue", "tier", "is_measure"]
    if sents.empty:
        return pd.DataFrame(columns=columns)
    kind = dict(zip(zip(paras["doc_id"], paras["para_id"]), paras["kind"]))
    sents = sents.assign(kind=[kind.get((d, p), "body") for d, p in zip(sents["doc_id"], sents["para_id"])])
    first = sents.groupby(["doc_id", "para_id"])["sent_id"].transform("min") == sents["sent_id"]
    keep = sents["kind"].isin(["body", "item"]) | ((sents["kind"] == "heading") & ~first)
    sents = sents[keep]
    starts = _point_starts(paras)
    heads = _section_paths(docs)
    last_head: dict[str, str] = {}
    path_of: dict[tuple[str, int], str] = {}
    for d, p in zip(paras["doc_id"], paras["para_id"]):
        last_head[d] = heads.get((d, p), last_head.get(d, ""))
        path_of[(d, p)] = last_head[d]
    ordered = {doc_id: sorted(points) for doc_id, points in starts.items()}
    rows = []
    for doc_id, para_id, section, section_title, s_start, s_end, s_text in zip(
            sents["doc_id"], sents["para_id"], sents["section"], sents["section_title"], sents["start"], sents["end"],
            sents["text"]):
        points = ordered.get(doc_id, ())
        cuts = points[bisect_left(points, s_start):bisect_left(points, s_end)]
        bounds = sorted(set([s_start, *cuts, s_end]))
        for a, b in zip(bounds[:-1], bounds[1:]):
            piece = s_text[a - s_start:b - s_start]
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if len(piece) < min_chars:
                continue
            marker = next((m for m in _MARKERS if piece.startswith(m)), "") if a + lead in starts.get(doc_id, ()) else ""
            rows.append({"doc_id": doc_id, "para_id": para_id, "section": section,
                         "section_title": section_title, "section_path": path_of.get((doc_id, para_id), ""),
                         "start": a + lead, "end": a + lead + len(piece),
                         "marker": marker, "text": piece})
    clauses = pd.DataFrame(rows, columns=columns[1:10])
    clauses.insert(0, "clause_id", clause_ids(clauses["doc_id"], clauses["start"]))
    clauses["narrative_cue"] = ["、".join(c for _, _, cues in fired for c in cues)
                                for fired in _Rules(read_narrative_cues()).fired(clauses["text"])]
    tiers = clause_intensity(clauses)
    clauses["tier"] = tiers["tier"].values
    clauses["is_measure"] = (clauses["tier"] >= 1) & ((clauses["narrative_cue"] == "") | (clauses["tier"] >= 4))
    return clauses


def clause_ids(doc_ids, starts) -> list[str]:
    """Clause ids ``<document>:<offset>``, short enough for a coding sheet: the first 12 characters of the
    doc_id, or the whole doc_id where two documents share those 12 (``national_gwr_2023`` and
    ``national_gwr_2024``), so that no two clauses of a corpus have the same id."""
    doc_ids = list(doc_ids)
    owners: dict[str, set[str]] = {}
    for doc_id in doc_ids:
        owners.setdefault(doc_id[:12], set()).add(doc_id)
    return [f"{d[:12] if len(owners[d[:12]]) == 1 else d}:{a}" for d, a in zip(doc_ids, starts)]


_MARKERS = [f"{n}是" for n in "一二三四五六七八九十"] + [f"其{n}" for n in "一二三四五六七八九十"] + \
    ["首先", "其次", "再次", "最后"] + [f"第{n}" for n in "一二三四五六七八九十"]


# ---------------------------------------------------------------- coding


def _long_hits(clauses: pd.DataFrame, rules: pd.DataFrame, label: str, extra: str | None = None,
               fired: list | None = None) -> pd.DataFrame:
    prepared = _Rules(rules, label, *([extra] if extra else []))
    fired = prepared.fired(clauses["text"]) if fired is None else fired
    rows = []
    for cid, text, found in zip(clauses["clause_id"], clauses["text"], fired):
        for order, hits, cues in found:
            values = prepared.rows[order][3:]
            row = {"clause_id": cid, label: values[0], "cue": "、".join(cues), "hits": hits,
                   "first": _first_offset(text, cues), "order": order}
            if extra:
                row = {extra: values[1], **row}
            rows.append(row)
    cols = ["clause_id"] + ([extra] if extra else []) + [label, "cue", "hits", "first", "order"]
    return pd.DataFrame(rows, columns=cols)


def _first_offset(text: str, cues: list[str]) -> int:
    """Where the first of *cues* occurs in *text*."""
    return min(text.find(c) for c in cues)


def instrument_hits(clauses: pd.DataFrame, codebook: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per clause × instrument subtype that fired: ``clause_id, type, subtype, cue, hits,
    first, order`` (``cue`` lists the cue words found; ``first`` is the offset of the first one in
    the clause; ``order`` the row of the codebook)."""
    codebook = read_instrument_codebook() if codebook is None else codebook
    hits = _long_hits(clauses, codebook, "subtype", extra="type")
    return hits[["clause_id", "type", "subtype", "cue", "hits", "first", "order"]]


def stage_hits(clauses: pd.DataFrame, stages: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per clause × innovation-chain stage that fired: ``clause_id, stage, cue, hits, first, order``."""
    return _long_hits(clauses, read_stages() if stages is None else stages, "stage")


def clause_intensity(clauses: pd.DataFrame, tiers: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per clause: ``clause_id, tier`` (0–4; the first tier, in the file's ``checked`` order, whose
    word occurs: the strongest one, except that a hedge of tier 1 (探索, 试点, 有条件的…) wins over
    tier 2; 0 = none), ``intensity_word`` (the words of that tier found)."""
    tiers = read_intensity() if tiers is None else tiers
    prepared = _Rules(tiers, "tier")
    rows = []
    for cid, fired in zip(clauses["clause_id"], prepared.fired(clauses["text"])):
        tier, words = 0, ""
        if fired:  # the first rule in "checked" order
            order, _, cues = fired[0]
            tier, words = int(prepared.rows[order][3]), "、".join(cues)
        rows.append({"clause_id": cid, "tier": tier, "intensity_word": words})
    return pd.DataFrame(rows, columns=["clause_id", "tier", "intensity_word"])


def _primary(text: str, fired: list[tuple[int, int, list[str]]]) -> int | None:
    """One rule per clause: most cue hits, then the cue met first, then codebook order (None when none fired)."""
    if not fired:
        return None
    return min(fired, key=lambda f: (-f[1], _first_offset(text, f[2]), f[0]))[0]


FULL_CHAIN = "全链条/生态"


def code_clauses(clauses: pd.DataFrame, codebook: pd.DataFrame | None = None,
                 stages: pd.DataFrame | None = None) -> pd.DataFrame:
    """The rule coding, one row per clause (the columns of *clauses*, plus):

    * ``measure`` 是/否 (from ``is_measure``);
    * ``types``, ``subtypes``, ``stages``: every code that fired, joined by ``|``;
      ``cues``: ``subtype: cue words`` for each instrument code;
    * ``type``, ``subtype``, ``stage``: one label per dimension for agreement (the code with the
      most cue hits, then the one mentioned first; a clause with ≥ 3 stages is 全链条/生态;
      ``无`` when nothing fired or the clause is not a measure);
    * ``intensity``: the tier (0–4; 0 for a non-measure), ``intensity_word``.

    Taught in lesson 06 (``06_policy_instruments.ipynb``).
    """
    out = clauses.copy()
    if out.empty:
        for col in ("measure", "types", "subtypes", "cues", "stages", "type", "subtype", "stage", "intensity_word"):
            out[col] = pd.Series(dtype=str)
        out["intensity"] = pd.Series(dtype=int)
        return out
    codebook = read_instrument_codebook() if codebook is None else codebook
    book = _Rules(codebook, "subtype", "type")
    chain = _Rules(read_stages() if stages is None else stages, "stage")
    texts = list(out["text"])
    measures = out["is_measure"].astype(bool).to_numpy()
    coded = [t for t, m in zip(texts, measures) if m]  # a non-measure carries no codes
    inst_fired, stage_fired = iter(book.fired(coded)), iter(chain.fired(coded))
    coding = {"types": [], "subtypes": [], "cues": [], "stages": [], "type": [], "subtype": [], "stage": []}
    for text, is_measure in zip(texts, measures):
        inst, stg = (next(inst_fired), next(stage_fired)) if is_measure else ([], [])
        subtypes = [book.rows[i][3] for i, _, _ in inst]
        coding["types"].append(_joined(book.rows[i][4] for i, _, _ in inst))
        coding["subtypes"].append(_joined(subtypes))
        coding["cues"].append("；".join(f"{name}：{'、'.join(cues)}" for name, (_, _, cues) in zip(subtypes, inst)))
        coding["stages"].append(_joined(chain.rows[i][3] for i, _, _ in stg))
        best = _primary(text, inst)
        coding["type"].append(book.rows[best][4] if best is not None else NONE)
        coding["subtype"].append(book.rows[best][3] if best is not None else NONE)
        best = _primary(text, stg)
        coding["stage"].append(chain.rows[best][3] if best is not None else NONE)
    out["measure"] = np.where(out["is_measure"].astype(bool), "是", "否")
    for col in ("types", "subtypes", "stages", "cues", "type", "subtype"):
        out[col] = coding[col]
    stage = coding["stage"]
    many = out["stages"].str.split("|").map(lambda s: len([x for x in s if x and x != FULL_CHAIN])) >= 3
    out["stage"] = np.where(many | out["stages"].str.contains(FULL_CHAIN, regex=False), FULL_CHAIN, stage)
    out["stage"] = np.where(out["measure"] == "是", out["stage"], NONE)
    tiers = clause_intensity(out[measures])  # 0 and "" for a non-measure
    out["intensity"] = 0
    out.loc[measures, "intensity"] = tiers["tier"].to_numpy()
    out["intensity"] = out["intensity"].astype(int)
    words = np.full(len(out), "", dtype=object)
    words[measures] = tiers["intensity_word"].to_numpy(dtype=object)
    out["intensity_word"] = np.where(out["measure"] == "是", words, "")
    return out


def _joined(labels) -> str:
    """Labels joined by ``|`` in order, each once."""
    return "|".join(dict.fromkeys(labels))


# ---------------------------------------------------------------- summaries


def instrument_mix(coded: pd.DataFrame, by: str = "type", *, share: bool = False,
                   codebook: pd.DataFrame | None = None) -> pd.DataFrame:
    """Document × instrument table: how many measure clauses carry each ``type`` (or each
    ``subtype``); a clause with two codes counts once under each. ``share=True`` divides by the
    row total (the mix, rows sum to 1). Columns follow the codebook order; rows the doc_id order.

    Taught in lesson 06 (``06_policy_instruments.ipynb``)."""
    codebook = read_instrument_codebook() if codebook is None else codebook
    names = list(TYPES) if by == "type" else list(codebook["subtype"])
    col = "types" if by == "type" else "subtypes"
    docs = list(dict.fromkeys(coded["doc_id"]))
    long = coded[["doc_id", col]].assign(code=coded[col].str.split("|")).explode("code")
    long = long[long["code"].isin(names)]
    table = pd.crosstab(long["doc_id"], long["code"]).reindex(index=docs, columns=names, fill_value=0)
    table.index.name, table.columns.name = "doc_id", by
    if share:
        total = table.sum(axis=1).replace(0, np.nan)
        table = table.div(total, axis=0).fillna(0).round(3)
    return table


def type_stage_table(coded: pd.DataFrame, stages: pd.DataFrame | None = None) -> pd.DataFrame:
    """Instrument type × innovation-chain stage: how many measure clauses carry both (each clause
    counted once per pair of codes it carries; stages in chain order).

    Taught in lesson 06 (``06_policy_instruments.ipynb``)."""
    stage_names = list((read_stages() if stages is None else stages)["stage"])
    rows = []
    for types, stgs in zip(coded["types"], coded["stages"]):
        for t in filter(None, types.split("|")):
            for s in filter(None, stgs.split("|")):
                rows.append((t, s))
    long = pd.DataFrame(rows, columns=["type", "stage"])
    table = pd.crosstab(long["type"], long["stage"]) if rows else pd.DataFrame()
    table = table.reindex(index=list(TYPES), columns=stage_names, fill_value=0)
    table.index.name, table.columns.name = "type", "stage"
    return table.fillna(0).astype(int)


def cell_clauses(coded: pd.DataFrame, kind: str, stage: str) -> pd.DataFrame:
    """The clauses behind one cell of :func:`type_stage_table` (lesson 06's type × stage heatmap; the
    explorer lists them when the cell is clicked): the clauses of *coded* (:func:`code_clauses`) whose
    codes include instrument type *kind* and innovation-chain stage *stage*, as ``doc_id, section_path,
    text, cues, intensity_word``. Their number is the cell's count."""
    has = lambda column, code: coded[column].str.split("|").map(lambda codes: code in codes)  # noqa: E731
    rows = coded[has("types", kind) & has("stages", stage)]
    return rows[["doc_id", "section_path", "text", "cues", "intensity_word"]].reset_index(drop=True)


def intensity_by_document(coded: pd.DataFrame) -> pd.DataFrame:
    """Per document: ``clauses``, ``measures`` (measure clauses), ``mean_intensity`` (mean tier of
    the measure clauses, 0–4) and the number of measure clauses in each tier ``tier_4`` … ``tier_0``.

    Taught in lesson 06 (``06_policy_instruments.ipynb``)."""
    docs = list(dict.fromkeys(coded["doc_id"]))
    m = coded[coded["measure"] == "是"]
    table = pd.DataFrame(index=pd.Index(docs, name="doc_id"))
    table["clauses"] = coded.groupby("doc_id").size().reindex(docs, fill_value=0)
    table["measures"] = m.groupby("doc_id").size().reindex(docs, fill_value=0)
    table["mean_intensity"] = m.groupby("doc_id")["intensity"].mean().reindex(docs).round(2)
    counts = pd.crosstab(m["doc_id"], m["intensity"]).reindex(index=docs, columns=[4, 3, 2, 1, 0], fill_value=0)
    for tier in (4, 3, 2, 1, 0):
        table[f"tier_{tier}"] = counts[tier].values
    return table


def intensity_by_type(coded: pd.DataFrame) -> pd.DataFrame:
    """Per instrument type (every code a measure clause carries): ``measures`` and ``mean_intensity``.

    Taught in lesson 06 (``06_policy_instruments.ipynb``)."""
    m = coded[coded["measure"] == "是"]
    long = m.assign(t=m["types"].str.split("|")).explode("t")
    long = long[long["t"].isin(TYPES)]
    table = long.groupby("t")["intensity"].agg(measures="size", mean_intensity="mean").reindex(list(TYPES))
    table["measures"] = table["measures"].fillna(0).astype(int)
    table["mean_intensity"] = table["mean_intensity"].round(2)
    table.index.name = "type"
    return table
