"""Issue 30, families of the sixteenth round (and the eleventh) still missed on their first run, written as families
with other topic words, never the real texts. One made-up sentence per form, asserting kind and nodes, and a trap
for each family."""

import pytest

from .chain_rounds import scored


CASES = [
    # 1. from A towards B 发展 (从A向B发展), Simplified and Traditional
    ("养老服务正从机构集中向居家社区发展。", [("sequence", "机构集中 > 居家社区")]),
    ("城市治理從粗放管理向精細治理發展。", [("sequence", "粗放管理 > 精细治理")]),
    # 2. a quoted state towards a quoted state, without 从
    ("教育评价正处于“唯分数”向“重素养”转变的关键期。", [("sequence", "唯分数 > 重素养")]),
    # 3. role words 托底, 兜底, 补充, 总纲; a compound role (出发点和落脚点); a long quoted value
    ("构建以社会保险为主体、社会救助为托底的保障体系。", [("triad", "主体: 社会保险 | 托底: 社会救助")]),
    ("以公办园为主体，以民办园为补充。", [("triad", "主体: 公办园 | 补充: 民办园")]),
    ("以“建设人与自然和谐共生的美丽家园示范区”为总纲，以群众满意为出发点和落脚点。",
     [("triad", "总纲: 建设人与自然和谐共生的美丽家园示范区 | 出发点和落脚点: 群众满意")]),
    # 4. a pair said to meet both ways where they act (A与B在…中实现“双向奔赴”)
    ("推动人才与乡村在一次次项目合作中实现“双向奔赴”。", [("mutual", "人才 > 乡村 > 人才")]),
    # 5. from a quoted way of thinking to another, each a quoted name and its noun after a long modifier
    ("推动人才工作从以引进为主的“单向输入”模式，转变为与企业共建平台的“双向共生”模式。",
     [("sequence", "单向输入模式 > 双向共生模式")]),
    # 6. a stage told as a list of quoted campaigns is named by the first of them
    ("从早年的“植树造林”，到后来的“退耕还林”，再到如今的“林长制”、“碳汇交易”、“生态补偿”。",
     [("sequence", "植树造林 > 退耕还林 > 林长制")]),
    # 7. A给B以X，B给A以Y (Simplified and Traditional)
    ("学校给社区以空间，社区给学校以课堂。", [("mutual", "学校 > 社区 > 学校")]),
    ("城市給青年以舞台，青年給城市以活力。", [("mutual", "城市 > 青年 > 城市")]),
    # 8. (round 18) one-character states with the word naming the change; a course divided into stages
    ("推动标准化工作由弱向强、由散到聚的转变。", [("sequence", "弱 > 强"), ("sequence", "散 > 聚")]),
    ("城市更新的历程分为拆旧建新的起步阶段、留改拆并举的探索阶段和有机更新的深化阶段。",
     [("sequence", "起步阶段 > 探索阶段 > 深化阶段")]),
    # 9. (round 19) a change told between two times names the states after their 的; listed words that qualify
    # one state, up to its head noun
    ("龙舟运动从曾经的“端午限定”迈向如今的“全年赛事”。", [("sequence", "端午限定 > 全年赛事")]),
    ("推动乡村治理从依靠行政命令的管理模式，转向共建、共治、共享的协商模式。",
     [("sequence", "依靠行政命令的管理模式 > 共建、共治、共享的协商模式")]),
    # 10. (round 17) an adverb ending A is no part of it
    ("教育事业始终与时代同频共振。", [("mutual", "教育事业 > 时代 > 教育事业")]),
]

TRAPS = [
    "从实际出发向群众学习。",  # 向 + a verb that is no change of state
    "以公办园为主体。",  # one role alone
    "专家与学者在会议中发言。",  # no two-way word
    "始终与时代同频共振。",  # an adverb is no side
    "推动高校、企业与政府三者相互支撑。",  # more than a pair
    "总部从老城区搬到新城区。",  # a move from one place to another
    "政府给企业以支持，给群众以实惠。",  # two gifts from one giver, nothing given back
    "推动产业由小到大。",  # one-character states with no word naming the change
    "报告揭示了两者互为支撑。",  # 互为支撑 is two-way, no role
    "全年工作分为三个阶段。",  # a count of stages, none named
]


@pytest.mark.parametrize("text,expected", CASES)
def test_family(text, expected):
    assert scored(text) == expected


@pytest.mark.parametrize("text", TRAPS)
def test_trap(text):
    assert scored(text) == []
