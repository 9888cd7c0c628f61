"""Issue 30, families of rounds 20 and 21 missed on their first run, written as families with other topic words,
never the real texts. One made-up sentence per form, asserting kind and nodes, and a trap for each family."""

import pytest

from .chain_rounds import scored


CASES = [
    # 1. a further stage after 进而 (由“A”到“B”进而“C”)
    ("实现了由“看得上病”到“看得好病”进而“少生病”的转变。", [("sequence", "看得上病 > 看得好病 > 少生病")]),
    ("从研发到生产，进而推动产业升级。", [("sequence", "研发 > 生产")]),  # after a comma 进而 opens a clause
    # 2. a quoted state that becomes a quoted state behind a modifier (从“A”变成美丽的“B”)
    ("这条河从“臭水沟”逐渐变成清澈的“生态廊道”。", [("sequence", "臭水沟 > 生态廊道")]),
    # 3. 变身 as a verb of change
    ("老厂房从闲置仓库变身文创园区。", [("sequence", "闲置仓库 > 文创园区")]),
    # 4. 从A向着B前行 (向着, and the manner before the verb)
    ("我国正从体育大国向着体育强国阔步前行。", [("sequence", "体育大国 > 体育强国")]),
    # 5. 摆脱A，转向B; 不再A，而转为B (Simplified and Traditional)
    ("农业摆脱了靠天吃饭的旧模式，转向科技支撑的新模式。",
     [("sequence", "靠天吃饭的旧模式 > 科技支撑的新模式")]),
    ("業者不再單純銷售產品，而轉為提供解決方案。", [("sequence", "单纯销售产品 > 提供解决方案")]),
    # 6. quoted stages that hold a 、 are one stage each
    ("从“一村一品、一镇一业”到“一县一园、一区一链”再到“全域协同”的发展。",
     [("sequence", "一村一品、一镇一业 > 一县一园、一区一链 > 全域协同")]),
    # 7. a pair of one-character sides glued to a two-way word
    ("形成产城互融、军民互促的格局。", [("mutual", "产 > 城 > 产"), ("mutual", "军 > 民 > 军")]),
    # 8. two two-way words in a row after the pair
    ("推动教学与科研互相支撑、相互促进。", [("mutual", "教学 > 科研 > 教学")]),
    # 9. a change of two states of one thing, 转化 and a lead of 打通
    ("打通生态产品向经济产品转化的通道。", [("sequence", "生态产品 > 经济产品")]),
    # 10. a one-character role that opens with 以, beside others (以A为重、以B为本、以C为中心)
    ("坚持以学生为重、以教师为本、以课堂为中心。", [("triad", "重: 学生 | 本: 教师 | 中心: 课堂")]),
    # 11. (round 22) a change told between two times (从过往的A到今天的B): the states after their 的
    ("城市的产业结构从过往的加工制造到今天的研发设计，经历了深刻转型。", [("sequence", "加工制造 > 研发设计")]),
    # 12. (round 22) a value-first role group inside quotes
    ("“制度是骨架，人才是血脉，创新是灵魂”，这是改革的经验。", [("triad", "骨架: 制度 | 血脉: 人才 | 灵魂: 创新")]),
    # 13. (rounds 23-24) shift verbs 转至, 切换至; the transition's verb again without 再 (从A走向B，走向C)
    ("服务重心由「住院」转至「居家」。", [("sequence", "住院 > 居家")]),
    ("企业竞争从拼价格切换至拼品质。", [("sequence", "拼价格 > 拼品质")]),
    ("城市治理从管理走向治理，走向智治。", [("sequence", "管理 > 治理 > 智治")]),
    # 14. (round 24) a dash chain told as a change; one-character steps quoted and counted
    ("实现“荒滩—林地—果园”的历史性转变。", [("sequence", "荒滩 > 林地 > 果园")]),
    ("坚持“听、议、办、督”四个环节。", [("sequence", "听 > 议 > 办 > 督")]),
    # 15. (round 24) 相互制衡 with a modal between; 两翼 and 果 as roles
    ("立法与行政应当相互制衡。", [("mutual", "立法 > 行政 > 立法")]),
    ("以制造业为主体，服务业和农业为两翼。", [("triad", "主体: 制造业 | 两翼: 服务业和农业")]),
    ("坚持保护为基、发展为果。", [("triad", "基: 保护 | 果: 发展")]),
    # 16. (rounds 25-26) three stages of one kind told clause by clause; 上升为, 转型成为; a quoted state named after
    # a long modifier; roles 防线, 基石 and a longer loose role (以A为关键生产要素)
    ("人们对安全的理解，从国土安全，到经济安全，再到数据安全，不断深化。", [("sequence", "国土安全 > 经济安全 > 数据安全")]),
    ("这项改革已从基层探索上升为全国制度安排。", [("sequence", "基层探索 > 全国制度安排")]),
    ("招商思路从单纯比拼地价，转向贴近产业链与人才的「生态导向」。", [("sequence", "单纯比拼地价 > 生态导向")]),
    ("依法行政是法治建设的基石，公正司法是法治建设的防线。", [("triad", "基石: 依法行政 | 防线: 公正司法")]),
    ("以算力为核心生产要素、以网络为重要载体、以平台为主要手段。",
     [("triad", "核心生产要素: 算力 | 重要载体: 网络 | 主要手段: 平台")]),
    # 17. (round 26) a pair said to close a loop (A与B形成闭环), a listed loop with 形成
    ("审批权需与监管权形成闭环。", [("cycle", "审批权 > 监管权")]),
    ("推动采购、使用、回收形成闭环。", [("cycle", "采购 > 使用 > 回收")]),
    # 18. (rounds 27-28) 深化为; a listed 从A、B、C到D that the text calls 环节 stays a sequence
    ("这项试点已从个别城市探索深化为全国统一制度。", [("sequence", "个别城市探索 > 全国统一制度")]),
    ("链条涵盖从种苗繁育、种植管理、加工包装到冷链物流等环节。",
     [("sequence", "种苗繁育 > 种植管理 > 加工包装 > 冷链物流等环节")]),
]

TRAPS = [
    "要摆脱贫困，必须发展产业。",  # 摆脱 without a state turned to
    "坚持问题导向、目标导向与结果导向相互统一。",  # the last of a list is no pair
    "建议从宏观到微观统筹谋划。",  # a range of levels
    "从服装设计到影视制作，到各类展演，都展现出城市的活力。",  # examples, then 都
    "促进工农业生产。",  # a pair of sides with no two-way word
    "坚持以人为本。",  # one role alone
    "坚持“学、思、用”两个环节。",  # the count says two, the quotes hold three
    "从钢铁、化工、纺织、建材到食品，你能想到的产品这里都能生产。",  # a listed range of examples
    "从华为、比亚迪到宁德时代，背后都有这座城市的配套。",  # listed examples, then a word of scope
    "从量变到质变，城市面貌焕然一新。",  # an idiom of degree
    "借由政策引导将资金投放到实体经济。",  # 由 inside 借由
    "要形成工作闭环。",  # a loop with no pair or series named
    "这是产业升级「由量变到质变」的标志。",  # the idiom after 由 as well
]


@pytest.mark.parametrize("text,expected", CASES)
def test_family(text, expected):
    assert scored(text) == expected


@pytest.mark.parametrize("text", TRAPS)
def test_trap(text):
    assert scored(text) == []


def test_two_role_groups_of_the_same_nodes_are_two_chains():
    import pandas as pd
    import zhpolicy as zp
    text = "教育是基础、科技是动力、人才是主体，三者辩证统一。实现强国目标，教育是根本、科技是实力、人才是保障。"
    chains = zp.extract_chains(pd.DataFrame({"doc_id": ["d"], "text": [text]}))
    triads = chains[chains["kind"] == "triad"]
    assert sorted(map(tuple, triads["roles"])) == [("基础", "动力", "主体"), ("根本", "实力", "保障")]
