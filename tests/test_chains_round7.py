"""Issue 30, seventh round: families of argument-rich writing the extractor missed on a seventh set of
unseen texts, written as families (other topic words, Simplified and Traditional), never the real texts.
One made-up sentence per form, asserting kind and nodes, and a trap for each family."""

import pytest

from zhpolicy.extraction.chains import extract_chains
from .chain_rounds import scored


ROUND7_CASES = [
    # 1. one transition told in steps, a clause each (由A变为B，再变成C，然后转型为D)
    ("这座城市由渔村变为商埠，再变成工业重镇，然后转型为金融中心。",
     [("sequence", "渔村 > 商埠 > 工业重镇 > 金融中心")]),
    ("這個產業從代工走向自主設計，又走向品牌經營。", [("sequence", "代工 > 自主设计 > 品牌经营")]),
    # 2. pairs listed before one tail: 从A向B、从C向D的转变, each its own transition
    ("社会治理实现了从管控向服务、从单一主体向多元共治的转变。",
     [("sequence", "管控 > 服务"), ("sequence", "单一主体 > 多元共治")]),
    # 3. two quoted states of one thing, the same noun after each quote
    ("推动农业实现“大水大肥”模式向“精准施用”模式的转型。", [("sequence", "大水大肥模式 > 精准施用模式")]),
    # 4. a dashed series the text calls steps
    ("选种——育苗——移栽——采收，是茶叶生产的四个基本环节。", [("sequence", "选种 > 育苗 > 移栽 > 采收")]),
    ("備課—授課—評課—反思，構成教學改進的完整流程。", [("sequence", "备课 > 授课 > 评课 > 反思")]),
    # 5. A acts on B in one half of a sentence, B back on A in the other, the subjects swapped
    ("城市发展得好，就能吸引更多人才；而人才集聚，也会为城市发展注入持久动力。",
     [("mutual", "城市发展 > 人才 > 城市发展")]),
    ("一方面，高校为企业输送人才；另一方面，企业推动高校课程改革。", [("mutual", "高校 > 企业 > 高校")]),
]

ROUND7_TRAPS = [
    "产业从低端走向中端，为下一步打下基础。",  # what follows is a purpose, no later step
    "科技—产业—金融，是三个重要领域。",  # a dashed set called fields, not steps
    "要推动科技创新，支撑产业发展；产业发展要依靠科技创新。",  # one direction said twice
    "我们要促进消费；投资也要扩大。",  # no shared pair across the halves
    "推动“制造”向高端发展。",  # one quoted state only
]


@pytest.mark.parametrize("text, expected", ROUND7_CASES)
def test_round7_family(text, expected):
    assert scored(text) == expected


@pytest.mark.parametrize("text", ROUND7_TRAPS)
def test_round7_trap(text):
    found = scored(text)
    if text.startswith("产业从低端"):
        assert found == [("sequence", "低端 > 中端")]  # the transition itself, nothing added
    else:
        assert found == []


def test_an_adverb_and_a_modal_verb_are_no_side_of_a_relation():
    table = extract_chains("而就业扩大，也会为经济增长提供劳动力支撑。")
    assert not any("也会" in nodes for nodes in table["nodes"])
