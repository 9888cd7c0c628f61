"""The batch runner: on a Dask LocalCluster of 2 processes, every table equals what the
library's serial functions give on the same folder; a bad file fails only itself."""

import json
import random
import subprocess
import sys
import warnings

import pandas as pd
import pytest

import zhpolicy as zp
from zhpolicy import batch
from zhpolicy.analysis.terms import corpus_frequencies, term_frequencies
from zhpolicy.analysis.themes import code_units, theme_units

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

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
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
    assert code.returncode == 2 and "输入文件夹" in code.stderr
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
