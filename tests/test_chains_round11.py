"""Issue 30, families of the eighth to tenth rounds still missed after those rounds' own fixes, written as
families with other topic words (Simplified and Traditional), never the real texts. One made-up sentence per
form, asserting kind and nodes, and a trap for each family."""

import pytest

from .chain_rounds import scored


CASES = [
    # 1. a list told to build on one another: the progressive word before it, after it, or in the next sentence
    ("这项工作层层递进，实现了摸底和建档、跟踪和回访、评估和改进。",
     [("sequence", "摸底和建档 > 跟踪和回访 > 评估和改进")]),
    ("調研、試點、推廣層層遞進。", [("sequence", "调研 > 试点 > 推广")]),
    ("着力构建“想干事、能干事、干成事”的用人导向。这是一个层层递进的目标体系。",
     [("sequence", "想干事 > 能干事 > 干成事")]),
    # 2. a loop of one-character steps
    ("形成学、思、用的循环往复过程。", [("cycle", "学 > 思 > 用")]),
    # 3. a named pair one of whose names is one character
    ("创造就业及人的良性循环。", [("cycle", "就业 > 人")]),
    # 4. one-character roles in a group (为本、为核)
    ("坚持质量为本、服务为先、品牌为魂。", [("triad", "本: 质量 | 先: 服务 | 魂: 品牌")]),
    ("作风建设是制度的识、研、立、行、化的循环往复过程。", [("cycle", "识 > 研 > 立 > 行 > 化")]),
    # 5. two clauses whose subjects swap, said to run both ways
    ("甲市帮乙县卖茶叶，乙县则帮甲市招工人。两地双向互动、共同发展。", [("mutual", "甲市 > 乙县 > 甲市")]),
    # 6. 既…A…B…，又…B…A…: two halves naming the two sides in the other order
    ("既能把高校的人才转化为企业的创新动能，又能通过企业的需求为高校科研提供方向。", [("mutual", "高校 > 企业 > 高校")]),
    # 8. (round 12) a state left for another; stages lived through, each named …阶段; a quoted state to another
    ("居民不再满足于吃得饱，转而追求吃得好。", [("sequence", "满足于吃得饱 > 追求吃得好")]),
    ("數據逐漸被視為生產要素，而不再只是業務記錄。", [("sequence", "业务记录 > 生产要素")]),
    ("这项改革经历了2001—2005年的试点阶段，2006—2010年的推广阶段，2011年以来的深化阶段。",
     [("sequence", "试点阶段 > 推广阶段 > 深化阶段")]),
    ("着力解决“有没有”到“好不好”的问题。", [("sequence", "有没有 > 好不好")]),
    # 9. (round 12) one-character roles after 以A为主, and a state told as a role group stays one node
    ("推动服务由以治疗为主、医院为重的格局，转向为以预防为先、社区为本。",
     [("sequence", "以治疗为主、医院为重的格局 > 以预防为先、社区为本"),
      ("triad", "主: 治疗 | 重: 医院"), ("triad", "先: 预防 | 本: 社区")]),
    # 10. (round 11) a later step after a change (，再到C); a state-tail word inside B's list; stages named …期
    ("推动产业从代工生产转向自主设计，再到品牌输出。", [("sequence", "代工生产 > 自主设计 > 品牌输出")]),
    ("治理已从单纯的技术问题演变为涵盖公平、产业转型与社会参与的系统工程。",
     [("sequence", "单纯的技术问题 > 涵盖公平、产业转型与社会参与的系统工程")]),
    ("这个组织经历了三个时期，包括初创的萌芽期(1990—1999年)、扩张的成长期(2000—2009年)和转型的成熟期(2010年至今)。",
     [("sequence", "萌芽期 > 成长期 > 成熟期")]),
    # 11. (round 11) a quoted state that became another; a thing remade
    ("这片滩涂曾经的“芦苇荡”，渐渐变成了“稻花香”。", [("sequence", "芦苇荡 > 稻花香")]),
    ("将废弃多年的老厂房改造成文化创意街区。", [("sequence", "废弃多年的老厂房 > 文化创意街区")]),
    # 12. (round 13) quoted stages side by side before 到; a loop of two named things; stages counted, then one a sentence
    ("实现从“学徒”“工匠”到“大师”的成长。", [("sequence", "学徒 > 工匠 > 大师")]),
    ("经济持续下行，带来失业、负债的恶性循环。", [("cycle", "失业 > 负债")]),
    ("这项政策大致经历了三个阶段。一是试点探索阶段(2010-2014年)，重点是摸索。二是全面推开阶段(2015-2020年)，"
     "重点是推广。三是巩固深化阶段(2021年至今)，重点是提质。",
     [("sequence", "试点探索阶段 > 全面推开阶段 > 巩固深化阶段")]),
    # 13. (round 14) swapped short clauses joined by a comma; a role value holding 成为; stages named before 的发展、演变
    ("好家风育好家庭，好家庭养好家风。", [("mutual", "好家风 > 好家庭 > 好家风")]),
    ("以推进依法治理为根本，以使规则成为共识为目标，以提升素养为重点。",
     [("triad", "根本: 推进依法治理 | 目标: 使规则成为共识 | 重点: 提升素养")]),
    ("乡村治理经历了一元化、制度化及多主体参与的发展、演变。", [("sequence", "一元化 > 制度化 > 多主体参与")]),
    # 14. (round 15) a loop named a 循环困境; 进化为 a shift; 为体 a one-character role
    ("陷入资金短缺与项目停滞的循环困境。", [("cycle", "资金短缺 > 项目停滞")]),
    ("服务也从早期补助弱势，进化为全民普及照顾。", [("sequence", "补助弱势 > 全民普及照顾")]),
    ("坚持文化为魂、旅游为体。", [("triad", "魂: 文化 | 体: 旅游")]),
    # 7. a change whose two states share their head noun: B runs, lists and all, to that head
    ("推动监管从过去被动、零散、滞后的状态，转向主动发现、协同处置的常态、长效的状态。",
     [("sequence", "被动、零散、滞后的状态 > 主动发现、协同处置的常态、长效的状态")]),
]

TRAPS = [
    "要层层递进抓落实，把责任压实到县、乡、村。",  # the list is no progression the word leads
    "推动资金、技、人的良性循环。",  # one-character items beside a word: not a loop of steps
    "坚持以人为本。",  # one role alone (an idiom)
    "这一点尤为重要，安全为先。",  # 为重要 is no role
    "甲市帮乙县卖茶叶，乙县则帮甲市招工人。",  # swapped subjects with no word saying it runs both ways
    "既要发展经济，又要保护环境。",  # two aims, no names told in the other order
    "既能促进城市发展，又能带动乡村振兴。",  # two effects, each on its own side
    "他不再来了，而我们还在等。",  # 而 alone: two facts, no state left for another
    "景区不再是简单的圈地售票，而是保护与利用并重的文化空间。",  # 不再是A，而是B: what a thing is, contrasted
    "坚持以人为本、以健康为中心。",  # 以人为本 (an idiom) beside a role noun outside the list
    "这项改革经历了试点阶段。",  # one stage
    "全省经历了很多困难时期。",  # a time, not stages
    "把绿水青山转化为金山银山。",  # converting a value (a slogan), not a thing remade
    "从东部沿海到中部平原、西部山区、东北林区……处处都有新变化。",  # places as examples, not stages
    "陷入了“开发即破坏、破坏再治理”的恶性循环。",  # a slogan of two clauses, not two named things
    "这项政策大致经历了三个阶段。一是试点探索阶段。二是全面推开阶段。",  # two told where three were counted
    "企业创新产品，产品创造价值。",  # 创新, 创造 are no short verb 创
]


@pytest.mark.parametrize("text, expected", CASES)
def test_family(text, expected):
    assert scored(text) == expected


@pytest.mark.parametrize("text", TRAPS)
def test_trap(text):
    assert scored(text) == []
