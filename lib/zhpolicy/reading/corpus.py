"""Load a folder of Chinese texts into a pandas DataFrame, one row per document.

The folder is read recursively. Documents are ``.txt``/``.md`` (any common Chinese encoding),
``.docx``, ``.pdf`` with a text layer, and ``.html``/``.htm`` (see :mod:`zhpolicy.reading.readers`).
Everything else — ``README``/``LICENSE``, ``catalog.csv``, hidden files, images, legacy ``.doc``,
scanned PDFs … — is not loaded and is listed, with the reason, in ``corpus.attrs["skipped"]``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import warnings
from pathlib import Path

import pandas as pd

from .._docs import count_chars
from .clean import boilerplate_matches, clean_text, strip_boilerplate, unify_punctuation
from ..errors import CorpusError
from ..numbers import CITATION
from ..paths import default_corpus_dir, resolve_user_path, shown_path
from .dates import find_date, find_date_with_place, normalise_date, year_only
from .readers import read_document, skip_reason
from .regions import REGION_NAMES, simplify, text_region
from .tables import TABLE_COLUMNS, empty_tables, table_rows
from .textio import decode_bytes, looks_traditional
from .titles import clean_site_title, find_title, is_junk_title, unbracket

#: Metadata columns of a catalog file, in display order.
CATALOG_COLUMNS = ["title", "author", "source", "genre", "date", "note"]
CORPUS_COLUMNS = ["doc_id", "label", "file", *CATALOG_COLUMNS, "title_source", "date_source", "encoding",
                  "n_chars_raw", "n_chars", "raw", "text"]
#: Name of the catalog file inside a corpus folder.
CATALOG_NAME = "catalog.csv"
#: Formats whose reader leaves HTML markup in the text for the cleaning step to remove (a page saved as
#: .txt). The other readers turn markup into text themselves (BeautifulSoup, markdown-it-py, Word, PDF), so
#: a ``<script>`` or ``&lt;p&gt;`` their text shows is text, never removed or decoded a second time.
MARKUP_IN_TEXT = (".txt",)

_AUTHOR = re.compile(r"作者\s*[：:]\s*(\S+)")
_BYLINE = re.compile(r"^[□■]\s*(\S{2,8})\s*$", re.MULTILINE)

# ---------------------------------------------------------------- titles and dates

__all__ = ["find_date", "find_title", "load_corpus", "normalise_date", "tables"]

#: Title sources that rank above the document's own title lines.
_STRONG_TITLES = ("front_matter", "html_meta", "export_header", "html_title")
#: Dates taken from a file's properties (its creation date): a guess, flagged in ``date_source``.
_PROPERTY_DATES = ("pdf_metadata", "docx_properties")
#: Date sources that rank above the dates found in the text.
_STRONG_DATES = ("front_matter", "export_header", "html_meta", "html_text")


def _title_and_source(doc, text: str, stem: str) -> tuple[str, str]:
    """The document's title and where it came from, best source first (the catalog is applied
    later): front matter, web page meta or headline, export header; the title style of a Word
    file or the large title lines of a PDF's first page; the title lines of the text; the file's
    properties; the file name."""
    if doc.title and doc.title_source in _STRONG_TITLES and not is_junk_title(doc.title):
        return doc.title, doc.title_source
    if doc.title and doc.title_source == "heading" and not is_junk_title(doc.title):
        return doc.title, "heading"
    layout = unbracket(doc.meta.get("title_lines", ""))
    heading = unbracket(find_title(text))
    if layout and not is_junk_title(layout) and (not heading or heading.replace(" ", "") in layout.replace(" ", "")
                                                 or layout.replace(" ", "") in heading.replace(" ", "")):
        return (heading if heading and len(heading) >= len(layout) else layout), "heading"
    if heading:
        return heading, "heading"
    printed = clean_site_title(doc.meta.get("print_title", ""))
    if printed and not is_junk_title(printed):
        return printed, "print_header"  # the web page's title, printed by the browser above every page
    if doc.title and not is_junk_title(doc.title):
        return clean_site_title(doc.title), doc.title_source
    return stem, "file_name"


def _date_and_source(doc, text: str) -> tuple[str, str]:
    """The document's date and where it came from: front matter, export header, web page meta or
    the date beside its headline; a dated line at the top of the text (发布时间：…, a date under
    the title) or the signature date at its end; a year alone under the title; the file's
    creation date as the last resort (``docx_properties``/``pdf_metadata``)."""
    if doc.date and doc.date_source in _STRONG_DATES:
        return doc.date, doc.date_source
    date, where = find_date_with_place(text)
    if date:
        return date, where
    for line in [x for x in text.split("\n")[:8] if x.strip()]:
        year = year_only(line)
        if year:
            return year, "text_header"
    return (doc.date, doc.date_source) if doc.date else ("", "")


def _simplify_metadata(doc, region: str) -> None:
    """Titles and other metadata the file gives (front matter, web page meta, the PDF's title lines)
    in Simplified script and the vocabulary of *region*, like the text of a document converted by
    ``to_simplified``."""
    def convert(value: str) -> str:
        return simplify(value, region)

    doc.title = convert(doc.title) if doc.title else doc.title
    for key in ("title_lines", "print_title", "author", "source", "issuer"):
        if isinstance(doc.meta.get(key), str) and doc.meta[key]:
            doc.meta[key] = convert(doc.meta[key])


def _converted_message(converted: list[tuple[str, str]]) -> str:
    """The reading warning for the documents ``to_simplified`` converted, by region."""
    names = [rel for rel, _ in converted]
    message = (f"看起来是繁体中文，已在清洗步骤 to_simplified 中转成简体（原文保留在 raw 列）：{'、'.join(names[:10])}"
               + (f" 等 {len(names)} 篇" if len(names) > 10 else "") + "。")
    for region, example in (("tw", "“人工智慧”→“人工智能”"), ("hk", "“資訊科技”→“信息技术”")):
        mine = [rel for rel, r in converted if r == region]
        if mine:
            message += (f"其中{REGION_NAMES[region]}的文本同时改用大陆用语（如{example}），"
                        f"以便抽取规则认得：{'、'.join(mine[:5])}" + (f" 等 {len(mine)} 篇" if len(mine) > 5 else "") + "。")
    return message + "每篇用了哪种转换，见 zp.cleaning_audit(corpus) 的 detail 列。（Traditional Chinese converted）"


def derive_metadata(raw: str, cleaned: str) -> dict[str, str]:
    """Guess title, author and date from a document's own text (for files without a catalog row)."""
    return {
        "title": find_title(cleaned),
        "author": _author(raw),
        "source": "",
        "genre": "",
        "date": find_date(raw),
        "note": "",
    }


def _author(raw: str) -> str:
    """The author named in the first 8 lines of a text (作者：…, □ 张三), or ""."""
    head = "\n".join(_first_lines(raw, 8))
    author = _AUTHOR.search(head) or _BYLINE.search(head)
    return author.group(1) if author else ""


def _first_lines(text: str, n: int) -> list[str]:
    """``text.splitlines()[:n]`` without splitting the whole text when its start holds them."""
    part = text[:4000].splitlines()
    return part[:n] if len(part) > n else text.splitlines()[:n]


_NUMBER_PREFIX = re.compile(r"^(\d{1,4})[_\-\s]")


def doc_label(doc_id: str, meta: dict) -> str:
    """A label for charts: the catalog's genre, else the title (up to its first ——/：/（ when that
    leaves a whole phrase), else the file's full name; a numbered file name (``003_…``) keeps
    its number in front. Never a cut-off fragment."""
    name = (meta.get("genre") or "").strip()
    if not name:
        title = (meta.get("title") or "").strip()
        head = re.split(r"——|—|：|:|（|\(", title, maxsplit=1)[0].strip()
        name = head if len(head) >= 4 else title
    stem = doc_id.rsplit("/", 1)[-1]
    if not name:
        return doc_id
    m = _NUMBER_PREFIX.match(stem)
    return f"{m.group(1)} {name}" if m and not name.startswith(m.group(1)) else name


def distinct_labels(labels: list[str], doc_ids: list[str]) -> list[str]:
    """Make labels distinct: a label used by several documents gets the document id added."""
    counts = pd.Series(labels).value_counts()
    out = [f"{label}（{doc_id}）" if counts[label] > 1 and label != doc_id else label
           for label, doc_id in zip(labels, doc_ids)]
    seen: dict[str, int] = {}
    for i, label in enumerate(out):  # still equal (a label that is another document's id): number them
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            out[i] = f"{label} #{seen[label]}"
    return out


# ---------------------------------------------------------------- files


def _check_folder(folder: Path) -> None:
    try:
        folder.exists()
    except OSError as exc:
        raise CorpusError(f"无法使用这个路径：{shown_path(folder)[:300]}（{exc.strerror}）。"
                          "请换一个更短或有权限的路径。（unusable path）") from None
    if not folder.exists():
        raise CorpusError(f"找不到语料文件夹：{shown_path(folder)}。请检查路径，或设置环境变量 ZHPOLICY_CORPUS。"
                          "（folder not found）")
    if not folder.is_dir():
        raise CorpusError(f"这不是文件夹：{shown_path(folder)}。load_corpus 需要一个放着文本的文件夹。（not a folder）")


def _shown_name(name: str) -> str:
    """A file name as it can be printed: bytes that are not UTF-8 shown as \\xNN."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _valid_name(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _outside(path: Path, root: Path) -> bool:
    try:
        return not path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):
        return True


def scan_folder(folder: str | Path, *, follow_links: bool = False) -> tuple[list[tuple[Path, str]], list[dict]]:
    """Walk *folder* (and its subfolders) in sorted order.

    Returns the documents to read as ``(path, relative path)`` pairs, and the files not read
    as ``{"file": relative path, "reason": …}`` rows. A symbolic link to a file outside the folder
    and a symbolically linked subfolder are not followed but listed with the reason, unless
    *follow_links* is True (then they are read, and listed in ``corpus.attrs["linked"]``). A
    file whose name is not valid UTF-8 is listed, not read."""
    folder = Path(folder)
    _check_folder(folder)
    root = folder.resolve()
    documents, skipped = [], []
    for here, dirs, files in os.walk(folder, followlinks=follow_links):
        dirs.sort()
        rel_dir = Path(here).relative_to(folder)
        hidden = [d for d in dirs if d.startswith(".") or d == "__pycache__"]
        for d in hidden:
            skipped.append({"file": _shown_name((rel_dir / d).as_posix()) + "/", "reason": "隐藏文件夹，不读取。"})
        linked = [d for d in dirs if d not in hidden and not follow_links and (Path(here) / d).is_symlink()]
        for d in linked:
            skipped.append({"file": _shown_name((rel_dir / d).as_posix()) + "/",
                            "reason": "这是一个快捷方式（符号链接）文件夹，指向别处，没有读取。要读取里面的文档，请把文件复制进来，"
                                      "或用 load_corpus(..., follow_links=True)。（linked folder not followed）"})
        dirs[:] = [d for d in dirs if d not in hidden and d not in linked]
        found = 0
        for name in sorted(files):
            path = Path(here) / name
            rel = (rel_dir / name).as_posix()
            if not _valid_name(rel):
                skipped.append({"file": _shown_name(rel), "reason": "文件名里有无法识别的字符（不是 UTF-8 编码的文件名，"
                                "常见于从旧系统拷来的文件）。请把文件改个名字再放进来。（invalid file name）"})
                continue
            if path.is_symlink() and not follow_links and _outside(path, root):
                skipped.append({"file": rel, "reason": "这是一个快捷方式（符号链接），指向语料文件夹以外的文件，没有读取。"
                                "要读取它，请把文件复制进来，或用 load_corpus(..., follow_links=True)。（link outside the folder）"})
                continue
            reason = skip_reason(path, rel)
            if reason is None:
                documents.append((path, rel))
                found += 1
            else:
                skipped.append({"file": rel, "reason": reason})
        if not found and not dirs and rel_dir != Path("."):
            skipped.append({"file": _shown_name(rel_dir.as_posix()) + "/", "reason": "这是一个文件夹，里面没有可读取的文档。"})
    return documents, skipped


def corpus_files(folder: str | Path) -> list[Path]:
    """Return the documents of a folder and its subfolders, sorted by relative path."""
    folder = Path(folder)
    documents, _ = scan_folder(folder)
    if not documents:
        raise CorpusError(f"文件夹里没有 .txt 或 .md 等可读取的文档：{shown_path(folder)}（no text files）")
    return [path for path, _ in documents]


def folder_documents(folder: str | Path) -> dict[str, str]:
    """The documents of *folder* (and its subfolders) as ``{relative path: doc_id}``, sorted."""
    documents, _ = scan_folder(folder)
    relative = [rel for _, rel in documents]
    return dict(zip(relative, document_ids(relative)))


def document_ids(relative: list[str]) -> list[str]:
    """Unique, stable ids from relative paths: the path without its ending (``sub/报告``), or with
    it when two files differ only by their ending (``a.txt`` and ``a.md``, ``a.TXT``)."""
    stems = [rel.rsplit(".", 1)[0] if "." in rel.rsplit("/", 1)[-1] else rel for rel in relative]
    counts = pd.Series(stems, dtype=object).str.lower().value_counts()
    return [rel if counts[stem.lower()] > 1 else stem for rel, stem in zip(relative, stems)]


# ---------------------------------------------------------------- catalog


def _catalog_problem(problems: list[str], path: Path, message: str) -> None:
    problems.append(f"目录文件 {shown_path(path)}：{message}")


def read_catalog(folder: str | Path, problems: list[str] | None = None) -> pd.DataFrame:
    """Return the folder's ``catalog.csv`` (metadata by file name), or an empty table.

    Read as Excel writes it: any encoding the texts may have (GBK, UTF-16 …), headers with
    spaces or capitals, ragged rows, an unclosed quote, duplicate rows. What cannot be used is
    described, naming the row, in *problems* (a list the caller passes; also warned)."""
    path = Path(folder) / CATALOG_NAME
    empty = pd.DataFrame(columns=["file", *CATALOG_COLUMNS])
    problems = [] if problems is None else problems
    if not path.is_file():
        return empty
    try:
        text, _ = decode_bytes(path.read_bytes(), str(path))
    except CorpusError as exc:
        _catalog_problem(problems, path, f"无法读取，已忽略（{exc}）")
        return empty
    except OSError as exc:
        _catalog_problem(problems, path, f"无法打开，已忽略（{exc.strerror}）")
        return empty
    text = text.lstrip("\ufeff")
    dialect = csv.excel_tab if text.split("\n", 1)[0].count("\t") > text.split("\n", 1)[0].count(",") else csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect=dialect, strict=True)
    rows = []
    try:
        for row in reader:
            rows.append((reader.line_num, row))
    except csv.Error as exc:
        _catalog_problem(problems, path, f"第 {reader.line_num} 行附近格式有误（{exc}，多半是引号没有配对），"
                         "从这一行起的内容未使用")
    rows = [(n, r) for n, r in rows if any(cell.strip() for cell in r)]
    if not rows:
        _catalog_problem(problems, path, "是空的，没有元数据")
        return empty
    header = [cell.strip().lower().lstrip("\ufeff") for cell in rows[0][1]]
    if "file" not in header:
        _catalog_problem(problems, path, f"第 1 行（表头）缺少 file 列（现有：{'、'.join(header)}），已忽略整个目录")
        return empty
    records, seen = [], {}
    for line, row in rows[1:]:
        if len(row) > len(header) and any(cell.strip() for cell in row[len(header):]):
            _catalog_problem(problems, path, f"第 {line} 行比表头多出 {len(row) - len(header)} 列，多出的内容未使用")
        values = {name: (row[i].strip() if i < len(row) else "") for i, name in enumerate(header) if name}
        file = values.get("file", "").replace("\\", "/")
        if not file:
            _catalog_problem(problems, path, f"第 {line} 行没有文件名（file 列为空），未使用")
            continue
        if file in seen:
            _catalog_problem(problems, path, f"第 {line} 行与第 {seen[file]} 行是同一个文件 {file}，只用第 {seen[file]} 行")
            continue
        seen[file] = line
        records.append({"file": file, **{col: values.get(col, "") for col in CATALOG_COLUMNS}, "catalog_row": line})
    table = pd.DataFrame(records, columns=["file", *CATALOG_COLUMNS, "catalog_row"])
    return table


def source_signals(corpus: pd.DataFrame) -> pd.DataFrame:
    """Evidence about where each text comes from, counted in its raw text:
    citation marks like ``[1]``, attributions (据…, …数据显示, …表示/指出), and the
    boilerplate rules that matched (site watermarks, page references, SEO fields …).

    Taught in lesson 01 (``01_corpus.ipynb``)."""
    rows = []
    for row in corpus.itertuples():
        raw = clean_text(row.raw, before=strip_boilerplate)
        found = boilerplate_matches(raw)
        rows.append({
            "doc_id": row.doc_id,
            "citation_marks": len(CITATION.findall(row.text)),
            "data_attributions": len(re.findall(r"据《|根据[^，。]{1,12}数据|数据显示|统计显示|发布的", row.text)),
            "quoted_speakers": len(re.findall(r"(?:表示|指出|强调)[：:，]?“", row.text))
            + len(re.findall(r"”[^。]{0,30}?(?:表示|指出)", row.text)),
            "boilerplate": "、".join(sorted(set(found["rule"]))) if len(found) else "",
        })
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- loading


def _reasons(skipped: list[dict], limit: int = 10) -> str:
    listed = "；".join(f"{s['file']}：{s['reason']}" for s in skipped[:limit])
    more = f"；……等 {len(skipped)} 个" if len(skipped) > limit else ""
    return listed + more


def _relative_message(message: str, path: Path, rel: str) -> str:
    """A reader's message with the file's absolute path replaced by its path in the corpus folder."""
    for shown in {os.path.abspath(path), str(path)}:
        message = message.replace(shown, rel)
    return message


def load_corpus(folder: str | Path | None = None, *, errors: str = "warn", simplify: bool = True,
                files=None, follow_links: bool = False) -> pd.DataFrame:
    """Load every document of *folder* and its subfolders (default: ``$ZHPOLICY_CORPUS`` or
    ``seeds/``), or the single file *folder* names. A relative *folder* counts from the folder
    the command was started in (see :func:`zhpolicy.paths.launch_dir`).

    Returns one row per document with ``doc_id`` (the relative path without its ending, unique),
    ``label`` (distinct, for charts), ``file`` (relative path), the metadata of ``catalog.csv``
    (title, author, source, genre, date, note — or, for files without a catalog row, a title
    and an ISO date found in the file, with ``title_source``/``date_source`` saying where),
    ``encoding`` (or the format: docx, pdf, html), ``n_chars_raw``/``n_chars`` (characters other
    than white space, before and after cleaning), the ``raw`` text and the cleaned ``text``.

    Texts in Traditional script are converted to Simplified by the cleaning step
    ``to_simplified`` (the original stays in ``raw``); ``simplify=False`` turns that off.

    Files that are not documents, or cannot be read, are listed with the reason in
    ``corpus.attrs["skipped"]`` (and warned about, for unreadable documents; ``errors="raise"``
    stops at the first one instead). Files are only read, never written. Symbolic links to
    files outside the folder and linked subfolders are listed there too, not followed, unless
    ``follow_links=True``.

    Tables (of .docx, PDF, web pages and Markdown files) are not glued into the text: the text
    keeps a line ``[表N]`` where table N stood, and :func:`tables` gives their cells.

    *files* loads only some documents of *folder*, with the ids the whole folder gives them (how
    ``zhpolicy batch`` reads one partition): relative paths, or ``{relative path: doc_id}`` as
    :func:`folder_documents` returns it (then the folder is not scanned again). Labels are made
    distinct among the documents loaded.

    Taught in lesson 01 (``01_corpus.ipynb``).
    """
    if errors not in ("warn", "raise"):
        raise ValueError("errors must be 'warn' or 'raise'")
    folder = resolve_user_path(folder) if folder is not None else default_corpus_dir()
    try:
        is_file = folder.is_file()
    except OSError as exc:  # a path longer than the system allows, a permission problem …
        raise CorpusError(f"无法使用这个路径：{shown_path(folder)[:300]}（{exc.strerror}）。"
                          "请换一个更短或有权限的路径。（unusable path）") from None
    ids = None
    if is_file:
        documents, skipped, folder = [(folder, folder.name)], [], folder.parent
    elif files is not None:
        wanted = set(files)
        chosen = files if isinstance(files, dict) else {rel: i for rel, i in folder_documents(folder).items()
                                                         if rel in wanted}
        documents, skipped, ids = [(folder / rel, rel) for rel in chosen], [], list(chosen.values())
    else:
        documents, skipped = scan_folder(folder, follow_links=follow_links)
        if not documents:
            listed = _reasons(skipped)
            raise CorpusError(f"文件夹里没有 .txt 或 .md 等可读取的文档：{shown_path(folder)}（no text files）"
                              + (f"。未读取的文件：{listed}" if listed else ""))
    unexpected = [s for s in skipped if s["file"] != CATALOG_NAME]  # the catalog is used: no warning
    if unexpected:
        names = "、".join(s["file"] for s in unexpected[:10]) + (f" 等 {len(unexpected)} 个" if len(unexpected) > 10 else "")
        warnings.warn(f"未读取（不是文档）：{names}。原因见 corpus.attrs['skipped']。（not documents）",
                      UserWarning, stacklevel=2)
    problems: list[str] = []
    catalog = read_catalog(folder, problems)
    by_path = {row.file: row for row in catalog.itertuples(index=False)}
    by_name: dict[str, list] = {}
    for rel in (rel for _, rel in documents):
        by_name.setdefault(rel.rsplit("/", 1)[-1], []).append(rel)
    used_rows: set[str] = set()
    skip_steps = () if simplify else ("to_simplified",)
    ids = ids or document_ids([rel for _, rel in documents])
    rows, converted, table_cells = [], [], []
    skip_docs: dict[str, list[str]] = {}
    for (path, rel), doc_id in zip(documents, ids):
        try:
            doc = read_document(path)
        except CorpusError as exc:
            if errors == "raise":
                raise
            reason = _relative_message(str(exc), path, rel)
            warnings.warn(f"已跳过：{reason}", UserWarning, stacklevel=2)
            skipped.append({"file": rel, "reason": reason})
            continue
        for message in doc.warnings:
            warnings.warn(_relative_message(message, path, rel), UserWarning, stacklevel=2)
        raw = doc.text
        skip_here = skip_steps if path.suffix.lower() in MARKUP_IN_TEXT else (*skip_steps, "strip_html_markup")
        if skip_here != skip_steps:
            skip_docs[doc_id] = list(skip_here)
        early = clean_text(raw, before=unify_punctuation, skip=skip_here)
        text = clean_text(early, start=unify_punctuation, skip=skip_here)
        table_cells.extend(table_rows(doc_id, doc.tables))
        if looks_traditional(raw[:20_000]):
            region = text_region(raw)
            converted.append((rel, region))
            if simplify:
                _simplify_metadata(doc, region)
        entry = by_path.get(rel)
        if entry is None and len(by_name.get(rel.rsplit("/", 1)[-1], [])) == 1:
            entry = by_path.get(rel.rsplit("/", 1)[-1])
        stem = Path(rel).stem
        title, title_source = _title_and_source(doc, text, stem)
        date, date_source = _date_and_source(doc, early)
        # derive_metadata(early, text) with the title and date found above (not looked for twice)
        meta = {"title": title, "author": _author(early), "source": "", "genre": "", "date": date, "note": ""}
        for key in ("author", "source"):
            if doc.meta.get(key) and not meta.get(key):
                meta[key] = str(doc.meta[key])
        sources = {"title_source": title_source, "date_source": date_source}
        if entry is not None:
            used_rows.add(entry.file)
            for col in CATALOG_COLUMNS:
                value = getattr(entry, col)
                if value:
                    meta[col] = normalise_date(value) or value if col == "date" else value
                    if col in ("title", "date"):
                        sources[f"{col}_source"] = "catalog"
        rows.append({
            "doc_id": doc_id, "label": doc_label(doc_id, meta),
            "file": rel, **meta, **sources, "encoding": doc.encoding,
            "n_chars_raw": count_chars(raw), "n_chars": count_chars(text), "raw": raw, "text": text,
        })
    for entry in catalog.itertuples(index=False) if files is None else ():  # a part of the folder: rows for the rest
        if entry.file not in used_rows:
            name_matches = by_name.get(entry.file, [])
            why = (f"有 {len(name_matches)} 个同名文件（{'、'.join(name_matches)}），请在 file 列写上子文件夹路径"
                   if len(name_matches) > 1 else "文件夹里没有这个文件（或它没能读取）")
            _catalog_problem(problems, folder / CATALOG_NAME, f"第 {entry.catalog_row} 行的文件 {entry.file}：{why}，未使用")
    for problem in problems:
        warnings.warn(problem, UserWarning, stacklevel=2)
    if converted and simplify:
        warnings.warn(_converted_message(converted), UserWarning, stacklevel=2)
    elif converted:
        names = [rel for rel, _ in converted]
        warnings.warn(
            f"看起来是繁体中文：{'、'.join(names[:10])}。分词词典、停用词和抽取规则都是为简体中文写的，"
            "结果可能不准确；load_corpus(simplify=True) 会先转成简体。（Traditional Chinese）",
            UserWarning, stacklevel=2,
        )
    guessed = [r["file"] for r in rows if r["date_source"] in _PROPERTY_DATES]
    if guessed:
        warnings.warn(
            f"{len(guessed)} 篇文档里没有写明日期，date 列里的日期取自文件属性（创建日期，date_source 为 "
            f"pdf_metadata/docx_properties），只是估计：{'、'.join(guessed[:10])}"
            + (f" 等 {len(guessed)} 篇" if len(guessed) > 10 else "")
            + "。如果知道真正的日期，请写进 catalog.csv 的 date 列。（date from file properties）",
            UserWarning, stacklevel=2)
    if not rows:
        listed = _reasons(skipped)
        raise CorpusError(f"文件夹里没有一个文件能读取：{shown_path(folder)}（no readable documents）"
                          + (f"。未读取的文件和原因：{listed}" if listed else ""))
    corpus = pd.DataFrame(rows, columns=CORPUS_COLUMNS)
    corpus["label"] = distinct_labels(list(corpus["label"]), list(corpus["doc_id"]))
    corpus.attrs["folder"] = str(folder)
    corpus.attrs["skipped"] = skipped
    corpus.attrs["catalog_problems"] = problems
    corpus.attrs["cleaning_skip"] = list(skip_steps)
    corpus.attrs["cleaning_skip_docs"] = skip_docs
    corpus.attrs["tables"] = table_cells  # plain records: attrs travel into Parquet metadata as JSON
    return corpus


def tables(corpus: pd.DataFrame) -> pd.DataFrame:
    """Every table of the documents of *corpus* (from :func:`load_corpus`), one row per cell.

    Columns: ``doc_id``; ``table`` (its number in the document, 1, 2 …; the document's text keeps a
    line ``[表N]`` where it stood); ``caption``; ``row`` and ``column`` (from 0); ``text`` (the
    cell, on one line); ``header_row`` (the cell is in a header row: ``<th>``/``<thead>``, a Word
    header row, or a first row of labels over columns of figures); ``header_column`` (the cell is
    in the label column); ``row_header`` (the row's label, e.g. the indicator ``研发经费投入强度``);
    ``column_header`` (the column's label, e.g. the year ``2025年`` or the kind ``属性``; merged
    headers repeat over the columns they span); ``merged`` (the cell repeats a merged cell's text:
    count figures only where it is False); ``source`` (``docx``, ``pdf``, ``html``, ``markdown``).

    A corpus without tables gives an empty table with these columns. When the corpus lost its
    ``attrs`` (filtered or combined), the tables are read again from its files.

    Taught in lesson 01 (``01_corpus.ipynb``)."""
    found = corpus.attrs.get("tables")
    if found is not None:
        found = pd.DataFrame(found, columns=TABLE_COLUMNS)
    elif corpus.attrs.get("folder") and "file" in corpus:
        cells: list[dict] = []
        for doc_id, rel in zip(corpus["doc_id"], corpus["file"]):
            try:
                doc = read_document(Path(corpus.attrs["folder"]) / rel)
            except (CorpusError, OSError):
                continue
            cells.extend(table_rows(doc_id, doc.tables))
        found = pd.DataFrame(cells, columns=TABLE_COLUMNS)
    if found is None or not len(found):
        return empty_tables()
    return found[found["doc_id"].isin(set(corpus["doc_id"]))].reset_index(drop=True)


def skipped_files(corpus: pd.DataFrame) -> pd.DataFrame:
    """The files of the corpus folder that were not loaded, with the reason: a table ``file, reason``.

    Taught in lesson 01 (``01_corpus.ipynb``)."""
    return pd.DataFrame(corpus.attrs.get("skipped", []), columns=["file", "reason"])


def read_as_metadata(skipped: pd.DataFrame) -> pd.Series:
    """For each row of :func:`skipped_files`, whether it is the folder's own ``catalog.csv``: not a document,
    but read all the same, as the documents' metadata (title, date, genre …). Lesson 01, the explorer and
    ``zhpolicy catalog`` show it as 用作目录（元数据）, apart from the files not read."""
    return skipped["file"] == CATALOG_NAME


def catalog_table(corpus: pd.DataFrame, edited: pd.DataFrame | None = None) -> pd.DataFrame:
    """A ``catalog.csv`` for a corpus already loaded (lesson 01's catalog; the explorer's download): ``file``
    and the catalog columns, as :func:`draft_catalog` drafts them, with the ``title`` and ``date`` of
    *edited* (a table with ``file, title, date``, e.g. the corpus table a user corrected) where given."""
    table = corpus[["file", *CATALOG_COLUMNS]].reset_index(drop=True).copy()
    if edited is not None and len(edited):
        changes = edited.set_index("file")[["title", "date"]]
        for column in ("title", "date"):
            table[column] = table["file"].map(changes[column]).fillna(table[column])
    return table.fillna("")


def metadata_sources(corpus: pd.DataFrame) -> pd.DataFrame:
    """Each document's title and date with where they came from (catalog, heading, web page …).

    Taught in lesson 01 (``01_corpus.ipynb``)."""
    return corpus[["doc_id", "title", "title_source", "date", "date_source"]].copy()


def draft_catalog(folder: str | Path) -> pd.DataFrame:
    """A catalog for *folder* to correct and save as ``catalog.csv``: one row per document with
    the title and date found in it (and where), the existing catalog's values where there is one.
    The files that were not read are in ``table.attrs["skipped"]`` (file, reason)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(folder)
    table = corpus[["file", *CATALOG_COLUMNS, "title_source", "date_source"]].copy()
    table.attrs["skipped"] = [s for s in corpus.attrs.get("skipped", []) if s["file"] != CATALOG_NAME]
    return table


def load_paths(paths: list[str | Path], *, errors: str = "warn") -> pd.DataFrame:
    """Load several files and folders into one corpus (rows in the order given)."""
    parts = [load_corpus(p, errors=errors) for p in paths]
    corpus = pd.concat(parts, ignore_index=True)
    corpus.attrs["skipped"] = [s for p in parts for s in p.attrs.get("skipped", [])]
    corpus.attrs["folder"] = parts[0].attrs.get("folder", ".")
    if corpus["doc_id"].duplicated().any():
        dup = corpus.loc[corpus["doc_id"].duplicated(), "doc_id"].iloc[0]
        raise CorpusError(f"有两个文件同名：{dup}。请改名后再一起分析。（duplicate document name）")
    return corpus


def corpus_fingerprint(folder: str | Path | None = None) -> str:
    """Return a short SHA-256 of the corpus documents' relative paths and bytes, and the catalog's
    (for a run record). Files that cannot be read count by name only: never raises on them."""
    folder = Path(folder) if folder is not None else default_corpus_dir()
    digest = hashlib.sha256()
    if folder.is_file():
        documents = [(folder, folder.name)]
        folder = folder.parent
    else:
        documents, _ = scan_folder(folder)
    for path, rel in documents:
        try:
            data = path.read_bytes() if path.is_file() else b"<unreadable>"
        except OSError:
            data = b"<unreadable>"
        digest.update(rel.encode("utf-8") + b"\0" + data + b"\0")
    add_catalog_bytes(digest, folder)
    return digest.hexdigest()[:16]


def add_catalog_bytes(digest, folder: str | Path) -> None:
    """Feed the folder's ``catalog.csv`` (when it can be read) into a hashlib *digest*."""
    catalog = Path(folder) / CATALOG_NAME
    try:
        if catalog.is_file():
            digest.update(catalog.read_bytes())
    except OSError:
        pass
