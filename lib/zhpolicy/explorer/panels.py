"""The six views of the explorer, each built from :mod:`.views` (the library's calls) into Panel widgets.

``<key>_view(session, container)`` fills *container* for the session's corpus; interactive parts
(a clicked cell, a typed term, two groups of documents) compute in a worker thread as well.
"""

from __future__ import annotations

import html
import io
import warnings
from pathlib import Path

import pandas as pd
import panel as pn
from bokeh.models.widgets.tables import NumberFormatter

from zhpolicy.analysis import themes as theme_coding
from zhpolicy.errors import CorpusError
from zhpolicy.extraction import instruments
from zhpolicy.paths import output_dir
from zhpolicy.teaching.lessons import catalog_note

from . import views as V
from .files import csv_bytes, inside, xlsx_bytes
from .widgets import heading, image, note, png, table

DOCUMENT_FORMATS = ".txt,.md,.docx,.pdf,.html,.htm,.zip"


def _download(label: str, filename: str, make_bytes) -> pn.widgets.FileDownload:
    return pn.widgets.FileDownload(callback=lambda: io.BytesIO(make_bytes()), filename=filename, label=label,
                                   button_type="primary", embed=False, width=220)


def _documents(session) -> dict[str, str]:
    """Document label -> doc_id, in corpus order."""
    corpus = session.analyses.corpus
    return dict(zip(corpus["label"], corpus["doc_id"]))


# ---------------------------------------------------------------- your texts


def texts_content(session) -> list:
    a = session.analyses
    corpus_widget = table(V.corpus_table(a), editable=("title", "date"), wrap=("source",),
                          filters=("doc_id", "title", "genre"))
    skipped, metadata = V.skipped_table(a), V.metadata_files(a)
    notes = [note(w, "warning") for w in a.corpus.attrs.get("warnings", [])[:8]]
    uploader = pn.widgets.FileInput(multiple=True, accept=DOCUMENT_FORMATS, name="上传文件")
    path_input = pn.widgets.TextInput(name="或者：文件夹路径（例如 D:\\政策文本 或 ~/my_texts）", placeholder="文件夹路径",
                                      width=420)
    read_button = pn.widgets.Button(name="读取文件夹", button_type="primary", width=120)
    seeds_button = pn.widgets.Button(name="回到示例语料", width=140)
    message = pn.Column(sizing_mode="stretch_width")
    uploaded = inside(a.folder, session.explorer.work.root)

    async def load(folder, what: str):
        try:
            analyses = await session.compute(message, f"正在读取{what}……（文件多时需要一些时间）", session.explorer.load, folder)
        except CorpusError as exc:
            message[:] = [note(f"没有读取：{exc}", "danger")]
            return
        message[:] = []
        await session.use(analyses)

    async def on_upload(event):
        if not uploader.value:
            return
        files = dict(zip(uploader.filename, uploader.value))
        try:
            folder, problems = session.explorer.work.save(files)
        except CorpusError as exc:
            message[:] = [note(str(exc), "danger")]
            return
        session.upload_notes = problems
        await load(folder, f"上传的 {len(files)} 个文件")

    async def on_read(event):
        path = path_input.value.strip().strip('"')
        if path:
            await load(path, "文件夹")

    async def on_seeds(event):
        await load(session.explorer.default_folder, "示例语料")

    uploader.param.watch(on_upload, "value")
    read_button.on_click(on_read)
    seeds_button.on_click(on_seeds)

    def catalog() -> bytes:
        edited = pd.DataFrame(corpus_widget.value.values, columns=V.CORPUS_COLUMNS)
        return csv_bytes(V.catalog_table(a, edited))

    apply_button = pn.widgets.Button(name="用修改后的目录重新读取", width=220, visible=uploaded)

    async def on_apply(event):
        edited = pd.DataFrame(corpus_widget.value.values, columns=V.CORPUS_COLUMNS)
        (Path(a.folder) / "catalog.csv").write_bytes(csv_bytes(V.catalog_table(a, edited)))
        await load(a.folder, "上传的文件")

    apply_button.on_click(on_apply)
    where = ("这些文件是上传的（保存在工作文件夹里）：改好标题和日期后可以直接重新读取。" if uploaded else
             "浏览器从不写入你的文件夹：下载 catalog.csv，放进语料文件夹，再点“读取文件夹”，修改就生效了。")
    upload_notes = [note(n, "warning") for n in session.upload_notes[:10]] if uploaded else []
    return [
        heading("选择文本"),
        pn.pane.HTML('<span class="zp-note">上传 .txt、.md、.docx、.pdf、.html 文件，或一个 .zip 压缩包（可含子文件夹）；'
                     "上传的文件保存在一个临时工作文件夹里，不会写进你的语料文件夹。</span>"),
        pn.Row(uploader, path_input, read_button, seeds_button, align="end"), message,
        *upload_notes, *notes,
        heading(f"读取了 {len(a.corpus)} 篇文档"),
        pn.pane.HTML('<span class="zp-note">标题和日期可以直接在表里修改（双击单元格）；“来源”两列说明它们是从哪里来的。</span>'),
        corpus_widget,
        pn.Row(_download("下载 catalog.csv", "catalog.csv", catalog), apply_button),
        pn.pane.HTML(f'<span class="zp-note">{html.escape(where)}</span>'),
        *[pn.pane.HTML(f'<span class="zp-note">{html.escape(catalog_note(name))}</span>') for name in metadata["file"]],
        heading(f"没有读取的文件（{len(skipped)} 个）"),
        table(skipped, wrap=("reason",)) if len(skipped) else pn.pane.HTML(
            '<span class="zp-note">文件夹里的文档都读取了' + ("（catalog.csv 用作目录，见上）" if len(metadata) else "")
            + "。</span>"),
        session.code("texts", "texts", opening=False),
    ]


async def texts_view(session, container) -> None:
    container[:] = texts_content(session)


# ---------------------------------------------------------------- words


async def words_view(session, container) -> None:
    a = session.analyses
    per_doc = await session.compute(container, "正在分词、计算词频……", lambda: V.frequency_table(a), ready=a.ready("tokens"))
    labels = _documents(session)
    doc_choice = pn.widgets.MultiChoice(name="只看这些文档（空 = 全部）", options=labels, width=500)
    freq_table = table(per_doc, filters=("doc_id", "term"))
    cloud = pn.Column(sizing_mode="stretch_width")

    async def draw_cloud(event=None):
        chosen = list(doc_choice.value)
        data = await session.compute(cloud, "正在画词云……", a.picture, "cloud:" + "|".join(chosen),
                                     lambda: V.cloud_png(V.cloud_frequencies(a, chosen)))
        cloud[:] = [image(data, width=800)]

    doc_choice.param.watch(draw_cloud, "value")

    # keyness between two groups
    first = list(labels.values())[:1]
    group_a = pn.widgets.MultiChoice(name="A 组（目标）", options=labels, value=first, width=420)
    group_b = pn.widgets.MultiChoice(name="B 组（参照；空 = 其余全部文档）", options=labels, width=420)
    key_out = pn.Column(sizing_mode="stretch_width")

    async def run_keyness(event=None):
        target, reference = list(group_a.value), [d for d in group_b.value if d not in group_a.value]
        if not target or len(labels) < 2:
            key_out[:] = [note("请在 A 组里至少选一篇文档（语料至少要有两篇才能比较）。")]
            return
        try:
            key = await session.compute(key_out, "正在计算关键性……", V.keyness_table, a, target, reference or None)
        except ValueError as exc:
            key_out[:] = [note(f"无法比较：{exc}", "warning")]
            return
        key_out[:] = [table(key), session.code("words", "keyness", target=target, reference=reference or None)]

    group_a.param.watch(run_keyness, "value")
    group_b.param.watch(run_keyness, "value")

    # KWIC
    term = pn.widgets.TextInput(name="检索词", value="融合", width=200)
    window = pn.widgets.IntSlider(name="左右各取几个字", start=5, end=40, value=15, width=220)
    sort = pn.widgets.RadioButtonGroup(name="排序", options={"文档顺序": "", "按左侧排序": "left", "按右侧排序": "right"},
                                       value="left")
    kwic_out = pn.Column(sizing_mode="stretch_width")

    async def run_kwic(event=None):
        word = term.value.strip()
        if not word:
            kwic_out[:] = [note("请输入一个检索词。")]
            return
        sort_by = sort.value or None
        hits = await session.compute(kwic_out, "正在检索……", V.kwic_table, a, word, window.value, sort_by)
        shown = hits[["doc_id", "left", "keyword", "right", "section", "sentence"]]
        kwic_out[:] = [pn.pane.HTML(f'<span class="zp-note">“{html.escape(word)}”出现 {len(hits)} 次。</span>'),
                       table(shown, wrap=("sentence",), text_align={"左侧语境": "right"}),
                       session.code("words", "kwic", term=word, window=window.value, sort_by=sort_by)]

    for widget in (term, window, sort):
        widget.param.watch(run_kwic, "value")

    # dispersion
    terms = pn.widgets.TextInput(name="几个词（用空格或顿号隔开）", value="科技创新 新质生产力 企业", width=420)
    disp_out = pn.Column(sizing_mode="stretch_width")

    async def run_dispersion(event=None):
        words = [w for w in terms.value.replace("、", " ").replace(",", " ").replace("，", " ").split() if w][:8]
        if not words:
            disp_out[:] = [note("请输入至少一个词。")]
            return
        spread = await session.compute(disp_out, "正在计算离散度……", V.dispersion_table, a, words)
        picture = await session.compute(disp_out, "正在画离散度图……", png, V.dispersion_plot, a, words)
        disp_out[:] = [table(spread), image(picture, width=800), session.code("words", "dispersion", terms=words)]

    terms.param.watch(run_dispersion, "value")

    sections = pn.Tabs(
        ("每篇词频", pn.Column(pn.pane.HTML('<span class="zp-note">每万字频次 per_10k = 该词在这篇文档中出现的次数 ÷ 文档字数 × 10000；'
                                         "在表头下的框里输入文档编号或词筛选。</span>"),
                             freq_table, session.code("words", "frequencies"), sizing_mode="stretch_width")),
        ("词云", pn.Column(doc_choice, cloud, session.code("words", "cloud"), sizing_mode="stretch_width")),
        ("关键性", pn.Column(pn.Row(group_a, group_b), key_out, sizing_mode="stretch_width")),
        ("KWIC 检索", pn.Column(pn.Row(term, window, sort), kwic_out, sizing_mode="stretch_width")),
        ("离散度", pn.Column(terms, disp_out, sizing_mode="stretch_width")),
        dynamic=False, sizing_mode="stretch_width")
    fill = {1: draw_cloud, 2: run_keyness, 3: run_kwic, 4: run_dispersion}  # each section when first opened

    async def on_section(event):
        if event.new in fill:
            await fill.pop(event.new)()

    sections.param.watch(on_section, "active")
    container[:] = [sections]


# ---------------------------------------------------------------- themes


async def themes_view(session, container) -> None:
    a = session.analyses
    coded = await session.compute(container, "正在切分段落、按编码表编码……", a.coded_units, ready=a.ready("coded_units"))
    book_widget = table(V.codebook_for_editing(), chinese=False, editable=("theme", "terms", "all_of", "none_of", "description"),
                        wrap=("terms", "description"), page_size=20)
    add_row = pn.widgets.Button(name="添加一行", width=100)
    apply = pn.widgets.Button(name="按这张编码表重新编码", button_type="primary", width=200)
    heat_out = pn.Column(sizing_mode="stretch_width")
    cell_out = pn.Column(sizing_mode="stretch_width")
    state = {"coded": coded, "codebook": None}

    def show_heatmap():
        codebook = state["codebook"] if state["codebook"] is not None else V.codebook_from_editing(V.codebook_for_editing())
        share = V.theme_share(state["coded"], codebook)
        shown = share.reset_index()
        shown.insert(1, "label", shown["doc_id"].map(a.labels))
        themes = list(codebook["theme"])
        grid = table(shown, filters=("label",), selectable=False,
                     formatters={t: NumberFormatter(format="0%") for t in themes})
        grid.style.background_gradient(cmap="Blues", subset=themes, vmin=0, vmax=1)

        async def on_click(event):
            if event.column not in themes:
                return
            doc_id = grid.value.iloc[event.row, 0]
            rows = theme_coding.cell_units(state["coded"], doc_id, event.column)
            title = f"《{a.labels.get(doc_id, doc_id)}》中编码为“{event.column}”的段落（{len(rows)} 段）"
            cell_out[:] = [heading(title, 4), table(rows, wrap=("text",)) if len(rows) else note("这一格是 0：没有段落。")]

        grid.on_click(on_click)
        heat_out[:] = [pn.pane.HTML('<span class="zp-note">每格 = 这篇文档中编码了该主题的段落所占比例（0–1），颜色越深比例越高。'
                                    "点一个格子，下面列出它背后的段落。</span>"), grid]

    async def on_apply(event):
        try:
            codebook = V.codebook_from_editing(pd.DataFrame(book_widget.value))
        except Exception as exc:  # a malformed row: say so, keep the old coding
            heat_out[:] = [note(f"编码表有问题：{exc}", "danger")]
            return
        if codebook.empty:
            heat_out[:] = [note("编码表是空的：每行至少要有主题名称和词。", "warning")]
            return
        state["codebook"] = codebook
        state["coded"] = await session.compute(heat_out, "正在按新的编码表编码……", a.coded_units, codebook)
        cell_out[:] = []
        show_heatmap()

    def on_add(event):
        book_widget.stream(pd.DataFrame([{"theme": "新主题", "terms": "", "all_of": "", "none_of": "", "description": ""}]))

    apply.on_click(on_apply)
    add_row.on_click(on_add)
    show_heatmap()
    container[:] = [
        heading("编码表"),
        pn.pane.HTML('<span class="zp-note">一行一个主题：terms 中任一词出现即编码；all_of 中的词必须同时出现（AND）；'
                     "none_of 中的短语先删去再匹配（NOT）。多个词用 | 隔开。双击单元格修改。</span>"),
        book_widget, pn.Row(add_row, apply,
                            _download("下载编码表 CSV", "codebook.csv", lambda: csv_bytes(pd.DataFrame(book_widget.value)))),
        heading("主题 × 文档热图"), heat_out, cell_out, session.code("themes", "themes"),
    ]


# ---------------------------------------------------------------- statistics


def _marked(stats: pd.DataFrame) -> pd.DataFrame:
    """The statistics with the figure marked 【】 in its sentence (as lesson 05 prints it)."""
    sentences = [s.replace(f, f"【{f}】", 1) for s, f in zip(stats["sentence"], stats["surface"])]
    return stats.assign(sentence=sentences)


async def statistics_view(session, container) -> None:
    a = session.analyses
    stats = await session.compute(container, "正在抽取统计数字……", lambda: V.statistics_table(a), ready=a.ready("statistics"))
    flags = await session.compute(container, "正在做一致性检查……", lambda: V.flags_table(a), ready=a.ready("flags"))
    chart = await session.compute(container, "正在画图……", a.picture, "statistics", lambda: png(V.statistics_plot, a),
                                  ready=a.ready("picture:statistics"))
    from zhpolicy.extraction.stats import format_value

    shown = _marked(stats)[V.STATISTICS_COLUMNS].assign(value=stats["value"].map(format_value))
    container[:] = [
        heading(f"统计数字（{len(stats)} 个）"),
        pn.pane.HTML('<span class="zp-note">每个数字都带着它的原句（【】标出数字）；在表头下的框里输入文字筛选文本、类型、年份、单位、指标。</span>'),
        table(shown, wrap=("sentence", "indicator"), filters=V.STATISTICS_FILTERS),
        pn.Row(_download("下载 CSV", "statistics.csv", lambda: csv_bytes(V.statistics_download(a))),
               _download("下载 Excel (.xlsx)", "statistics.xlsx",
                         lambda: xlsx_bytes({"statistics": V.statistics_download(a), "flags": flags}))),
        heading(f"一致性检查（{len(flags)} 条）"),
        table(flags[["check", "doc", "surface", "other_doc_id", "other_surface", "reason"]], wrap=("reason",))
        if len(flags) else note("没有发现需要核对的地方。"),
        heading("按类型分面的统计数字"), image(chart),
        session.code("statistics", "statistics"),
    ]


# ---------------------------------------------------------------- logic chains


async def chains_view(session, container) -> None:
    a = session.analyses
    chains = await session.compute(container, "正在抽取逻辑链……", lambda: V.chains_table(a), ready=a.ready("chains"))
    degrees = V.concept_degrees(a)
    graph = await session.compute(container, "正在画概念图……", a.picture, "concepts", lambda: png(V.concept_plot, a),
                                  ready=a.ready("picture:concepts"))
    labels = _documents(session)
    choice = pn.widgets.Select(name="文档", options={"全部文档": ""} | labels, width=420)
    out = pn.Column(sizing_mode="stretch_width")

    def show(event=None):
        rows = V.chains_table(a, choice.value or None)
        out[:] = [table(rows[V.CHAIN_COLUMNS], wrap=("sentence",)) if len(rows) else note("这篇文档里没有找到逻辑链。")]

    choice.param.watch(show, "value")
    show()
    container[:] = [heading(f"逻辑链（{len(chains)} 条）"), choice, out,
                    heading("合并概念图"), image(graph), table(degrees, chinese=False),
                    session.code("chains", "chains")]


# ---------------------------------------------------------------- policy instruments


async def instruments_view(session, container) -> None:
    a = session.analyses
    coded = await session.compute(container, "正在切分条款、编码政策工具……", lambda: a.coded_clauses,
                                  ready=a.ready("coded_clauses"))
    grid_table = V.type_stage(a)
    per_doc, per_type = V.intensity_tables(a)
    chart = await session.compute(container, "正在画政策强度图……", a.picture, "intensity", lambda: png(V.intensity_plot, a),
                                  ready=a.ready("picture:intensity"))
    cell_out = pn.Column(sizing_mode="stretch_width")
    stages = list(grid_table.columns)
    shown = grid_table.reset_index()
    grid = table(shown, selectable=False)
    grid.style.background_gradient(cmap="Oranges", subset=[c for c in grid.value.columns if c in stages], axis=None)

    async def on_click(event):
        if event.column not in stages:
            return
        kind = grid.value.iloc[event.row, 0]
        rows = instruments.cell_clauses(coded, kind, event.column)
        cell_out[:] = [heading(f"{kind} × {event.column}：{len(rows)} 个措施条款", 4),
                       table(rows, wrap=("text", "cues")) if len(rows) else note("这一格是 0。")]

    grid.on_click(on_click)
    sheet_n = pn.widgets.IntInput(name="抽取条款数", value=40, start=5, end=500, width=120)

    def coding_sheet_bytes() -> bytes:
        sheet = V.coding_sheet(a, n=sheet_n.value)  # export_coding_sheet keeps every cell text
        xlsx, _ = instruments.export_coding_sheet(sheet, "explorer_coding_sheet", folder=output_dir())
        return xlsx.read_bytes()

    # agreement of two coders
    first = pn.widgets.FileInput(accept=".xlsx,.csv", name="编码员甲")
    second = pn.widgets.FileInput(accept=".xlsx,.csv", name="编码员乙")
    dimension = pn.widgets.Select(name="看哪一维的混淆表和分歧", value="type",
                                  options={"是否措施": "measure", "工具类型": "type", "工具子类": "subtype",
                                           "创新链环节": "stage", "政策强度": "intensity"}, width=220)
    agree_out = pn.Column(sizing_mode="stretch_width")

    def read_sheet(widget, name):
        folder = session.explorer.work.root / "coding-sheets"
        folder.mkdir(exist_ok=True)
        path = folder / f"{name}{'.xlsx' if widget.filename.lower().endswith(('.xlsx', '.xlsm')) else '.csv'}"
        path.write_bytes(widget.value)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return instruments.read_coding_sheet(path)

    async def run_agreement(event=None):
        if not first.value:
            agree_out[:] = [note("请先上传编码表：两位编码员各一份，或一份两组列都填好的表。")]
            return
        try:
            sheet_a = read_sheet(first, "coder-a")
            sheet_b = read_sheet(second, "coder-b") if second.value else None
            sheet = instruments.combine_sheets(sheet_a, sheet_b, names=(first.filename, second.filename or ""))
        except (CorpusError, ValueError, KeyError, OSError) as exc:
            agree_out[:] = [note(f"无法读取编码表：{exc}", "danger")]
            return
        result, confusion, diff = V.agreement(sheet, dimension.value)
        agree_out[:] = [heading("一致率与 Cohen's κ", 4), table(result),
                        heading("混淆表（行 = 编码员甲，列 = 编码员乙）", 4), pn.pane.DataFrame(confusion),
                        heading(f"分歧（{len(diff)} 条）", 4), table(diff, wrap=("text",)) if len(diff) else note("没有分歧。"),
                        session.code("instruments", "agreement", opening=False)]

    for widget in (first, second, dimension):
        widget.param.watch(run_agreement, "value")
    await run_agreement()
    container[:] = [
        heading("工具类型 × 创新链环节（措施条款数）"),
        pn.pane.HTML('<span class="zp-note">点一个格子，下面列出它背后的条款和触发编码的线索词。</span>'),
        grid, cell_out,
        heading("政策强度"), table(per_doc.reset_index()), table(per_type.reset_index()), image(chart),
        heading("双人编码"),
        pn.pane.HTML('<span class="zp-note">1. 下载编码表（按文档分层抽样，规则的编码不在表里）；2. 两人各自填写 coder1_… 列'
                     "（下拉菜单里是允许的编码）；3. 把两份表传上来，得到一致率、κ、混淆表和分歧。编码表同时保存在输出文件夹里。</span>"),
        pn.Row(sheet_n, _download("下载编码表 (.xlsx)", "coding_sheet.xlsx", coding_sheet_bytes), align="end"),
        pn.Row(first, second, dimension), agree_out,
        session.code("instruments", "instruments"),
    ]
