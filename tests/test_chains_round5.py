"""Issue 30, fifth round: families of argument-rich writing the extractor missed or over-read on a fifth
set of unseen texts, written as families (other topic words, Simplified and Traditional), never the real
texts. One made-up sentence per form, asserting kind and nodes, and a trap for each family."""

import pytest

from .chain_rounds import scored


ROUND5_CASES = [
    # 1. a role group recognised by its frame (X是R1、Y是R2、Z是R3, parallel), role words beyond the list
    ("人才集聚是前提、金融活水是杠杆、平台建设是支撑、制度供给是保障。",
     [("triad", "前提: 人才集聚 | 杠杆: 金融活水 | 支撑: 平台建设 | 保障: 制度供给")]),
    ("數據要素是基石、算力網絡是底座、應用場景是引擎。",
     [("triad", "基石: 数据要素 | 底座: 算力网络 | 引擎: 应用场景")]),
    ("社区治理中，党建是轴心、自治是基础、法治是保障。",
     [("triad", "轴心: 党建 | 基础: 自治 | 保障: 法治")]),
    # 2. dash chains in 「」 quotes, joined by ── (box-drawing) or — with spaces around
    ("構建「研發──製造──服務」良性三角循環。", [("cycle", "研发 > 制造 > 服务")]),
    ("打造「采集──加工──应用」的数据链条。", [("sequence", "采集 > 加工 > 应用")]),
    ("形成“投入 — 产出 — 再投入” 的良性循环。", [("cycle", "投入 > 产出")]),
    # 3. a cycle whose closing node is the first again with 再 lists each node once
    ("推动形成“学习—实践—再学习”的良性循环。", [("cycle", "学习 > 实践")]),
    ("陷入一个恶性循环──失业、负债、失眠、再失业。", [("cycle", "失业 > 负债 > 失眠")]),
    ("老人常陷入惡性循環：缺乏運動、肌力下降、行動不便、再缺乏運動。", [("cycle", "缺乏运动 > 肌力下降 > 行动不便")]),
    # 4. cycles of named pairs: each pair a two-node cycle (the text says 循环)
    ("促进产业和就业、消费和投资的良性循环。", [("cycle", "产业 > 就业"), ("cycle", "消费 > 投资")]),
    ("推動人才與產業的良性循環。", [("cycle", "人才 > 产业")]),
    # 5. mutual written with two different verbs: 以A<verb>B、以B<verb>A (names swapped exactly)
    ("坚持以农兴文、以文富农。", [("mutual", "农 > 文 > 农")]),
    ("堅持以體育聚人氣、以人氣旺體育。", [("mutual", "体育 > 人气 > 体育")]),
    # 6. successive documents: 从《A》到《B》，再到《C》
    ("从《关于深化科技体制改革的决定》（1985年）到《国家中长期科学和技术发展规划纲要》（2006年），再到《创新驱动发展战略纲要》，改革步步深入。",
     [("sequence", "《关于深化科技体制改革的决定》 > 《国家中长期科学和技术发展规划纲要》 > 《创新驱动发展战略纲要》")]),
    # 7. an ordered list announced as stages or a progression before a colon
    ("这一转型遵循三重递进逻辑：数据资源的汇聚、数据价值的挖掘、数据产品的流通。",
     [("sequence", "数据资源的汇聚 > 数据价值的挖掘 > 数据产品的流通")]),
    ("改革分為三個階段：試點探索、擴大推廣、全面實施。", [("sequence", "试点探索 > 扩大推广 > 全面实施")]),
    # 8. a transition whose two sides are quoted terms keeps the quoted target whole
    ("服务模式必须从「以机构为中心」转变为「以人为本、以家庭为中心」的综合服务体系。",
     [("sequence", "以机构为中心 > 以人为本、以家庭为中心")]),
    ("教学的理念要从“以教师为中心的讲授”，重新定义为“自主、协作的学习过程”。",
     [("sequence", "以教师为中心的讲授 > 自主、协作的学习过程")]),
    # …and when both sides are modified nouns (…的X转型为…的Y): of one kind, named by their heads; else whole
    ("推动城市从以工业为主的生产型城市，转型为宜居宜业的服务型城市。", [("sequence", "生产型城市 > 服务型城市")]),
    ("推動企業從粗放式的規模擴張轉向精細化的質量提升。", [("sequence", "粗放式的规模扩张 > 精细化的质量提升")]),
    # 9. role statements opening sentences that an ordinal series leads (首先…其次…最后), one subject
    ("首先，人才是城市更新的基础。要引进人才。其次，资金是城市更新的关键。要拓宽渠道。最后，制度是城市更新的保障。",
     [("triad", "基础: 人才 | 关键: 资金 | 保障: 制度")]),
    # paragraph openers of one frame and lead (应坚持以A为重点。……应坚持以B为动力。), a paragraph between
    ("應堅持以社區為重點。要推動資源下沉。要完善網絡。應堅持以數字化為動力。要建設平台。",
     [("triad", "重点: 社区 | 动力: 数字化")]),
    # each is the other's role, told in two sentences a few apart (A是B的X。……B是A的Y。)
    ("生态保护是经济发展的前提，要守住底线。绿色技术提供支撑。经济发展是生态保护的保障，要加大投入。",
     [("mutual", "生态保护 > 经济发展 > 生态保护")]),
    # parallel 从A到B的N clauses stay chains when N names a change, or when they chain
    ("实现从计划经济到市场经济的转轨，从封闭半封闭到全方位开放的转变。",
     [("sequence", "计划经济 > 市场经济"), ("sequence", "封闭半封闭 > 全方位开放")]),
]


@pytest.mark.parametrize("text, expected", ROUND5_CASES)
def test_round5_families(text, expected):
    assert scored(text) == expected


ROUND5_TRAPS = [
    # a list of facts joined by 是 with no role among them (is no role group)
    "今天是周一、明天是周二、后天是周三。",
    # one role statement alone
    "人才集聚是前提。",
    # a dash-joined set in 「」 with no flow or loop word
    "推動「產業──學術──研究」深度合作。",
    # a list named by 循环 that is a list of things in a circular economy, not a loop of them
    "发展废旧家电、报废汽车、废旧纺织品的循环利用。",
    # two one-way relations with different verbs, names not swapped
    "坚持以工补农、以城带乡。",
    # a range of examples between documents in a list
    "从《规划》、《意见》到《方案》、《细则》等文件陆续出台。",
    # a list after a colon that is aspects, not stages
    "改革包括三个方面：完善制度、优化服务、加强监管。",
    # a single quoted change without 从
    "把「绿色资源」转化为「经济价值」。",
    # an ordinal series of statements that are no role statements
    "首先，要加强领导。其次，要完善制度。最后，要强化考核。",
    # role statements that ordinals open but whose subjects differ
    "首先，人才是城市更新的基础。其次，资金是乡村振兴的关键。",
    # parallel 从A到B的N clauses of examples (N names no change): a range, not stages
    "从江南水乡的评弹表演到西北大漠的篝火晚会，从岭南古镇的醒狮巡游到东北林海的冰雪节庆，乡村文化正焕发活力。",
    "從老街的手作市集到港口的音樂祭，從山城的茶席到海岸的單車道，地方創生處處開花。",
    # an adjective built on a two-way verb (创造性) is no verb of a relation
    "改革的关键在于通过创造性转化与创新性发展，将文化资源转化为提升产品竞争力的关键要素。",
    # the 的 before A belongs to an earlier phrase when A holds a verb (run-on clauses)
    "营造良好的营商环境推动产业结构向高端化转型。",
    # paragraph openers of one frame whose leads differ, or too far apart to be a group
    "坚持以社区为重点。要下沉资源。应当以数字化为动力。",
    # A是B的X and B是A的Y more than three sentences apart
    "生态保护是经济发展的前提。甲。乙。丙。经济发展是生态保护的保障。",
    # …or in two paragraphs (a heading between them)
    "生态保护是经济发展的前提，要守住底线。\n（二）加大投入\n经济发展是生态保护的保障，要加大投入。",
    # a document title alone after 从, with no 到
    "从《规划》出发，推进各项工作。",
]


@pytest.mark.parametrize("text", ROUND5_TRAPS)
def test_round5_traps(text):
    assert scored(text) == []
