"""Issue 30, sixth round: families of argument-rich writing the extractor missed on a sixth set of unseen
texts, written as families (other topic words, Simplified and Traditional), never the real texts. One
made-up sentence per form, asserting kind and nodes, and a trap for each family."""

import pytest

from .chain_rounds import scored


ROUND6_CASES = [
    # 1. a state change without 从: 实现A向B的转变; after a verb or before 发展/升级, two states of one thing
    ("加快实现传统工厂向智能工厂的转变。", [("sequence", "传统工厂 > 智能工厂")]),
    ("推动普通高中向特色高中升级。", [("sequence", "普通高中 > 特色高中")]),
    ("推動傳統商圈向智慧商圈發展。", [("sequence", "传统商圈 > 智慧商圈")]),
    # 2. a named pair said to loop without 的, and pairs told twice with their names swapped
    ("实现教育链与产业链良性循环。", [("cycle", "教育链 > 产业链")]),
    ("形成“林养人、人养林”的良性循环。", [("cycle", "林 > 人")]),
    # 3. a later 由A到B after phrases of their own (由表及里、由浅入深、由A到B)
    ("認識由淺入深、由被動接受到主動作為。", [("sequence", "被动接受 > 主动作为")]),
    # 4. a counted stage header whose stages are told as 从A到B，到C，再从D到E
    ("乡村治理经历了四个阶段：从早期的村民自治到后来的多元共治，到近年的数字治理，再到今天的整体智治。",
     [("sequence", "村民自治 > 多元共治 > 数字治理 > 整体智治")]),
    # 5. subjects each given a role by a verb and a role noun
    ("高校承担人才培养功能，院所扮演原始创新角色，企业肩负成果转化使命。",
     [("triad", "人才培养: 高校 | 原始创新: 院所 | 成果转化: 企业")]),
    ("政府发挥引导作用、市场发挥决定作用、社会发挥协同作用。", [("triad", "引导: 政府 | 决定: 市场 | 协同: 社会")]),
]

ROUND6_TRAPS = [
    "推动制造业向高端化、智能化、绿色化发展。",  # a direction, not two states of one thing
    "推动企业向专精特新发展。",
    "形成良性循环。",  # no named pair
    "以工补农、以城带乡，形成良性循环。",  # two linked causes, no swapped pair
    "政府发挥引导作用，企业发挥主体作用。",  # two roles only
    "各级党组织要发挥战斗堡垒作用。",
    "服务模式从「窗口办理」改变为通过网上平台统一受理。",  # what follows 改变为 is the way, not a state
    "这一过程分为三个方面：从理论到实践。",  # a count that is not the stages' number
]


@pytest.mark.parametrize("text, expected", ROUND6_CASES)
def test_round6_family(text, expected):
    assert scored(text) == expected


@pytest.mark.parametrize("text", ROUND6_TRAPS)
def test_round6_trap(text):
    found = scored(text)
    if text.endswith("从理论到实践。"):
        assert found == [("sequence", "理论 > 实践")]  # the from-to chain itself, no counted stages
    else:
        assert found == []
