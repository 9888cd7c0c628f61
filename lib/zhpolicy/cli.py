"""Command line: rerun the analyses outside the notebooks.

    zhpolicy stats PATH... [--csv FILE]     # the statistics the texts cite
    zhpolicy stats --check PATH... [--csv FILE]   # the consistency flags
    zhpolicy targets PATH... [--csv FILE]   # targets set against the results reported later
    zhpolicy chains PATH... [--csv FILE]    # the logic chains
    zhpolicy catalog FOLDER [--csv FILE]    # a draft catalog.csv (titles and dates found in the files)
    zhpolicy batch ...                      # batch runs (zhpolicy.batch)

PATH is a document (.txt/.md in UTF-8, GB18030/GBK, Big5 …; .docx; .pdf; .html) or a folder of them.
A CSV is never written inside an input folder or over an input file.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from pathlib import Path

import pandas as pd

from .errors import CorpusError
from .extraction.stats import format_value
from .teaching.export import with_doc


def _print_table(table: pd.DataFrame, columns: list[str]) -> None:
    if table.empty:
        print("（没有找到。nothing found）")
        return
    with pd.option_context("display.max_rows", None, "display.max_colwidth", 60, "display.width", 200):
        print(table[columns].to_string(index=False, formatters={"value": format_value}))


def _print_flags(flags: pd.DataFrame) -> None:
    if flags.empty:
        print("（没有发现需要核对的地方。no flags）")
    for row in flags.itertuples():
        print(f"[{row.check}] {row.doc_id}：{row.surface}")
        print(f"    {row.reason}")


def csv_target(target: str, inputs: list[str]) -> Path:
    """Check that *target* can be written as a CSV: its folder exists, it is not an input file nor
    inside an input folder, and it can be opened for writing. Raise :class:`CorpusError` naming
    the absolute path otherwise."""
    path = Path(os.path.abspath(target))
    if path.is_dir():
        raise CorpusError(f"--csv 需要一个文件名，这里给的是文件夹：{path}（is a directory）")
    if not path.parent.is_dir():
        raise CorpusError(f"--csv 的文件夹不存在：{path.parent}。请先创建它，或换一个位置。（folder not found）")
    for item in inputs:
        source = Path(os.path.abspath(item))
        try:
            same = path.exists() and source.exists() and path.samefile(source)
        except OSError:
            same = False
        if same or path == source:
            raise CorpusError(f"--csv 指向了输入文件本身，不会覆盖它：{path}。请换一个文件名。（refusing to overwrite an input）")
        if source.is_dir() and (source == path.parent or source in path.parents or path.resolve().is_relative_to(source.resolve())):
            raise CorpusError(f"--csv 位于输入文件夹 {source} 里面；输出不写进语料文件夹。请写到别处，例如 {source.parent / path.name}。"
                              "（refusing to write inside an input folder）")
    existed = path.exists()
    try:
        with open(path, "a", encoding="utf-8"):
            pass
    except OSError as exc:
        raise CorpusError(f"无法写入 --csv 文件：{path}（{exc.strerror}）。请换一个有写权限的位置。（not writable）") from None
    if not existed:
        path.unlink(missing_ok=True)
    return path


def _write_csv(table: pd.DataFrame, target: Path) -> None:
    from .teaching.export import write_csv

    write_csv(table, target)  # text Excel would take for a formula is neutralised
    print(f"已写入 {len(table)} 行：{target}")


def _catalog(args) -> int:
    from .paths import resolve_user_path
    from .reading.corpus import CATALOG_NAME, draft_catalog

    target = csv_target(args.csv, [args.folder]) if args.csv else None
    table = draft_catalog(args.folder)
    if target is not None:
        _write_csv(table, target)
        print("请检查、修改后另存为语料文件夹里的 catalog.csv（UTF-8）。")
    else:
        _print_table(table, list(table.columns))
    if (resolve_user_path(args.folder) / CATALOG_NAME).is_file():  # read, as metadata: not a skipped file
        print(f"\n{CATALOG_NAME} 用作目录（元数据）：草稿里它登记的标题、日期等以它为准（来源列写 catalog）；"
              "它本身不是文档。", file=sys.stderr)
    _print_skipped(table.attrs.get("skipped", []))
    return 0


def _print_skipped(skipped: list[dict]) -> None:
    """List the files of the folder that are not in the catalog draft, each with its reason."""
    if not skipped:
        return
    print(f"\n未读取的文件（{len(skipped)} 个，不在目录草稿里）：", file=sys.stderr)
    for row in skipped:
        print(f"  {row['file']}：{row['reason']}", file=sys.stderr)


def _batch(argv: list[str]) -> int:
    try:
        from . import batch
    except ImportError:
        print("错误：这个版本的 zhpolicy 还没有 batch 功能（找不到 zhpolicy.batch 模块）。（batch not available）",
              file=sys.stderr)
        return 2
    return batch.main(argv)


def _stats(args) -> int:
    from .reading.corpus import load_paths
    from .extraction.stats import check_consistency, extract_statistics

    target = csv_target(args.csv, args.paths) if args.csv else None
    corpus = load_paths(args.paths)
    stats = extract_statistics(corpus)
    table = check_consistency(stats, corpus) if args.check else stats
    if target is not None:
        _write_csv(with_doc(table, corpus), target)
    elif args.check:
        _print_flags(table)
    else:
        _print_table(table, ["doc_id", "doc", "surface", "value", "unit", "year", "year_source", "kind", "indicator"])
    return 0


def _targets(args) -> int:
    from .extraction.stats import extract_statistics, track_targets
    from .reading.corpus import load_paths

    target = csv_target(args.csv, args.paths) if args.csv else None
    corpus = load_paths(args.paths)
    table = track_targets(extract_statistics(corpus), corpus, by=None if args.by == "none" else args.by)
    if target is not None:
        _write_csv(table, target)
    else:
        _print_table(table, ["indicator", "year", "target", "target_doc", "result", "result_doc", "verdict"])
    return 0


def _chains(args) -> int:
    from .extraction.chains import extract_chains
    from .reading.corpus import load_paths

    target = csv_target(args.csv, args.paths) if args.csv else None
    corpus = load_paths(args.paths)
    table = extract_chains(corpus)
    if target is not None:
        out = table.assign(nodes=table["nodes"].str.join(" | "), roles=table["roles"].str.join(" | "))
        _write_csv(with_doc(out, corpus), target)
    else:
        _print_table(table, ["doc_id", "doc", "kind", "chain", "count"])
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv[:1] == ["batch"]:
            return _batch(argv[1:])
        return _main(argv)
    except BrokenPipeError:
        # output piped into `head` that stopped reading: exit quietly
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        return 0


def _main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="zhpolicy", description="Analyse Chinese policy texts (see README).")
    sub = parser.add_subparsers(dest="command", required=True)
    stats = sub.add_parser("stats", help="extract the statistics the texts cite")
    stats.add_argument("paths", nargs="+", help="text files or folders")
    stats.add_argument("--check", action="store_true", help="print the consistency flags instead")
    stats.add_argument("--csv", metavar="FILE", help="write the table to a CSV file (UTF-8 with BOM)")
    stats.set_defaults(run=_stats)
    targets = sub.add_parser("targets", help="set each target (增长5%%左右) against the result reported later")
    targets.add_argument("paths", nargs="+", help="text files or folders (e.g. a province's annual work reports)")
    targets.add_argument("--csv", metavar="FILE", help="write the table to a CSV file (UTF-8 with BOM)")
    targets.add_argument("--by", default="series", metavar="COLUMN",
                         help="pair within documents sharing this catalog column (source, author …; default: "
                              "series, the start of the titles; none: across all documents)")
    targets.set_defaults(run=_targets)
    chains = sub.add_parser("chains", help="extract the logic chains the texts argue with")
    chains.add_argument("paths", nargs="+", help="text files or folders")
    chains.add_argument("--csv", metavar="FILE", help="write the table to a CSV file (UTF-8 with BOM)")
    chains.set_defaults(run=_chains)
    catalog = sub.add_parser("catalog", help="write a draft catalog.csv for a folder (titles and dates found in the files)")
    catalog.add_argument("folder", help="the corpus folder")
    catalog.add_argument("--csv", metavar="FILE", help="write the draft to a CSV file (never inside FOLDER)")
    catalog.set_defaults(run=_catalog)
    sub.add_parser("batch", help="batch runs over a corpus (see `zhpolicy batch --help`)", add_help=False)
    args = parser.parse_args(argv)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.showwarning = lambda message, *a, **k: print(message, file=sys.stderr)
            return args.run(args)
    except CorpusError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
