"""The chain patterns that are tried only where a match can start (one attempt an anchor: a 、, a
dash, 与/和/同, 为) find exactly what ``finditer`` finds. Random glued fragments (fixed seed) and
written sentences; a pattern edited so that its opening run may cross its anchor fails here."""

import random
import re

import pytest

from zhpolicy.extraction.chains import mutuals as M
from zhpolicy.extraction.chains import roles as R
from zhpolicy.extraction.chains import sequences as S
from zhpolicy.extraction.chains.nodes import _mask_markup

FRAGMENTS = ["研发", "转化", "再研发", "生产制造", "—", "——", "–", "-", "－", "→", " ", "　", "（一段说明）", "“", "”",
             "的良性循环", "闭环", "，", "。", "、", "、", "各环节", "全过程", "等阶段", "三个阶段", "和", "及", "与", "同",
             "以及", "为", "以", "提供", "输送", "相互促进", "互为支撑", "良性互动", "之间", "的", "二者", "高校", "企业",
             "长长长长长长长长长长长长长", "x" * 11, "2021", "<b>", "一体联动", "循环往复", "人才"]

SENTENCES = [
    "打通“基础研究—技术攻关—成果转化”全链条。",
    "形成需求→研发→产品→需求的链条，推动教育、科技、人才的良性循环。",
    "贯通研发设计、生产制造、市场推广各环节，经历试点、推广、普及三个阶段。",
    "推动数字经济与实体经济相互促进，高校为企业输送创新人才，企业为高校开放实践岗位。",
    "以（说明）为基础，为企业为高校提供服务，科技与产业之间的良性互动。",
    "政府为企业提供优质服务，科技创新为产业发展提供强大动力。",
]


def _glued(count: int = 3000) -> list[str]:
    rng = random.Random(24)
    return [_mask_markup("".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 24)))) for _ in range(count)]


def _spans(matches) -> list[tuple]:
    return [(m.span(), m.groupdict()) for m in matches]


def _stage_runs(pattern: re.Pattern, tail: re.Pattern, sentence: str):
    for run in S._RUN_WITH_COMMA.finditer(sentence):
        start, end = run.span()
        reach = min(len(sentence), end + S._TAIL_REACH)
        if tail.search(sentence, start, reach):
            yield from (m for m in pattern.finditer(sentence, start, reach) if m.start() < end)


FAST_PATHS = {
    "stages": (lambda s: S._in_runs(S._STAGES, s, S._STAGE_TAIL_RE),
               lambda s: _stage_runs(S._STAGES, re.compile(S._STAGE_TAILS), s)),
    "listed_cycle": (lambda s: S._in_runs(S._LISTED_CYCLE, s, S._CYCLE_RE),
                     lambda s: _stage_runs(S._LISTED_CYCLE, S._CYCLE_RE, s)),
    "dashed": (S._dashed_matches, S._DASHED.finditer),
    "reciprocity_word": (lambda s: M.anchored_matches(M._RECIPROCAL, s, M._AND, M._IS_SIDE_CHAR, 16),
                         M._RECIPROCAL.finditer),
    "relation_for": (lambda s: R._relation_matches(R._RELATIONS[1][0], s), R._RELATIONS[1][0].finditer),
}


@pytest.mark.parametrize("name", sorted(FAST_PATHS))
def test_fast_paths_find_what_finditer_finds(name):
    fast, plain = FAST_PATHS[name]
    for sentence in SENTENCES + _glued():
        assert _spans(fast(sentence)) == _spans(plain(sentence)), (name, sentence)


def test_written_sentences_hold_matches_for_every_fast_path():
    # the comparison above is not vacuous: each pattern matches somewhere in the written sentences
    for name, (_, plain) in FAST_PATHS.items():
        assert any(_spans(plain(s)) for s in SENTENCES), name
