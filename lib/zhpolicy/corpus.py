"""Load a folder of Chinese texts into a pandas DataFrame, one row per document."""

from __future__ import annotations

import hashlib
import re
import warnings
from pathlib import Path

import pandas as pd

from ._docs import count_chars
from .clean import clean_text
from .errors import CorpusError
from .paths import default_corpus_dir
from .textio import looks_traditional, read_text

#: File name endings read as documents.
SUFFIXES = (".txt", ".md")
#: Metadata columns of a catalog file, in display order.
CATALOG_COLUMNS = ["title", "author", "source", "genre", "date", "note"]
CORPUS_COLUMNS = ["doc_id", "label", "file", *CATALOG_COLUMNS, "encoding", "n_chars_raw", "n_chars", "raw", "text"]

_DATE = re.compile(r"(20\d\d|19\d\d)[-年/.](\d{1,2})[-月/.](\d{1,2})日?")
_AUTHOR = re.compile(r"作者\s*[：:]\s*(\S+)")
_BYLINE = re.compile(r"^[□■]\s*(\S{2,8})\s*$", re.MULTILINE)


def corpus_files(folder: str | Path) -> list[Path]:
    """Return the ``.txt``/``.md`` files of a folder, sorted by name (hidden files skipped)."""
    folder = Path(folder)
    if not folder.exists():
        raise CorpusError(f"找不到语料文件夹：{folder}。请检查路径，或设置环境变量 ZHPOLICY_CORPUS。（folder not found）")
    if not folder.is_dir():
        raise CorpusError(f"这不是文件夹：{folder}。load_corpus 需要一个放着 .txt 文件的文件夹。（not a folder）")
    files = sorted(
        p for p in folder.iterdir()
        if p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
    )
    if not files:
        raise CorpusError(f"文件夹里没有 .txt 或 .md 文件：{folder}（no text files）")
    return files


def read_catalog(folder: str | Path) -> pd.DataFrame:
    """Return the folder's ``catalog.csv`` (metadata by file name), or an empty table."""
    path = Path(folder) / "catalog.csv"
    if not path.is_file():
        return pd.DataFrame(columns=["file", *CATALOG_COLUMNS])
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    if "file" not in table.columns:
        raise CorpusError(f"目录文件缺少 file 列：{path}（catalog.csv needs a 'file' column）")
    for col in CATALOG_COLUMNS:
        if col not in table.columns:
            table[col] = ""
    return table[["file", *CATALOG_COLUMNS]]


def derive_metadata(raw: str, cleaned: str) -> dict[str, str]:
    """Guess title, author and date from a document's own text (for files without a catalog row)."""
    head = "\n".join(raw.splitlines()[:8])
    first = cleaned.split("\n", 1)[0]
    author = _AUTHOR.search(head) or _BYLINE.search(head)
    date = _DATE.search(head)
    return {
        "title": first if len(first) <= 60 else first[:30] + "…",
        "author": author.group(1) if author else "",
        "source": "",
        "genre": "",
        "date": f"{date.group(1)}-{int(date.group(2)):02d}-{int(date.group(3)):02d}" if date else "",
        "note": "metadata derived from the text",
    }


def doc_label(doc_id: str, meta: dict) -> str:
    """Return a short label for charts: the genre (or a shortened title) and the file's first characters."""
    name = meta.get("genre") or meta.get("title") or doc_id
    name = name if len(name) <= 10 else name[:9] + "…"
    return f"{doc_id[:3]} {name}" if name != doc_id else doc_id


def source_signals(corpus: pd.DataFrame) -> pd.DataFrame:
    """Evidence about where each text comes from, counted in its raw text:
    citation marks like ``[1]``, attributions (据…, …数据显示, …表示/指出), and the
    boilerplate rules that matched (site watermarks, page references, SEO fields …)."""
    from .clean import boilerplate_matches, clean_text, strip_boilerplate
    from .numbers import CITATION

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


def load_corpus(folder: str | Path | None = None, *, errors: str = "warn") -> pd.DataFrame:
    """Load every ``.txt``/``.md`` file of *folder* (default: ``$ZHPOLICY_CORPUS`` or ``seeds/``),
    or the single file *folder* names.

    Returns one row per document with ``doc_id`` (file name without ending), ``file``, the
    metadata of ``catalog.csv`` (title, author, source, genre, date, note — or metadata
    guessed from the text when a file has no catalog row), the detected ``encoding``,
    ``n_chars_raw``/``n_chars`` (characters other than white space, before and after
    cleaning), the ``raw`` text and the cleaned ``text``.

    A file that cannot be read (empty, binary, unknown encoding) is skipped with a warning
    naming it and the reason (``errors="warn"``), or stops the load (``errors="raise"``);
    skipped files are listed in ``corpus.attrs["skipped"]``. Files are only read, never written.
    """
    if errors not in ("warn", "raise"):
        raise ValueError("errors must be 'warn' or 'raise'")
    folder = Path(folder) if folder is not None else default_corpus_dir()
    if folder.is_file():
        files, folder = [folder], folder.parent
    else:
        files = corpus_files(folder)
    catalog = read_catalog(folder).set_index("file")
    rows, skipped = [], []
    for path in files:
        try:
            raw, encoding = read_text(path)
        except CorpusError as exc:
            if errors == "raise":
                raise
            warnings.warn(f"已跳过：{exc}", UserWarning, stacklevel=2)
            skipped.append({"file": path.name, "reason": str(exc)})
            continue
        text = clean_text(raw)
        if looks_traditional(text[:20_000]):
            warnings.warn(
                f"看起来是繁体中文：{path.name}。分词词典、停用词和抽取规则都是为简体中文写的，"
                "结果可能不准确；建议先用 OpenCC 等工具转成简体。（Traditional Chinese）",
                UserWarning, stacklevel=2,
            )
        if path.name in catalog.index:
            meta = catalog.loc[path.name].to_dict()
        else:
            meta = derive_metadata(raw, text)
        rows.append({
            "doc_id": path.stem, "label": doc_label(path.stem, meta), "file": path.name, **meta, "encoding": encoding,
            "n_chars_raw": count_chars(raw),
            "n_chars": count_chars(text),
            "raw": raw, "text": text,
        })
    if not rows:
        raise CorpusError(f"文件夹里没有一个文件能读取：{folder}（no readable documents）")
    corpus = pd.DataFrame(rows, columns=CORPUS_COLUMNS)
    corpus.attrs["folder"] = str(folder)
    corpus.attrs["skipped"] = skipped
    return corpus


def load_paths(paths: list[str | Path], *, errors: str = "warn") -> pd.DataFrame:
    """Load several files and folders into one corpus (rows in the order given)."""
    parts = [load_corpus(p, errors=errors) for p in paths]
    corpus = pd.concat(parts, ignore_index=True)
    corpus.attrs["skipped"] = [s for p in parts for s in p.attrs.get("skipped", [])]
    if corpus["doc_id"].duplicated().any():
        dup = corpus.loc[corpus["doc_id"].duplicated(), "doc_id"].iloc[0]
        raise CorpusError(f"有两个文件同名：{dup}。请改名后再一起分析。（duplicate document name）")
    return corpus


def corpus_fingerprint(folder: str | Path | None = None) -> str:
    """Return a short SHA-256 of the corpus files' names and bytes (for a run record)."""
    folder = Path(folder) if folder is not None else default_corpus_dir()
    digest = hashlib.sha256()
    for path in corpus_files(folder):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    catalog = folder / "catalog.csv"
    if catalog.is_file():
        digest.update(catalog.read_bytes())
    return digest.hexdigest()[:16]
