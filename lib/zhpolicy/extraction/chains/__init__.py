"""The logic chains policy texts argue with: transparent rules a student can read and extend.

Every rule belongs to a **family** (a usual way of phrasing a chain) and is registered with
:func:`_family`, with a made-up example sentence; :func:`chain_patterns` lists them all with what
each extracts from its example. Kinds (``extract_chains``):

* ``sequence`` — ordered stages: ``从A到B再到C``, ``从A走向/转向/迈向B``, ``由A向B转变/转型``,
  ``实现从A到B的跨越``, dash-joined terms the text says flow (``“科技—产业—市场”一体联动``),
  enumerations named as stages (``A、B、C各环节/全链条/全过程``, ``…等阶段``);
* ``cycle`` — a dash-joined sequence the text calls 闭环, 循环 or 良性循环;
* ``mutual`` — two-way relations: ``A为B提供…，B为A…``; ``A促进B，B保障A``; ``在A中B，在B中A``;
  ``以A促B、以B带A``; ``A与B相互促进/互为支撑/良性互动/双向赋能``;
* ``triad`` — a role group: two or more role statements in a row (``X的基础是A，关键是B``;
  ``以A为引领、以B为主体``; ``根本在A，关键在B``);
* ``role`` — a single role statement and ``relation`` — a directed edge (``以A推动B``,
  ``通过A实现B``): both feed the concept graph but are not chains.

The word lists live in data files a teacher can read and extend: ``zhpolicy/data/chain_roles.tsv`` (role
words) and ``zhpolicy/data/chain_cues.tsv`` (every other cue word, in named *lists*: traps, flow and cycle
words, stage tails, verbs, reciprocity words…; a rule family names the lists it uses).

**Traps.** 从 inside a word (从严, 从而, 从事, 从中…) and 由 inside a word (由于, 自由…) start no
chain. A dash-joined series is a chain only when the text says it flows or loops; otherwise it
is a set (``创新链—产业链—资金链—人才链``, ``“主体—要素—环境”的耦合``, place names, pairs).
Year and number ranges and value changes are never chains (a node may not hold a year or a
number with a unit). HTML tags and entities left in a text are boundaries no node crosses.
"""

from .cues import ROLES, chain_cues, role_words
from .graph import chain_graph, node_synonyms, normalise_node, shared_chains
from .kinds import GRAPH_KINDS, SCORED_KINDS
from .nodes import _mask_markup  # noqa: F401  (tests read it)
from .outline import HEADING_WEIGHT, argument_moves, argument_outline
from .registry import FAMILIES, Family
from .table import CHAIN_COLUMNS, TRAPS, chain_patterns, chain_traps, extract_chains

__all__ = ["CHAIN_COLUMNS", "FAMILIES", "Family", "GRAPH_KINDS", "HEADING_WEIGHT", "SCORED_KINDS", "ROLES", "TRAPS", "argument_moves",
           "argument_outline", "chain_cues", "chain_graph", "chain_patterns", "chain_traps", "extract_chains",
           "node_synonyms", "normalise_node", "role_words", "shared_chains"]
