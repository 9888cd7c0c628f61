"""Command line: rerun the analyses outside the notebooks.

    zhpolicy stats PATH... [--csv FILE]     # the statistics the texts cite
    zhpolicy stats --check PATH... [--csv FILE]   # the consistency flags
    zhpolicy chains PATH... [--csv FILE]    # the logic chains

PATH is a text file (UTF-8, GB18030/GBK, Big5 …) or a folder of them.
"""

from __future__ import annotations

import argparse
import sys
import warnings

import pandas as pd

from .errors import CorpusError
from .stats import format_value


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


def _stats(args) -> int:
    from .corpus import load_paths
    from .stats import check_consistency, extract_statistics

    corpus = load_paths(args.paths)
    stats = extract_statistics(corpus)
    table = check_consistency(stats, corpus) if args.check else stats
    if args.csv:
        table.to_csv(args.csv, index=False, encoding="utf-8-sig", lineterminator="\n")
        print(f"已写入 {len(table)} 行：{args.csv}")
    elif args.check:
        _print_flags(table)
    else:
        _print_table(table, ["doc_id", "surface", "value", "unit", "year", "qualifier", "indicator", "source"])
    return 0


def _chains(args) -> int:
    from .chains import extract_chains
    from .corpus import load_paths

    table = extract_chains(load_paths(args.paths))
    if args.csv:
        out = table.assign(nodes=table["nodes"].str.join(" | "), roles=table["roles"].str.join(" | "))
        out.to_csv(args.csv, index=False, encoding="utf-8-sig", lineterminator="\n")
        print(f"已写入 {len(table)} 行：{args.csv}")
    else:
        _print_table(table, ["doc_id", "kind", "chain", "count"])
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="zhpolicy", description="Analyse Chinese policy texts (see README).")
    sub = parser.add_subparsers(dest="command", required=True)
    stats = sub.add_parser("stats", help="extract the statistics the texts cite")
    stats.add_argument("paths", nargs="+", help="text files or folders")
    stats.add_argument("--check", action="store_true", help="print the consistency flags instead")
    stats.add_argument("--csv", metavar="FILE", help="write the table to a CSV file (UTF-8 with BOM)")
    stats.set_defaults(run=_stats)
    chains = sub.add_parser("chains", help="extract the logic chains the texts argue with")
    chains.add_argument("paths", nargs="+", help="text files or folders")
    chains.add_argument("--csv", metavar="FILE", help="write the table to a CSV file (UTF-8 with BOM)")
    chains.set_defaults(run=_chains)
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
