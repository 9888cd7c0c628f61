"""Issue 30, eighth to tenth rounds: families of argument-rich writing the extractor missed on three sets of
unseen texts, written as families (other topic words, Simplified and Traditional), never the real texts.
One made-up sentence per form, asserting kind and nodes, and a trap for each family."""

import pytest

from .chain_rounds import scored


ROUND8_CASES = [
    # 1. a 到 that ends a word (得到, 达到) is no boundary; B ends as A does
    ("居民需求从温饱得到保障到品质得到提升。", [("sequence", "温饱得到保障 > 品质得到提升")]),
    # 2. stages told a clause each: quoted terms, or heads of one kind
    ("从早年的“吃饱穿暖”，到后来的“吃好穿好”，再到如今的“吃得健康”。",
     [("sequence", "吃饱穿暖 > 吃好穿好 > 吃得健康")]),
    ("從手工時代的家庭工廠，到機器時代的大工廠，再到數字時代的智能工廠。",
     [("sequence", "家庭工厂 > 大工厂 > 智能工厂")]),
    # 3. quoted values of a role group
    ("“稳就业”是前提，“保民生”是关键，“促发展”是根本。", [("triad", "前提: 稳就业 | 关键: 保民生 | 根本: 促发展")]),
    ("以园区建设为载体，以“链长制”为抓手，以企业培育为重点。", [("triad", "载体: 园区建设 | 抓手: 链长制 | 重点: 企业培育")]),
    # 4. a dashed series passed through (贯通)
    ("推动“原料-加工-物流-销售”贯通发展。", [("sequence", "原料 > 加工 > 物流 > 销售")]),
    # 5. conditions told clause by clause
    ("有交流才会有理解，有理解才会有信任，有信任才会有合作。", [("sequence", "交流 > 理解 > 信任 > 合作")]),
    # 6. ASCII quotes are no part of a node
    ('理念从"重建设"的思路，转向"重服务"的思路。', [("sequence", "重建设的思路 > 重服务的思路")]),
]

ROUND8_TRAPS = [
    "这股消费热潮从小县城吹到了一线城市。",  # a spread between places
    "从城市，到乡村，处处都是新气象。",  # two plain clauses: places
    "从手工时代的作坊，到机器时代的工厂，再到数字时代的平台。",  # heads of different kinds, no quotes
    "有付出才有收获。",  # one condition, no chain
    "坚持以“人民为中心”为导向。",  # one role alone
]


ROUND9_CASES = [
    # a stage after 再到 may be opened by 最后到 / 最终到
    ("救助方式由救济到保障再到发展最后到赋能。", [("sequence", "救济 > 保障 > 发展 > 赋能")]),
    # 从紧密… is no 从紧 (a trap word inside a longer word)
    ("从紧密合作到松散联合再到深度融合的演化过程。", [("sequence", "紧密合作 > 松散联合 > 深度融合")]),
    # a transition told in steps with 拓展为 / 再发展到, the origin's 最初主要是 no part of A
    ("服务由最初主要是上门送餐，拓展为日间照料，再发展到医养结合。", [("sequence", "上门送餐 > 日间照料 > 医养结合")]),
    # stages a clause each that the text calls a course of stages
    ("治理模式经历了从政府包办，到政府与社会共治，再到全民参与的发展阶段。",
     [("sequence", "政府包办 > 政府与社会共治 > 全民参与")]),
    # a modifier before the role word of a continued role group (the role is named without it, as 重要 is)
    ("以家庭为基础、社区为依托、机构为专业支撑。", [("triad", "基础: 家庭 | 依托: 社区 | 支撑: 机构")]),
]

ROUND9_TRAPS = [
    "游客从各地来到古镇观光。",  # a move between places
    "从严从紧加强管理。",  # the trap word itself
]


ROUND10_CASES = [
    ("以中心城区为枢纽、重点镇为纽带、乡村为腹地。", [("triad", "枢纽: 中心城区 | 纽带: 重点镇 | 腹地: 乡村")]),
    ("居民支出正从住房转移为服务消费。", [("sequence", "住房 > 服务消费")]),
]

ROUND10_TRAPS = [
    # a list of qualities run together with 的 inside its items, before 的过程
    "转向注重习惯养成的正常、经常、平常的状态和可控、可测、可评价的过程。",
]


@pytest.mark.parametrize("text, expected", ROUND8_CASES + ROUND9_CASES + ROUND10_CASES)
def test_family(text, expected):
    assert scored(text) == expected


@pytest.mark.parametrize("text", ROUND8_TRAPS + ROUND9_TRAPS + ROUND10_TRAPS)
def test_trap(text):
    assert scored(text) == []
