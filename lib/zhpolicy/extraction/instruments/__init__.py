"""Policy instruments (政策工具) and policy intensity, coded clause by clause, with inter-coder reliability.

The framework is Rothwell & Zegveld's (1985) three kinds of instruments: **supply-side**
(供给型: the state supplies talent, money, technology, infrastructure, information),
**environment-side** (环境型: goals, finance, tax, rules, IP, reforms and pilot zones shape the
setting) and **demand-side** (需求型: procurement, application scenarios, markets, trade and
outsourcing pull innovation). Chinese research adapts it with a second dimension (here: the stage
of the innovation chain a clause acts on) and a policy-intensity score from modal words.

Everything that decides a code is a data file in ``zhpolicy/data``:

* ``instrument_codebook.csv`` — one subtype a row (``type``, ``theme`` = subtype, ``terms``,
  ``all_of``, ``none_of``, ``description``), with the AND/NOT conventions of the themes codebook
  and parsed by :func:`zhpolicy.analysis.themes.read_codebook`;
* ``innovation_stages.csv`` — the stages of the innovation chain, same format;
* ``intensity.csv`` — modal and degree words in four tiers (4 = 必须/严禁/不得 … 1 = 探索/试点),
  checked in the order of its ``checked`` column (4, 3, then the hedges of tier 1, then 2);
* ``narrative_cues.csv`` — cue words of background and significance sentences (形势判断, 意义阐述),
  which are marked as not a measure.

A unit is a **clause**: a sentence of the body text, cut again at in-paragraph enumerations
(一是/二是, 其一/其二, 首先/其次, 第一/第二), with its document, section and offsets. A clause may
carry several instrument codes; the tables say which cue word fired. For agreement, each
dimension is reduced to one label per clause (the code with the most cue hits, then the one
mentioned first): see :func:`code_clauses`.
"""

from __future__ import annotations

from .codes import _Rules  # noqa: F401  (tests read it)
from .codes import (  # noqa: F401
    cell_clauses, clause_ids, clause_intensity, code_clauses, DIMENSIONS, fired_cues, FULL_CHAIN,
    instrument_hits, instrument_mix, intensity_by_document, intensity_by_type, MIN_CLAUSE_CHARS, NONE,
    policy_clauses, read_instrument_codebook, read_intensity, read_narrative_cues, read_stages, stage_hits,
    type_stage_table, TYPES,
)
from .coders import (  # noqa: F401
    agreement_table, CODERS, coding_sheet, cohen_kappa, combine_sheets, confusion_table, disagreements,
    export_coding_sheet, filled_codes, hand_sample, match_sample, percent_agreement, read_coding_sheet,
    top_documents,
)
