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
from .clean import clean_text
from ..errors import CorpusError
from ..paths import default_corpus_dir, resolve_user_path, shown_path
from .readers import read_document, skip_reason
from .textio import decode_bytes, looks_traditional

#: Metadata columns of a catalog file, in display order.
CATALOG_COLUMNS = ["title", "author", "source", "genre", "date", "note"]
CORPUS_COLUMNS = ["doc_id", "label", "file", *CATALOG_COLUMNS, "title_source", "date_source", "encoding",
                  "n_chars_raw", "n_chars", "raw", "text"]
#: Name of the catalog file inside a corpus folder.
CATALOG_NAME = "catalog.csv"

_AUTHOR = re.compile(r"作者\s*[：:]\s*(\S+)")
_BYLINE = re.compile(r"^[□■]\s*(\S{2,8})\s*$", re.MULTILINE)

# ---------------------------------------------------------------- dates

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_CN_NUM = "〇○零一二三四五六七八九十"
_DATE_PATTERNS = (
    # 2024年3月5日, 2024-03-05, 2024/3/5, 2024.3.5 (optionally with a time after it)
    re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})(?!\d)"),
    # 二〇二四年三月五日
    re.compile(f"([{_CN_NUM}]{{4}})年([{_CN_NUM}]{{1,3}})月([{_CN_NUM}]{{1,3}})日"),
)
_MONTH_PATTERN = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?![\d份])")
#: How many lines at the top (and bottom, for the 落款 of official documents) are searched for a date.
DATE_HEAD_LINES = 8
DATE_TAIL_LINES = 4


def _cn_number(text: str) -> int:
    """二〇二四 → 2024 (digit by digit); 十二 → 12; 二十三 → 23."""
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def normalise_date(value: str) -> str:
    """Return *value* as ISO ``YYYY-MM-DD`` (or ``YYYY-MM``/``YYYY`` when only that is known),
    or "" when it holds no date. Accepts 2024年3月5日, 2024-03-05 10:00, 二〇二四年三月五日 …"""
    value = str(value or "").strip()
    for pattern in _DATE_PATTERNS:
        m = pattern.search(value)
        if m:
            try:
                year, month, day = (int(g) if g.isdigit() else _cn_number(g) for g in m.groups())
            except (KeyError, ValueError):
                continue
            if 1 <= month <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
    m = _MONTH_PATTERN.search(value) or re.fullmatch(r"((?:19|20)\d\d)-(\d{1,2})", value)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"
    m = re.fullmatch(r"((?:19|20)\d\d)\s*年?", value)
    return m.group(1) if m else ""


def find_date(text: str) -> str:
    """The document's own date from its header lines (``——2024年3月5日在…会议上``,
    ``发布时间：2025-03-06``, ``（2019年3月4日）``), else from its last lines (the date under
    an official document's signature); "" when there is none."""
    return find_date_with_place(text)[0]


def find_date_with_place(text: str) -> tuple[str, str]:
    """Like :func:`find_date`, also saying where the date was found (``text_header``/``text_end``)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for where, block in (("text_header", lines[:DATE_HEAD_LINES]), ("text_end", lines[-DATE_TAIL_LINES:])):
        for line in block:
            if len(line) > 80 and not re.match(r"^(?:——|—|发布|日期|时间|（)", line):
                continue  # a date inside a body paragraph is what the text talks about, not its date
            date = normalise_date(line)
            if len(date) == 10:
                return date, where
    return "", ""


# ---------------------------------------------------------------- titles and labels

_JUNK_TITLE = re.compile(r"^(?:microsoft word|untitled|无标题|文档\d*|document\d*|新建)|\.(?:docx?|pdf|txt)$",
                         re.IGNORECASE)


def find_title(text: str) -> str:
    """The first heading line of a cleaned text: a Markdown ``#`` heading, or the first line when
    it is short and not a sentence; "" when the text starts with body text."""
    for line in text.splitlines()[:5]:
        m = re.match(r"^#{1,6}\s*(.+)$", line)
        if m:
            return m.group(1).strip()
    first = text.split("\n", 1)[0].strip().lstrip("#").strip()
    if 0 < len(first) <= 60 and not re.search(r"[。！？；]$", first) and first.count("，") <= 1:
        return first
    return ""


def _title_and_source(doc, text: str, stem: str) -> tuple[str, str]:
    if doc.title and doc.title_source in ("html_meta", "html_title", "docx_properties", "heading"):
        return doc.title, doc.title_source
    heading = find_title(text)
    if heading:
        return heading, "heading"
    if doc.title and not _JUNK_TITLE.search(doc.title):
        return doc.title, doc.title_source
    return stem, "file_name"


def _date_and_source(doc, raw: str) -> tuple[str, str]:
    if doc.date and doc.date_source.startswith("html"):
        return doc.date, doc.date_source
    date, where = find_date_with_place(raw)
    if date:
        return date, where
    return (doc.date, doc.date_source) if doc.date else ("", "")


def derive_metadata(raw: str, cleaned: str) -> dict[str, str]:
    """Guess title, author and date from a document's own text (for files without a catalog row)."""
    head = "\n".join(raw.splitlines()[:8])
    author = _AUTHOR.search(head) or _BYLINE.search(head)
    return {
        "title": find_title(cleaned),
        "author": author.group(1) if author else "",
        "source": "",
        "genre": "",
        "date": find_date(raw),
        "note": "",
    }


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


def scan_folder(folder: str | Path) -> tuple[list[tuple[Path, str]], list[dict]]:
    """Walk *folder* (and its subfolders) in sorted order.

    Returns the documents to read as ``(path, relative path)`` pairs, and the files not read
    as ``{"file": relative path, "reason": …}`` rows."""
    folder = Path(folder)
    _check_folder(folder)
    documents, skipped = [], []
    for here, dirs, files in os.walk(folder):
        dirs.sort()
        rel_dir = Path(here).relative_to(folder)
        hidden = [d for d in dirs if d.startswith(".") or d == "__pycache__"]
        for d in hidden:
            skipped.append({"file": (rel_dir / d).as_posix() + "/", "reason": "隐藏文件夹，不读取。"})
        dirs[:] = [d for d in dirs if d not in hidden]
        found = 0
        for name in sorted(files):
            path = Path(here) / name
            rel = (rel_dir / name).as_posix()
            reason = skip_reason(path, rel)
            if reason is None:
                documents.append((path, rel))
                found += 1
            else:
                skipped.append({"file": rel, "reason": reason})
        if not found and not dirs and rel_dir != Path("."):
            skipped.append({"file": rel_dir.as_posix() + "/", "reason": "这是一个文件夹，里面没有可读取的文档。"})
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
    boilerplate rules that matched (site watermarks, page references, SEO fields …)."""
    from .clean import boilerplate_matches, clean_text, strip_boilerplate
    from ..numbers import CITATION

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


def load_corpus(folder: str | Path | None = None, *, errors: str = "warn", simplify: bool = True,
                files=None) -> pd.DataFrame:
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
    stops at the first one instead). Files are only read, never written.

    *files* loads only some documents of *folder*, with the ids the whole folder gives them (how
    ``zhpolicy batch`` reads one partition): relative paths, or ``{relative path: doc_id}`` as
    :func:`folder_documents` returns it (then the folder is not scanned again). Labels are made
    distinct among the documents loaded.
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
        documents, skipped = scan_folder(folder)
        if not documents:
            listed = "；".join(f"{s['file']}（{s['reason']}）" for s in skipped[:5])
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
    rows, converted = [], []
    for (path, rel), doc_id in zip(documents, ids):
        try:
            doc = read_document(path)
        except CorpusError as exc:
            if errors == "raise":
                raise
            warnings.warn(f"已跳过：{exc}", UserWarning, stacklevel=2)
            skipped.append({"file": rel, "reason": str(exc)})
            continue
        raw = doc.text
        text = clean_text(raw, skip=skip_steps)
        if looks_traditional(raw[:20_000]):
            converted.append(rel)
        entry = by_path.get(rel)
        if entry is None and len(by_name.get(rel.rsplit("/", 1)[-1], [])) == 1:
            entry = by_path.get(rel.rsplit("/", 1)[-1])
        stem = Path(rel).stem
        title, title_source = _title_and_source(doc, text, stem)
        date, date_source = _date_and_source(doc, raw)
        meta = derive_metadata(raw, text)
        meta.update(title=title, date=date)
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
        warnings.warn(
            f"看起来是繁体中文，已在清洗步骤 to_simplified 中转成简体（原文保留在 raw 列）：{'、'.join(converted[:10])}"
            + (f" 等 {len(converted)} 篇" if len(converted) > 10 else "") + "。（Traditional Chinese converted）",
            UserWarning, stacklevel=2,
        )
    elif converted:
        warnings.warn(
            f"看起来是繁体中文：{'、'.join(converted[:10])}。分词词典、停用词和抽取规则都是为简体中文写的，"
            "结果可能不准确；load_corpus(simplify=True) 会先转成简体。（Traditional Chinese）",
            UserWarning, stacklevel=2,
        )
    if not rows:
        raise CorpusError(f"文件夹里没有一个文件能读取：{shown_path(folder)}（no readable documents）")
    corpus = pd.DataFrame(rows, columns=CORPUS_COLUMNS)
    corpus["label"] = distinct_labels(list(corpus["label"]), list(corpus["doc_id"]))
    corpus.attrs["folder"] = str(folder)
    corpus.attrs["skipped"] = skipped
    corpus.attrs["catalog_problems"] = problems
    corpus.attrs["cleaning_skip"] = list(skip_steps)
    return corpus


def skipped_files(corpus: pd.DataFrame) -> pd.DataFrame:
    """The files of the corpus folder that were not loaded, with the reason: a table ``file, reason``."""
    return pd.DataFrame(corpus.attrs.get("skipped", []), columns=["file", "reason"])


def metadata_sources(corpus: pd.DataFrame) -> pd.DataFrame:
    """Each document's title and date with where they came from (catalog, heading, web page …)."""
    return corpus[["doc_id", "title", "title_source", "date", "date_source"]].copy()


def draft_catalog(folder: str | Path) -> pd.DataFrame:
    """A catalog for *folder* to correct and save as ``catalog.csv``: one row per document with
    the title and date found in it (and where), the existing catalog's values where there is one."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(folder)
    table = corpus[["file", *CATALOG_COLUMNS, "title_source", "date_source"]].copy()
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
