"""Every rule family of zhpolicy.extraction.chains on made-up sentences in the style of policy texts,
and every trap (phrasings that look like chains but are not)."""

import pytest

from zhpolicy.extraction.chains import FAMILIES, chain_patterns, chain_traps, extract_chains
from zhpolicy.extraction.chains.kinds import SCORED_KINDS

SCORED = SCORED_KINDS


def scored(text: str) -> list[tuple[str, str]]:
    table = extract_chains(text)
    return [(k, c) for k, c in zip(table["kind"], table["chain"]) if k in SCORED]


FAMILY_CASES = [
    # from_to
    ("推动产业从“追赶”到“引领”。", ("sequence", "追赶 > 引领")),
    ("形成从基础研究到应用开发再到产业化的完整链条。", ("sequence", "基础研究 > 应用开发 > 产业化")),
    ("实现从“制造”到“智造”的跨越。", ("sequence", "制造 > 智造")),
    ("推动创新成果从中试到量产。", ("sequence", "中试 > 量产")),
    # from_towards
    ("推动产业从中低端迈向中高端。", ("sequence", "中低端 > 中高端")),
    ("城市发展由外延扩张向内涵提升转变。", ("sequence", "外延扩张 > 内涵提升")),
    ("政府职能从管理型转为服务型。", ("sequence", "管理型 > 服务型")),
    ("推动能源结构由以煤为主向多元清洁转型。", ("sequence", "以煤为主 > 多元清洁")),
    # state_change
    ("加快经济结构的投资拉动向消费驱动转变。", ("sequence", "投资拉动 > 消费驱动")),
    # dashed cycles and flows
    ("构建“采集—治理—应用—反馈”的数据闭环。", ("cycle", "采集 > 治理 > 应用 > 反馈")),
    ("形成“技术—产品—市场—再投入”良性循环。", ("cycle", "技术 > 产品 > 市场 > 再投入")),
    ("完善“研发—生产—销售”链条。", ("sequence", "研发 > 生产 > 销售")),
    ("打通“原料→加工→物流→销售”全链条。", ("sequence", "原料 > 加工 > 物流 > 销售")),
    # stages
    ("加强采购、生产、流通、消费各环节监管。", ("sequence", "采购 > 生产 > 流通 > 消费")),
    ("覆盖项目立项、建设、验收全过程。", ("sequence", "项目立项 > 建设 > 验收")),
    ("贯通育种、种植、加工和销售全链条。", ("sequence", "育种 > 种植 > 加工 > 销售")),
    # build_on
    ("在突破“卡脖子”的基础上逐步突破“长板”“新赛道”。", ("sequence", "卡脖子 > 长板 > 新赛道")),
    # provide_for
    ("金融为实体经济提供资金，实体经济为金融创造收益。", ("mutual", "金融 > 实体经济 > 金融")),
    ("城市为乡村拓展市场空间，乡村为城市提供生态产品。", ("mutual", "城市 > 乡村 > 城市")),
    # reciprocal_verbs
    ("以高水平开放促进深层次改革，深层次改革支撑高水平开放。", ("mutual", "高水平开放 > 深层次改革 > 高水平开放")),
    ("消费带动投资、投资扩大消费，形成良性互动。", ("mutual", "消费 > 投资 > 消费")),
    ("创新驱动发展，发展反哺创新。", ("mutual", "创新 > 发展 > 创新")),
    # paired_in
    ("在发展中保障安全，在安全中促进发展。", ("mutual", "发展 > 安全 > 发展")),
    # paired_by
    ("坚持以城带乡、以乡促城。", ("mutual", "城 > 乡 > 城")),
    # reciprocity_word
    ("推动教育链和人才链互为支撑。", ("mutual", "教育链 > 人才链 > 教育链")),
    ("实现生态保护与经济发展良性互动。", ("mutual", "生态保护 > 经济发展 > 生态保护")),
    ("促进高校与企业之间双向赋能。", ("mutual", "高校 > 企业 > 高校")),
    # role groups
    ("建立以企业为主体、市场为导向、产学研深度融合的技术创新体系。", ("triad", "主体: 企业 | 导向: 市场")),
    ("坚持以创新为引领、以企业为主体、以市场为导向。", ("triad", "引领: 创新 | 主体: 企业 | 导向: 市场")),
    ("基层治理的根本在于党建引领，关键在于群众参与。", ("triad", "根本: 党建引领 | 关键: 群众参与")),
    ("根本在改革，关键在落实，核心是人才。", ("triad", "根本: 改革 | 关键: 落实 | 核心: 人才")),
    ("教育是基础，科技是关键，人才是根本。", ("triad", "基础: 教育 | 关键: 科技 | 根本: 人才")),
    ("做好稳就业工作的出发点是保障民生，落脚点是增进福祉。", ("triad", "出发点: 保障民生 | 落脚点: 增进福祉")),
    ("以数字化转型为突破口，以平台建设为抓手。", ("triad", "突破口: 数字化转型 | 抓手: 平台建设")),
]


@pytest.mark.parametrize("text, expected", FAMILY_CASES)
def test_family_sentences(text, expected):
    found = scored(text)
    if expected is None:
        assert found == [], found
    else:
        assert expected in found, found


TRAP_CASES = [
    "从严从紧加强资金管理，从而推动责任落实到位。",
    "从事研发到一定年限的人员可以申请。",
    "要从中找到差距，从未放松到今天。",
    "坚决服从安排到岗，做到无从推诿。",
    "从业人员到场参加培训。",
    "由于投入不足到年底尚未完工。",
    "推动创新链—产业链—资金链—人才链深度融合。",
    "推动创新链-产业链-资金链-人才链一体化部署。",
    "建设“科技—产业”创新集群。",
    "编制《2024—2026年行动方案》。",
    "财政收入由2020年的120亿元增长到2023年的156亿元。",
    "加强科技研发、产品迭代升级、应用场景建设等环节融通创新。",
    "由政府向社会力量购买服务。",
    "以人民为中心，以改革为动力推动发展。",
    "工作的重点是什么？",
]


@pytest.mark.parametrize("text", TRAP_CASES)
def test_traps_are_not_chains(text):
    found = [c for c in scored(text) if c[0] != "triad" or "以人民为中心" not in text]
    assert found == [], found


def test_html_markup_never_enters_a_node():
    table = extract_chains("推动产业从<span>低端</span>迈向高端。<p>“研发—中试—量产”良性循环</p>形成。")
    assert not table["nodes"].map(lambda ns: any("<" in n or ">" in n or "span" in n for n in ns)).any()
    table = extract_chains("<p>推动产业从低端迈向高端。</p>")
    assert ("sequence", "低端 > 高端") in list(zip(table["kind"], table["chain"]))


def test_every_family_extracts_from_its_own_example():
    patterns = chain_patterns()
    assert list(dict.fromkeys(patterns["family"])) == [f.name for f in FAMILIES]
    assert len(patterns) == sum(len(f.forms()) for f in FAMILIES)
    assert not (patterns["extracts"] == "（无）").any(), patterns
    kinds = dict(zip(patterns["family"], patterns["kind"]))
    for f in FAMILIES:
        for _, example in f.forms():
            table = extract_chains(example)
            assert kinds[f.name] in set(table.loc[table["family"] == f.name, "kind"]), example


def test_every_trap_example_yields_no_chain():
    traps = chain_traps()
    assert len(traps) >= 6 and (traps["extracts"] == "（无）").all(), traps


def test_doc_and_doc_id_columns(corpus):
    table = extract_chains(corpus.head(2))
    labels = dict(zip(corpus["doc_id"], corpus["label"]))
    assert {"doc_id", "doc"} <= set(table.columns)
    assert (table["doc"] == table["doc_id"].map(labels)).all()
    one = extract_chains("推动产业从低端迈向高端。")
    assert list(one["doc"]) == list(one["doc_id"]) == ["doc"]


def test_empty_and_tiny_inputs():
    assert extract_chains("").empty
    assert extract_chains("一句话。").empty
    assert list(extract_chains({}).columns) == list(extract_chains("").columns)


MORE_FAMILY_CASES = [
    ("从模仿跟随到自主研发，从自主研发到原始创新，路子越走越宽。", ("sequence", "自主研发 > 原始创新")),
    ("实现从技术引进上升到自主创新。", ("sequence", "技术引进 > 自主创新")),
    ("从样品的试制到产品的定型（含小批量试产）、检测再到批量供货。", ("sequence", "样品的试制 > 产品的定型 > 检测 > 批量供货")),
    ("从“跟着走”的被动局面到产业生态的主动塑造。", ("sequence", "跟着走的被动局面 > 产业生态")),
    ("以稳就业为底线，以扩内需为重点，以深化改革为根本动力。", ("triad", "底线: 稳就业 | 重点: 扩内需 | 根本动力: 深化改革")),
    ("以绿色发展为基本底色，以数字赋能为关键支撑。", ("triad", "基本底色: 绿色发展 | 关键支撑: 数字赋能")),
    ("以人民为中心，以改革为动力。", ("triad", "中心: 人民 | 动力: 改革")),
    ("内涵是高质量，特点是创新，关键在协同。", ("triad", "内涵: 高质量 | 特点: 创新 | 关键: 协同")),
    ("推动资金、技术、人才的良性循环。", ("cycle", "资金 > 技术 > 人才")),
    ("要“产业带动就业、就业反哺产业”。", ("mutual", "产业 > 就业 > 产业")),
    ("制度是创新发展的保障，创新是制度完善的动力。", ("mutual", "制度 > 创新 > 制度")),
    ("农业支撑工业发展，工业带动服务业升级，服务业又反哺农业现代化。", ("cycle", "农业 > 工业 > 服务业")),
]


#: issue 30: the families of argument-rich writing, one written sentence each
ISSUE30_CASES = [
    # two-way words beyond 相互促进
    ("推动数字经济与实体经济同频共振、双向赋能。", ("mutual", "数字经济 > 实体经济 > 数字经济")),
    ("推动高校和企业互促并进。", ("mutual", "高校 > 企业 > 高校")),
    ("促进科技与产业协同演进。", ("mutual", "科技 > 产业 > 科技")),
    ("科技变革与产业变革相互交织、彼此促进。", ("mutual", "科技变革 > 产业变革 > 科技变革")),
    # two clauses with different verbs; names that differ are named by the core they share
    ("以数字技术赋能制造业、以制造业场景牵引技术迭代。", ("mutual", "技术 > 制造业 > 技术")),
    ("坚持科技创新瞄准产业需求、产业发展依靠科技创新。", ("mutual", "科技创新 > 产业 > 科技创新")),
    # transitions with other verbs and prepositions
    ("推动产业从低端向高端跃迁。", ("sequence", "低端 > 高端")),
    ("推动制造业由传统制造迈入智能制造。", ("sequence", "传统制造 > 智能制造")),
    ("科技实力正在从量的积累迈向质的飞跃。", ("sequence", "量的积累 > 质的飞跃")),
    ("实现从要素驱动到创新驱动的转变。", ("sequence", "要素驱动 > 创新驱动")),
    ("推动产业发展从“数字赋能”向“实体扎根”的范式革新。", ("sequence", "数字赋能 > 实体扎根")),
    # dash chains called a process, a spiral or a main line: a sequence, not a loop
    ("形成“实践——认识——再实践”的螺旋上升过程。", ("sequence", "实践 > 认识 > 再实践")),
    ("以“功能论—地位论—价值论”为逻辑主线。", ("sequence", "功能论 > 地位论 > 价值论")),
    ("形成“研发—转化—应用”再回到研发的循环。", ("cycle", "研发 > 转化 > 应用")),
    # role groups whose role word follows the node, and the groups that drop 以…为
    ("教育第一生产力、人才第一资源。", ("triad", "第一生产力: 教育 | 第一资源: 人才")),
    ("发展是第一要务，人才是第一资源，创新是第一动力。", ("triad", "第一要务: 发展 | 第一资源: 人才 | 第一动力: 创新")),
    ("坚持以需求为导向、企业为主体、平台为依托。", ("triad", "导向: 需求 | 主体: 企业 | 依托: 平台")),
    # a chain told clause by clause, each leaning on the next
    ("创新要靠人才，人才要靠教育。", ("sequence", "创新 > 人才 > 教育")),
]


@pytest.mark.parametrize("text, expected", MORE_FAMILY_CASES + ISSUE30_CASES)
def test_more_family_sentences(text, expected):
    assert expected in scored(text), scored(text)


def test_dash_pairs_in_clauses_make_no_cycle():
    text = "优质的科技支撑学科建设—人才培养联动，高水平的人才驱动科技—教育融合，高品质的教育助推人才—科技协同。"
    assert [c for c in scored(text) if c[0] == "cycle"] == []


def test_a_single_loose_take_as_is_no_role():
    table = extract_chains("坚持以人民为中心。")
    assert table.empty or "中心" not in " ".join(table["chain"])


def test_from_to_followed_by_how_long_it_takes():
    assert ("sequence", "设计 > 投产") in scored("一款新车从设计到投产需要三年左右。")
    assert ("sequence", "次要 > 重要") in scored("这项工作从次要到重要。")


def test_two_halves_of_a_pair_that_act_on_each_other():
    assert ("mutual", "线上 > 线下 > 线上") in scored("推动线上线下两个渠道互为补充。")


@pytest.mark.parametrize("text", ["从1月到10月，累计完成投资。", "从上到下层层压实责任。", "从头到尾跟踪服务。"])
def test_dates_and_scope_idioms_are_not_chains(text):
    assert scored(text) == []


def test_take_as_groups_split_at_each_role():
    assert ("triad", "骨干: 先进制造业 | 支撑: 现代服务业") in scored("加快构建以先进制造业为骨干、现代服务业为支撑的现代产业体系。")
    assert not any("此" in c for _, c in scored("以此为契机，以项目为抓手，推进招商引资。"))


@pytest.mark.parametrize("text, expected", [
    ("打通从实验室到中试线，再到生产线的通道。", ("sequence", "实验室 > 中试线 > 生产线")),
    ("金融为实体经济服务，实体经济为金融提供优质资产。", ("mutual", "金融 > 实体经济 > 金融")),
    ("既要城市带动乡村，又要乡村支撑城市。", ("mutual", "城市 > 乡村 > 城市")),
    ("覆盖研发、设计、制造等各环节。", ("sequence", "研发 > 设计 > 制造")),
    ("推动大中小企业双向奔赴、高校和企业双向赋能。", ("mutual", "高校 > 企业 > 高校")),
])
def test_family_variants(text, expected):
    assert expected in scored(text), scored(text)


@pytest.mark.parametrize("text", [
    "加强" + "研发设计、" * 300 + "推广。",
    "、".join(["研发"] * 300) + "各环节。",
    "—".join(["科技"] * 300) + "闭环。",
    "从" * 500 + "到" * 500 + "。",
    "以" * 300 + "为" * 300 + "。",
    "，".join(["科技创新推动产业发展促进科技进步带动"] * 100) + "。",
])
def test_long_hostile_sentences_finish_quickly(text):
    import time

    start = time.perf_counter()
    extract_chains(text)
    assert time.perf_counter() - start < 5  # no catastrophic backtracking


@pytest.mark.parametrize("text, expected", [
    ("推动教育、科技和人才的良性循环。", ("cycle", "教育 > 科技 > 人才")),
    ("实现经济发展与生态保护相互促进。", ("mutual", "经济发展 > 生态保护 > 经济发展")),
    ("城市和乡村相互依存。", ("mutual", "城市 > 乡村 > 城市")),
    ("把创新作为第一动力，把人才作为第一资源。", ("triad", "第一动力: 创新 | 第一资源: 人才")),
    ("教育是强国建设的基础，科技是强国建设的关键，人才是强国建设的根本。",
     ("triad", "基础: 教育 | 关键: 科技 | 根本: 人才")),
    ("经历试点、推广、普及三个阶段。", ("sequence", "试点 > 推广 > 普及")),
    ("打造“研发—制造—销售”一条龙。", ("sequence", "研发 > 制造 > 销售")),
])
def test_more_variants(text, expected):
    assert expected in scored(text), scored(text)


def test_from_a_to_b_to_c():
    assert ("sequence", "研发 > 中试 > 量产") in scored("实现从研发到中试到量产的贯通。")
    assert ("sequence", "政策出台 > 落实到位") in scored("缩短从政策出台到落实到位的时间。")


@pytest.mark.parametrize("text, expected", [
    ("推动从教育到科技再到人才的贯通。", ("sequence", "教育 > 科技 > 人才")),
    ("实现从简单到复杂的跨越。", ("sequence", "简单 > 复杂")),
    ("打通从重点突破到整体推进的路径。", ("sequence", "重点突破 > 整体推进")),
])
def test_words_that_start_like_a_trap(text, expected):
    assert expected in scored(text), scored(text)


def test_the_first_productive_force_triple_is_a_role_group():
    # issue 30: the role word follows the node (第一生产力, 第一资源, 第一动力)
    assert ("triad", "第一生产力: 科技 | 第一资源: 人才 | 第一动力: 创新") in scored(
        "必须坚持科技是第一生产力、人才是第一资源、创新是第一动力。")


@pytest.mark.parametrize("text, expected", [
    ("推动发展从“有没有”转向“好不好”。", ("sequence", "有没有 > 好不好")),
    ("推动由“中国制造”向“中国创造”转变。", ("sequence", "中国制造 > 中国创造")),
])
def test_quoted_shifts(text, expected):
    assert expected in scored(text), scored(text)


def test_a_series_that_comes_back_to_its_start_is_a_cycle():
    assert ("cycle", "需求 > 研发 > 产品") in scored("形成需求→研发→产品→需求的链条。")


def test_a_role_group_with_difficulties():
    assert ("triad", "重点: 基层 | 难点: 农村 | 关键: 人才") in scored("重点在基层，难点在农村，关键在人才。")


@pytest.mark.parametrize("text, expected", [
    ("推动要素—技术—产业联动。", ("sequence", "要素 > 技术 > 产业")),
    ("打通在线学习—实践训练—能力认证链条。", ("sequence", "在线学习 > 实践训练 > 能力认证")),
])
def test_leading_verbs_are_not_cut_from_words(text, expected):
    assert expected in scored(text), scored(text)


def test_mutual_nodes_keep_their_first_character():
    assert ("mutual", "要素 > 市场 > 要素") in scored("要素支撑市场，市场配置要素。")
    assert ("mutual", "用户 > 产品 > 用户") in scored("用户塑造产品，产品服务用户。")


def test_examples_and_standards_are_not_roles():
    assert scored("以北京为例，以上海为例，两地做法不同。") == []
    assert scored("以国家标准为准，以地方标准为辅。") == []


def test_from_to_stops_before_a_scope_word():
    assert ("sequence", "田间 > 餐桌") in scored("加强从田间到餐桌全程监管。")
    assert scored("从中央到地方各级政府。") == []


def test_abridged_names_keep_both_ends():
    assert [c for c in scored("创新推动发展，发展创造新价值。") if c[0] == "mutual"] == []
    assert ("mutual", "科技创新 > 产业发展 > 科技创新") in scored(
        "科技创新为产业高质量发展拓展空间，产业发展为科技创新提供应用场景。")


def test_in_the_course_of_is_not_a_stage_list():
    assert scored("在推进工业化、城镇化、信息化过程中形成了经验。") == []
    assert ("sequence", "概念验证 > 中试放大 > 市场验证") in scored("要经历概念验证、中试放大、市场验证过程。")


# ---------------------------------------------------------------- the cue pass never loses a chain

#: sentences near a routing edge (a role word, then 就是; a loose role with 作为; one listed verb
#: answered by one the list lacks)
GATE_EDGES = ("突破口就是打通堵点。", "关键就在于落实。", "把改革作为动力，把开放作为途径。",
              "以城带乡、以工促农。", "从实验室到生产线。", "教育—科技—人才良性循环。", "要素支撑市场，市场配置要素。")


def _gate_sentences(texts) -> list[str]:
    """Seed sentences, every family's and trap's example, and pieces of them glued together
    (fixed seed), so the routing meets sentences that match and sentences that almost do."""
    import random

    from zhpolicy.extraction.chains import TRAPS
    from zhpolicy.reading.structure import sentences

    base = sorted(set(sentences(texts)["text"]) | {ex for f in FAMILIES for _, ex in f.forms()}
                  | {ex for _, ex in TRAPS} | {text for text, _ in FAMILY_CASES} | set(GATE_EDGES))
    rng = random.Random(0)
    glued = []
    for _ in range(3000):
        a, b = rng.choice(base), rng.choice(base)
        i = rng.randrange(len(a) + 1)
        glued.append(a[i:rng.randrange(i, len(a) + 1)] + b[:rng.randrange(len(b) + 1)])
    return base + glued


def test_the_cue_pass_sends_every_chain_to_its_family(texts):
    """A family run on every sentence with every pattern (all cue bits set) finds exactly what it
    finds behind the cue pass, its gate and its own pattern routing."""
    from zhpolicy.extraction.chains import _mask_markup
    from zhpolicy.extraction.chains.cuepass import WIDTH, cue_masks

    everything = (1 << 3 * WIDTH) - 1
    sentences = _gate_sentences(texts)
    misses = []
    for sentence, cues in zip(sentences, cue_masks(sentences)):
        masked = _mask_markup(sentence)
        for family in FAMILIES:
            if family.scope == "sentence" and family.scan(masked, cues) != family.find(masked, everything):
                misses.append((family.name, sentence))
    assert misses == []


def test_every_family_example_is_routed_to_its_family():
    from zhpolicy.extraction.chains.cuepass import cue_masks

    for family in FAMILIES:
        for _, example in family.forms():
            cues = cue_masks([example])[0]
            assert family.routes(cues) and (family.gate is None or family.gate(example)), (family.name, example)


def test_both_cue_pass_engines_give_the_same_chains(corpus, monkeypatch):
    from zhpolicy.extraction.chains.cuepass import CuePass

    fast = extract_chains(corpus)
    monkeypatch.setattr(CuePass, "current", CuePass("regex"))
    slow = extract_chains(corpus)
    assert fast.to_csv(index=False) == slow.to_csv(index=False)


def test_every_cue_list_in_the_data_file_is_read_by_a_rule():
    from zhpolicy.extraction.chains import chain_cues
    from zhpolicy.extraction.chains.cues import _ASKED

    assert set(chain_cues()["list"]) <= _ASKED, set(chain_cues()["list"]) - _ASKED
    assert not chain_cues().duplicated(["list", "cue"]).any()


# ---------------------------------------------------------------- issue 30: argument-rich writing



def test_a_mutual_told_in_two_sentences_spans_both():
    text = "一方面，高校为企业输送人才。另一方面，企业反哺高校的科研。"
    table = extract_chains(text)
    row = table[table["family"] == "two_sides"].iloc[0]
    assert (row["kind"], row["chain"]) == ("mutual", "高校 > 企业 > 高校")
    assert (row["start"], row["end"]) == (0, len(text)) and row["surface"] == text == row["sentence"]


def test_a_mutual_told_in_two_halves_a_few_sentences_apart():
    text = ("新型城镇化与农业绿色发展联系紧密。一方面，新型城镇化建设可以带动绿色农业发展。"
            "资金和人才流入农村。另一方面，农业绿色发展为城镇化建设提供支撑。")
    assert ("mutual", "新型城镇化建设 > 农业绿色发展 > 新型城镇化建设") in scored(text)


def test_a_second_half_opened_by_tongshi_needs_a_two_way_word():
    assert ("mutual", "数据要素 > 数字产业 > 数据要素") in scored("数据要素为数字产业提供原料；同时，数字产业激活数据要素，二者良性互动。")
    assert [c for c in scored("数据要素为数字产业提供原料；同时，数字产业激活数据要素。") if c[0] == "mutual"] == []


def test_a_node_never_runs_past_a_connective():
    found = scored("实现从0到1、从1到100特别是从1到10的突破，尤其是从样机到量产。")
    assert {("sequence", "0 > 1"), ("sequence", "1 > 100"), ("sequence", "1 > 10"), ("sequence", "样机 > 量产")} <= set(found)
    assert not any("特别是" in c or "尤其是" in c for _, c in found)


def test_quoted_single_characters_are_terms_but_degree_idioms_stay_traps():
    assert ("sequence", "治 > 兴") in scored("实现从“治”到“兴”的跨越。")
    assert ("sequence", "治 > 兴") in scored("實現從「治」到「興」的跨越。".translate(str.maketrans("實現從興躍", "实现从兴跃")))
    assert scored("推动新兴产业从无到有、从小到大。") == []
    # the chain is inside the quotes (由乱到治: one character a stage), not 从「由乱 > 治」
    assert scored("已实现从「由乱到治」的转折。") == [("sequence", "乱 > 治")]


def test_a_trap_word_before_the_real_chain_does_not_hide_it():
    assert ("sequence", "科技强 > 产业强 > 经济强") in scored("从而打通从科技强到产业强、经济强的通道。")


def test_a_first_role_alone_or_beside_another_role_is_no_triad():
    assert [c for c in scored("产业是发展的根基，科技是第一生产力。") if c[0] == "triad"] == []
    assert [c for c in scored("科技是第一生产力。") if c[0] == "triad"] == []


# Families of issue 30 (second round): one-character stages, 由A及B, ranges, quoted and listed
# starts, ASCII asides, shifts after a comma, counted and quoted stage lists, loops said in words,
# pairs resumed by 二者, titles inside take-as groups.
ISSUE30_FAMILY_CASES = [
    ("这座城市走过了由乱到治、由治及兴的历程。", [("sequence", "乱 > 治"), ("sequence", "治 > 兴")]),
    ("我们完成了从站起来、富起来到强起来的伟大飞跃。", [("sequence", "站起来 > 富起来 > 强起来")]),
    ("他提出“从跟跑到领跑”的判断。", [("sequence", "跟跑 > 领跑")]),
    ("推动成果从概念验证(Proof of Concept)到规模量产。", [("sequence", "概念验证 > 规模量产")]),
    ("推动发展方式从粗放扩张，转向集约提升。", [("sequence", "粗放扩张 > 集约提升")]),
    ("推动科研成果由论文向专利转化。", [("sequence", "论文 > 专利")]),
    ("覆盖选题、撰稿、审校等多个阶段。", [("sequence", "选题 > 撰稿 > 审校")]),
    ("产品须经过小样、中样、大样3个验证阶段。", [("sequence", "小样 > 中样 > 大样")]),
    ("打通“选种、育苗、移栽”的环节堵点。", [("sequence", "选种 > 育苗 > 移栽")]),
    ("调查、分析、再调查、再分析，循环往复。", [("cycle", "调查 > 分析 > 再调查 > 再分析")]),
    ("试点、总结、再试点，周而复始。", [("cycle", "试点 > 总结 > 再试点")]),
    ("打破高校与企业之间的壁垒，以二者的双向赋能激发创新活力。", [("mutual", "高校 > 企业 > 高校")]),
    ("城市和乡村，二者互为支撑。", [("mutual", "城市 > 乡村 > 城市")]),
    ("文化与旅游二者相互促进。", [("mutual", "文化 > 旅游 > 文化")]),
    ("每一次技术突破与产业升级相互促进。", [("mutual", "技术突破 > 产业升级 > 技术突破")]),
    ("贯通中试与熟化、注册与公司化、融资与市场化各环节。", [("sequence", "中试与熟化 > 注册与公司化 > 融资与市场化")]),
    ("推动教育、科技和人才的良性循环。", [("cycle", "教育 > 科技 > 人才")]),
    ("以《发展纲要》为引领、以企业为主体、以市场为导向。", [("triad", "引领: 《发展纲要》 | 主体: 企业 | 导向: 市场")]),
]


@pytest.mark.parametrize("text, expected", ISSUE30_FAMILY_CASES)
def test_issue30_families(text, expected):
    assert scored(text) == expected


ISSUE30_TRAPS = [
    "要由表及里、由浅入深地开展调研。",  # one-character degree idioms
    "工作要由近及远、由易到难。",
    "改革进入从由点到面到由面及体的新阶段。",  # 从由…: the inner frames are degree idioms
    "从由弱到强到由强到优，企业不断成长。",
    "从省到县都要落实。",  # a range of levels
    "从今以后要加强管理。",  # a time
    "从春到秋都要巡查。",  # a span of time
    "从一到十逐个检查。",  # one character beside a clause that ran on
    "从量到质实现飞跃。",
    "从中央部委到各地方政府都在行动。",  # a range of actors
    "从龙头企业到所有中小企业都受益。",
    "支持企业研发、设计、制造。",  # a list of activities, no stage word
]


@pytest.mark.parametrize("text", ISSUE30_TRAPS)
def test_issue30_traps(text):
    assert scored(text) == []


def test_a_pronoun_for_both_is_no_node_of_a_relation():
    table = extract_chains("打破高校与企业之间的壁垒，以二者的双向赋能激发创新活力。")
    assert not table["nodes"].map(lambda ns: any(n.startswith(("二者", "两者")) for n in ns)).any(), table


# Issue 30, third round (families missed on unseen argument-rich writing): A因B而X，B因A而Y; a
# dash-joined series named as stages (“A–B–C”三阶段演进, with bracketed periods in the nodes).
ISSUE30_ROUND3_CASES = [
    ("城市因产业而兴，产业因城市而旺。", [("mutual", "城市 > 产业 > 城市")]),
    ("企业因人才而强、人才因企业而聚。", [("mutual", "企业 > 人才 > 企业")]),
    ("园区建设历经“起步探索（2010~2015年）–规模扩张（2016~2020年）–提质增效（2021年至今）”三阶段演进。",
     [("sequence", "起步探索 > 规模扩张 > 提质增效")]),
    ("改革经历“试点—推广—普及”三个阶段。", [("sequence", "试点 > 推广 > 普及")]),
]


@pytest.mark.parametrize("text, expected", ISSUE30_ROUND3_CASES)
def test_issue30_round3_families(text, expected):
    assert scored(text) == expected


ISSUE30_ROUND3_TRAPS = [
    "优质的数据支撑算法—算力协同，充足的算力驱动数据—算法融合。",  # objects are dash-joined pairs
    "高水平的教育支撑科研—产业对接，高质量的产业带动教育—科研互动。",
    "因地制宜发展产业，因此产业因时而变。",  # 因 inside words; one 因…而 clause alone
    "企业因创新而强，因人才而兴。",  # the second clause has no subject: not a pair acting on each other
    "项目因资金不足而停工，资金因审批滞后而延迟。",  # two causes, not A ⇄ B
    "推动创新链—产业链—资金链阶段性融合。",  # a stage word inside a longer word after a set
    "推动“创新链—产业链—资金链”的阶段性融合。",
]


@pytest.mark.parametrize("text", ISSUE30_ROUND3_TRAPS)
def test_issue30_round3_traps(text):
    assert scored(text) == []
