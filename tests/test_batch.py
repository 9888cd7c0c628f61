"""The batch runner: on a Dask LocalCluster of 2 processes, every table equals what the
library's serial functions give on the same folder; a bad file fails only itself."""

import json
import random
import shutil
import subprocess
import sys
import warnings

import pandas as pd
import pytest

import zhpolicy as zp
from zhpolicy import batch
from zhpolicy.analysis.terms import corpus_frequencies, term_frequencies
from zhpolicy.analysis.themes import code_units, theme_units

from .conftest import SEEDS

pytest.importorskip("dask.distributed")


def _write_corpus(folder, n_docs=14, seed=3):
    """Documents made of shuffled seed paragraphs (with headings, numbers and chains), one of
    them GB18030, plus an empty file and a binary file that must be skipped."""
    corpus = zp.load_corpus("seeds")
    paragraphs = [p for text in corpus["text"] for p in text.split("\n") if len(p) > 8]
    rng = random.Random(seed)
    folder.mkdir()
    for i in range(n_docs):
        text = "\n".join(rng.sample(paragraphs, rng.randint(2, 9))) + "\n"
        encoding = "gb18030" if i == 3 else "utf-8"
        (folder / f"doc_{i:02d}.txt").write_bytes(text.encode(encoding, errors="ignore"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def _serial(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = zp.load_corpus(folder)
    toks = zp.tokens(corpus, cache=False)
    return {
        "corpus": corpus,
        "sentences": zp.sentences(corpus),
        "term_frequencies": term_frequencies(toks),
        "corpus_frequencies": corpus_frequencies(toks),
        "statistics": zp.extract_statistics(corpus),
        "chains": zp.extract_chains(corpus),
        "coded_units": code_units(theme_units(corpus)),
    }


def _assert_same(got, want, name):
    assert list(got.columns) == list(want.columns), name
    assert len(got) == len(want), name
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True),
                                  check_dtype=False, obj=name)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return _write_corpus(tmp_path_factory.mktemp("batch") / "texts")


@pytest.fixture(scope="module")
def serial(folder):
    return _serial(folder)


def test_batch_on_a_local_cluster_equals_the_serial_functions(folder, serial, tmp_path):
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0", scheduler_kwargs={"dashboard": False}) as cluster:
        paths = batch.run_batch(folder, tmp_path / "out", scheduler=cluster.scheduler_address,
                                partition_mb=0.004, cache=False, progress=False)
    record = json.loads(paths["run"].read_text(encoding="utf-8"))
    assert record["partitions"] >= 4, "the test needs several partitions"
    assert len(list(paths["sentences"].glob("part-*.parquet"))) >= 4
    result = batch.read_batch(tmp_path / "out")
    for name, want in serial.items():
        _assert_same(result[name], want, name)
    assert sorted(s["file"] for s in result["corpus"].attrs["skipped"]) == ["broken.txt", "empty.txt"]
    assert record["counts"]["documents"] == len(serial["corpus"]) == 14
    assert record["counts"]["skipped"] == 2
    assert record["corpus_sha256"] == zp.corpus_fingerprint(folder)


def test_partitioning_does_not_change_the_results(folder, serial, tmp_path):
    one = batch.run_batch(folder, tmp_path / "one", scheduler="serial", partition_mb=100, cache=False, progress=False)
    many = batch.run_batch(folder, tmp_path / "many", scheduler="serial", partition_mb=0.001, cache=False,
                           progress=False)
    assert json.loads(one["run"].read_text())["partitions"] == 1
    assert json.loads(many["run"].read_text())["partitions"] >= 10
    a, b = batch.read_batch(tmp_path / "one"), batch.read_batch(tmp_path / "many")
    for name in serial:
        _assert_same(a[name], serial[name], name)
        _assert_same(b[name], serial[name], name)


def test_a_stage_failing_on_one_document_skips_only_that_document(folder, tmp_path, monkeypatch):
    from zhpolicy.extraction import chains

    original = chains.extract_chains

    def fragile(docs):
        if (docs["doc_id"] == "doc_05").any():
            raise ValueError("boom")
        return original(docs)

    monkeypatch.setattr(chains, "extract_chains", fragile)
    batch.run_batch(folder, tmp_path / "out", scheduler="serial", partition_mb=100, cache=False, progress=False)
    result = batch.read_batch(tmp_path / "out")
    reasons = dict(zip(result["skipped"]["file"], result["skipped"]["reason"]))
    assert "doc_05.txt" in reasons and "boom" in reasons["doc_05.txt"]
    assert "doc_05" not in set(result["corpus"]["doc_id"]) and "doc_05" not in set(result["sentences"]["doc_id"])
    assert len(result["corpus"]) == 13


def test_the_output_may_not_be_inside_the_input_folder(folder):
    code = subprocess.run([sys.executable, "-m", "zhpolicy.batch", str(folder), "--out", str(folder / "out"),
                           "--scheduler", "serial", "--quiet"], capture_output=True, text=True)
    assert code.returncode == 2 and "语料文件夹" in code.stderr
    assert not (folder / "out").exists()


def test_command_line_runs_and_reports(folder, tmp_path):
    done = subprocess.run([sys.executable, "-m", "zhpolicy.batch", str(folder), "--out", str(tmp_path / "o"),
                           "--scheduler", "serial", "--quiet", "--no-cache"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "14 篇文档" in done.stdout and "跳过 2 篇" in done.stdout
    assert batch.read_batch(tmp_path / "o")["corpus_frequencies"]["count"].is_monotonic_decreasing


def test_a_one_line_corpus_and_an_all_bad_corpus(tmp_path):
    one, bad = tmp_path / "one", tmp_path / "bad"
    one.mkdir()
    bad.mkdir()
    (one / "a.txt").write_text("推动科技创新和产业创新深度融合。\n", encoding="utf-8")
    (bad / "x.txt").write_bytes(b"")
    (bad / "y.txt").write_bytes(bytes(range(256)))
    batch.run_batch(one, tmp_path / "o1", scheduler="serial", cache=False, progress=False)
    batch.run_batch(bad, tmp_path / "o2", scheduler="serial", cache=False, progress=False)
    small, empty = batch.read_batch(tmp_path / "o1"), batch.read_batch(tmp_path / "o2")
    serial = _serial(one)
    for name in serial:
        _assert_same(small[name], serial[name], name)
    assert len(empty["corpus"]) == 0 and len(empty["skipped"]) == 2
    for name in ("sentences", "statistics", "chains", "coded_units", "term_frequencies", "corpus_frequencies"):
        assert len(empty[name]) == 0 and list(empty[name].columns) == list(small[name].columns), name


def test_ids_and_labels_are_those_of_the_whole_folder_whatever_the_partitions(tmp_path):
    """a.txt + a.md, two 报告.txt in subfolders and many same-titled files: every partition
    gives the ids and labels load_corpus(folder) gives, and the README is listed as skipped."""
    folder = tmp_path / "mixed"
    for rel in ("a.txt", "a.md", "甲/报告.txt", "乙/报告.txt", *(f"doc{i}.txt" for i in range(6))):
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text("关于推动科技创新的报告\n推动科技创新和产业创新深度融合，2024年研发投入增长8.3%。\n",
                                  encoding="utf-8")
    (folder / "README.md").write_text("# 说明\n", encoding="utf-8")
    serial = _serial(folder)
    batch.run_batch(folder, tmp_path / "out", scheduler="serial", partition_mb=0.0001, cache=False, progress=False)
    got = batch.read_batch(tmp_path / "out")
    for name in ("corpus", "statistics", "chains", "sentences"):
        _assert_same(got[name], serial[name], name)
    assert got["corpus"]["label"].is_unique
    assert "README.md" in set(got["skipped"]["file"])


# ---------------------------------------------------------------- identity over the whole folder (issue 24)

LONG_TITLE = "关于加快推进科技成果转化和产业化若干政策措施的实施意见（试行）"


def _identity_corpus(folder):
    """The seeds copied into four subfolders beside a top-level catalog.csv that names them by
    bare file name (ambiguous over the folder: not applied); a file only one subfolder has, named
    by bare name (applied); a row naming a subfolder path (applied); seven documents with the same
    long title, at the top and in a subfolder, of different sizes so that partitions cut them apart."""
    seeds = sorted(SEEDS.glob("*.txt"))
    for sub in ("甲", "乙", "丙", "丁"):
        (folder / sub).mkdir(parents=True)
        for path in seeds:
            shutil.copy(path, folder / sub / path.name)
    (folder / "戊").mkdir()
    (folder / "戊" / "独有.txt").write_text("一份只有一个副本的报告\n今年以来，全省研发投入增长9.1%。\n", encoding="utf-8")
    (folder / "戊" / "按路径.txt").write_text("按路径登记的文件\n2023年全省专利授权量达到3.2万件。\n", encoding="utf-8")
    catalog = (SEEDS / "catalog.csv").read_text(encoding="utf-8").rstrip("\n")
    catalog += "\n独有.txt,独有文件的标题,,,,2022-05-06,\n戊/按路径.txt,按路径的标题,,,通知,2021-07-08,\n"
    (folder / "catalog.csv").write_text(catalog, encoding="utf-8")
    for i in range(7):
        where = folder / ("丁" if i == 3 else "") / f"同题{i}.txt"
        body = "".join(f"第{k}项：{2020 + k % 5}年全市技术合同成交额增长{k}.{i}%。" for k in range(1 + 9 * (i % 3)))
        where.write_text(f"{LONG_TITLE}\n{body}\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def identity(tmp_path_factory):
    folder = _identity_corpus(tmp_path_factory.mktemp("identity") / "texts")
    return folder, _serial(folder)


def test_the_identity_corpus_has_the_hard_cases(identity):
    folder, want = identity
    corpus = want["corpus"].set_index("doc_id")
    assert corpus.loc["戊/独有", "title"] == "独有文件的标题" and corpus.loc["戊/按路径", "genre"] == "通知"
    assert (corpus.loc["甲/000_9f4c6a053cd126f6", "title_source"] != "catalog")  # ambiguous bare name
    assert corpus["label"].str.contains(r"（(?:丁/)?同题\d）").sum() == 7  # the colliding titles carry their ids
    assert len(want["statistics"]) and len(want["chains"]) and len(want["coded_units"])


@pytest.mark.parametrize("megabytes", [0.0002, 0.002, 0.02, 100])
def test_serial_batch_equals_the_library_whatever_the_partitions(identity, tmp_path, megabytes):
    folder, want = identity
    paths = batch.run_batch(folder, tmp_path / "out", scheduler="serial", partition_mb=megabytes, cache=False,
                            progress=False)
    got = batch.read_batch(tmp_path / "out")
    for name in want:
        _assert_same(got[name], want[name], name)
    assert json.loads(paths["run"].read_text())["partitions"] >= (2 if megabytes < 100 else 1)


def test_cluster_batch_equals_the_library_and_the_serial_batch(identity, tmp_path):
    """The runner's own LocalCluster (2 processes, 127.0.0.1, scratch in the cache folder)."""
    folder, want = identity
    batch.run_batch(folder, tmp_path / "cluster", workers=2, partition_mb=0.002, cache=False, progress=False)
    batch.run_batch(folder, tmp_path / "serial", scheduler="serial", partition_mb=0.002, cache=False, progress=False)
    cluster, serial = batch.read_batch(tmp_path / "cluster"), batch.read_batch(tmp_path / "serial")
    assert cluster["run"]["partitions"] >= 4
    for name in want:
        _assert_same(cluster[name], want[name], name)
    for name in ("corpus", "sentences", "token_counts", "documents", "term_frequencies", "corpus_frequencies",
                 "statistics", "chains", "coded_units"):
        _assert_same(cluster[name], serial[name], name)


def test_catalog_units_keep_ambiguous_bare_names_in_twos():
    relative = ["a/x.txt", "a/y.txt", "b/x.txt", "c/x.txt", "z.txt", "d/q.txt", "e/q.txt"]
    units = batch.catalog_units(relative, {"x.txt", "z.txt", "q.txt"})
    assert units == [[0, 2, 3], [1], [4], [5, 6]]
    assert batch.catalog_units(relative, set()) == [[n] for n in range(7)]
