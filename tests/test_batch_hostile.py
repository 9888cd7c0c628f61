"""The batch runner against a hostile or unlucky user (issue 26 §2, §3, §4, §5): it never writes
or deletes outside what the user named, one bad document never takes the others down, the local
cluster listens on 127.0.0.1 only and keeps its scratch files out of the system temp folder, and
bad arguments or Ctrl+C get one true line, not a traceback."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

from zhpolicy import CorpusError, batch

from .test_cache import _survivors_of_killed_parent

pytest.importorskip("dask.distributed")

GOOD = ["推动科技创新和产业创新深度融合。2024年研发经费投入超过3.6万亿元，增长8.3%。",
        "加快建设现代化产业体系。2023年高技术制造业增加值增长2.7%。",
        "强化企业科技创新主体地位，从而提升产业链供应链韧性。"]


def _corpus(folder: Path, n: int = 3) -> Path:
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"good{i}.txt").write_text(f"第{i}号通知\n{GOOD[i % 3]}\n", encoding="utf-8")
    return folder


def _tree(folder: Path) -> dict[str, str]:
    """Every entry under *folder* (files with their digest, links with their target, folders)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        out[rel] = ("link:" + os.readlink(path) if path.is_symlink()
                    else "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest())
    return out


def _run(folder, out, **kwargs):
    return batch.run_batch(folder, out, scheduler="serial", cache=False, progress=False, **kwargs)


# ---------------------------------------------------------------- §2 the output folder


@pytest.mark.parametrize("where", ["the input", "inside the input", "the input's parent", "two levels up",
                                   "a link to the input"])
def test_an_output_in_or_around_the_input_is_refused_and_nothing_is_written(tmp_path, where):
    corpus = _corpus(tmp_path / "home" / "texts")
    (tmp_path / "home" / "notes.txt").write_text("我的笔记", encoding="utf-8")
    os.symlink(corpus, tmp_path / "link")
    out = {"the input": corpus, "inside the input": corpus / "results", "the input's parent": tmp_path / "home",
           "two levels up": tmp_path, "a link to the input": tmp_path / "link"}[where]
    before = _tree(tmp_path)
    with pytest.raises(CorpusError, match="输出文件夹"):
        _run(corpus, out)
    assert _tree(tmp_path) == before


@pytest.mark.parametrize("name, kind", [("run.json", "file"), ("statistics", "file"), ("corpus", "folder"),
                                        ("corpus_frequencies.parquet", "file")])
def test_a_folder_the_runner_did_not_make_keeps_the_users_files(tmp_path, name, kind):
    corpus = _corpus(tmp_path / "texts")
    out = tmp_path / "results"
    out.mkdir()
    if kind == "file":
        (out / name).write_text('{"mine": true}', encoding="utf-8")
    else:
        (out / name).mkdir()
        (out / name / "part-00000.parquet").write_text("my own file", encoding="utf-8")
    before = _tree(out)
    with pytest.raises(CorpusError, match=name):
        _run(corpus, out)
    assert _tree(out) == before


def test_other_files_in_the_output_folder_survive_runs(tmp_path):
    corpus = _corpus(tmp_path / "texts")
    out = tmp_path / "results"
    out.mkdir()
    (out / "我的笔记.txt").write_text("保留", encoding="utf-8")
    _run(corpus, out)
    (out / "statistics" / "我的表.csv").write_text("保留", encoding="utf-8")
    mine = {k: v for k, v in _tree(out).items() if "我的" in k}
    _run(corpus, out)  # a rerun replaces only its own parts
    assert {k: v for k, v in _tree(out).items() if "我的" in k} == mine
    assert len(batch.read_batch(out)["corpus"]) == 3
    assert (out / batch.MARKER).is_file() and (out / "statistics" / batch.MARKER).is_file()


def test_a_table_folder_replaced_by_a_link_is_never_followed(tmp_path):
    corpus = _corpus(tmp_path / "texts")
    out = tmp_path / "results"
    _run(corpus, out)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "part-00000.parquet").write_text("someone else's file", encoding="utf-8")
    (elsewhere / batch.MARKER).write_text("zhpolicy batch\n", encoding="utf-8")  # even a copied marker
    for part in (out / "statistics").iterdir():
        part.unlink()
    (out / "statistics").rmdir()
    os.symlink(elsewhere, out / "statistics")
    before, outside = _tree(out), _tree(elsewhere)
    with pytest.raises(CorpusError, match="statistics"):
        _run(corpus, out)
    assert _tree(out) == before and _tree(elsewhere) == outside


def test_a_run_json_the_user_wrote_over_is_kept(tmp_path):
    corpus = _corpus(tmp_path / "texts")
    out = tmp_path / "results"
    _run(corpus, out)
    (out / "run.json").write_text(json.dumps({"my": "notes"}), encoding="utf-8")
    with pytest.raises(CorpusError, match="run.json"):
        _run(corpus, out)
    assert json.loads((out / "run.json").read_text(encoding="utf-8")) == {"my": "notes"}


# ---------------------------------------------------------------- §3 one bad document


def test_documents_over_the_size_limit_are_skipped_with_the_reason(tmp_path):
    corpus = _corpus(tmp_path / "texts")
    (corpus / "long.txt").write_text("推动科技创新。" * 400, encoding="utf-8")  # 2,800 characters, 8,400 bytes
    (corpus / "long.html").write_text("<html><body><p>" + "推动产业创新。" * 200 + "</p></body></html>", encoding="utf-8")
    _run(corpus, tmp_path / "out", max_chars=1000)
    result = batch.read_batch(tmp_path / "out")
    reasons = dict(zip(result["skipped"]["file"], result["skipped"]["reason"]))
    assert set(reasons) == {"long.txt", "long.html"}
    assert all("1,000 字" in r and "--max-chars" in r for r in reasons.values())
    assert sorted(result["corpus"]["file"]) == ["good0.txt", "good1.txt", "good2.txt"]
    assert result["run"]["counts"]["skipped"] == 2


def test_a_reader_crashing_on_one_file_fails_only_that_file(tmp_path, monkeypatch):
    from zhpolicy.reading import corpus as corpus_module

    corpus = _corpus(tmp_path / "texts", n=6)
    original = corpus_module.read_document

    def fragile(path, *args, **kwargs):
        if path.name == "good4.txt":
            raise RuntimeError("reader bug")
        return original(path, *args, **kwargs)

    monkeypatch.setattr(corpus_module, "read_document", fragile)
    _run(corpus, tmp_path / "out", partition_mb=100)
    result = batch.read_batch(tmp_path / "out")
    assert result["skipped"].to_dict("records") == [{"file": "good4.txt", "reason": "处理失败（RuntimeError: reader bug）"}]
    assert len(result["corpus"]) == 5 and len(result["statistics"]) > 0


def test_unreadable_files_keep_their_own_reasons(tmp_path):
    corpus = tmp_path / "texts"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    _run(corpus, tmp_path / "out", partition_mb=100)
    reasons = batch.read_batch(tmp_path / "out")["skipped"]["reason"]
    assert len(reasons) == 2 and not any("没有一个文件能读取" in r for r in reasons)


def _big_text(megabytes: float) -> str:
    lines, size, i = [], 0, 0
    while size < megabytes * 1e6:
        line = f"第{i}条：{GOOD[i % 3]}"
        lines.append(line)
        size += len(line.encode("utf-8")) + 1
        i += 1
    return "\n".join(lines)


def test_a_document_that_exhausts_a_workers_memory_is_skipped_and_the_others_kept(tmp_path):
    """A 5 MB document needs far more than a 400 MB worker has: the nanny kills the worker, the
    partition is rerun document by document, and only that document lands in skipped."""
    import logging

    import dask
    from dask.distributed import Client, LocalCluster

    corpus = _corpus(tmp_path / "texts", n=4)
    (corpus / "huge.txt").write_text(_big_text(5), encoding="utf-8")
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        with LocalCluster(n_workers=1, threads_per_worker=1, memory_limit="400MB", host="127.0.0.1",
                          dashboard_address="127.0.0.1:0", scheduler_kwargs={"dashboard": False},
                          silence_logs=logging.CRITICAL) as cluster, Client(cluster) as client:
            batch.run_batch(corpus, tmp_path / "out", scheduler=client, partition_mb=100, cache=False,
                            progress=False)
    result = batch.read_batch(tmp_path / "out")
    assert result["skipped"]["file"].tolist() == ["huge.txt"]
    assert "KilledWorker" in result["skipped"]["reason"].iloc[0] and "内存" in result["skipped"]["reason"].iloc[0]
    assert sorted(result["corpus"]["file"]) == [f"good{i}.txt" for i in range(4)]
    assert result["run"]["counts"]["documents"] == 4 and result["run"]["counts"]["skipped"] == 1
    assert len(result["statistics"]) > 0


# ---------------------------------------------------------------- §2 §4 the local cluster


PROBE = textwrap.dedent("""
    import json, os, sys, psutil
    from pathlib import Path
    from zhpolicy import batch

    if __name__ == "__main__":
        folder, out = Path(sys.argv[1]), Path(sys.argv[2])
        client, cluster, _ = batch._client(None, 2, scratch=batch.scratch_dir(out))
        client.wait_for_workers(2)
        pids = {os.getpid()} | {p.pid for p in psutil.Process().children(recursive=True)}
        listening = sorted({c.laddr.ip for c in psutil.net_connections("inet")
                            if c.status == psutil.CONN_LISTEN and c.pid in pids})
        dirs = sorted(client.run(lambda dask_worker: dask_worker.local_directory).values())
        client.close(); cluster.close()
        batch.run_batch(folder, out, workers=1, cache=False, progress=False)
        print(json.dumps({"listening": listening, "dirs": dirs}))
""")


def test_the_local_cluster_listens_on_loopback_and_keeps_scratch_in_the_cache(tmp_path):
    corpus = _corpus(tmp_path / "texts")
    system_tmp, cache = tmp_path / "systmp", tmp_path / "cache"
    system_tmp.mkdir()
    script = tmp_path / "probe.py"
    script.write_text(PROBE, encoding="utf-8")
    env = dict(os.environ, TMPDIR=str(system_tmp), ZHPOLICY_CACHE_DIR=str(cache))
    done = subprocess.run([sys.executable, str(script), str(corpus), str(tmp_path / "out")], capture_output=True,
                          text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["listening"] == ["127.0.0.1"], found  # scheduler, workers, nannies: loopback only; no dashboard
    assert len(found["dirs"]) == 2 and all(d.startswith(str(cache / "dask-scratch")) for d in found["dirs"])
    assert not list(system_tmp.rglob("dask-scratch-space")) and not list(system_tmp.rglob("dask-worker-space"))


# ---------------------------------------------------------------- §5 messages


def _cli(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "zhpolicy.batch", *map(str, args)], capture_output=True,
                          text=True, timeout=300, **kwargs)


@pytest.mark.parametrize("option, value, words", [("--partition-mb", "nan", "大于 0 的数"),
                                                  ("--partition-mb", "-1", "大于 0 的数"),
                                                  ("--partition-mb", "inf", "大于 0 的数"),
                                                  ("--workers", "0", "大于 0 的整数"),
                                                  ("--max-chars", "many", "大于 0 的整数"),
                                                  ("--scheduler", "not-an-address", "无法连接到 Dask 调度器")])
def test_bad_arguments_get_one_line_and_write_nothing(tmp_path, option, value, words):
    corpus = _corpus(tmp_path / "texts")
    done = _cli(corpus, "--out", tmp_path / "out", option, value, "--quiet")
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and words in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_the_library_refuses_a_partition_size_that_is_not_a_number(tmp_path):
    with pytest.raises(CorpusError, match="分区大小"):
        _run(_corpus(tmp_path / "texts"), tmp_path / "out", partition_mb=float("nan"))


def _start_batch(tmp_path, n=300):
    corpus = _corpus(tmp_path / "texts", n=n)
    env = dict(os.environ, ZHPOLICY_CACHE_DIR=str(tmp_path / "cache"))
    parent = subprocess.Popen([sys.executable, "-m", "zhpolicy.batch", str(corpus), "--out", str(tmp_path / "out"),
                               "--workers", "2", "--partition-mb", "0.0005", "--quiet", "--no-cache"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                              start_new_session=True,  # its own process group, as in a terminal
                              # Ctrl+C acts as in a terminal even when the tests themselves were started in
                              # the background (`cmd &` ignores SIGINT, and children inherit that)
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    import psutil

    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and parent.poll() is None:
        children = psutil.Process(parent.pid).children(recursive=True)
        if len(children) >= 2 and list((tmp_path / "out" / "corpus").glob("part-*")):
            return parent, [p.pid for p in children]
        time.sleep(0.2)
    parent.kill()
    pytest.fail("the batch did not start its workers")


def test_ctrl_c_gives_one_line_and_leaves_no_worker(tmp_path):
    import psutil

    parent, children = _start_batch(tmp_path)
    try:
        os.killpg(parent.pid, signal.SIGINT)  # what Ctrl+C in a terminal does: the whole group
        _, err = parent.communicate(timeout=120)
    finally:
        if parent.poll() is None:
            parent.kill()
    assert parent.returncode == 130
    assert len(err.strip().splitlines()) == 1 and "已中断" in err and "Traceback" not in err, err[-2000:]
    time.sleep(1)
    assert not [p for p in children if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]
    assert not (tmp_path / "out" / "run.json").exists()  # an interrupted run is not a result


def test_a_killed_batch_leaves_no_worker(tmp_path):
    parent, children = _start_batch(tmp_path)
    try:
        alive = _survivors_of_killed_parent(parent, children, seconds=20, poll=0.5)
    finally:
        if parent.poll() is None:
            parent.kill()
    assert not alive, f"processes {alive} outlived their SIGKILLed parent"


def test_an_interrupted_output_folder_can_be_reused(tmp_path):
    corpus = _corpus(tmp_path / "texts")
    out = tmp_path / "out"
    _run(corpus, out)
    (out / "run.json").unlink()  # as after Ctrl+C
    _run(corpus, out)
    assert len(batch.read_batch(out)["corpus"]) == 3
    assert pd.read_parquet(out / "corpus_frequencies.parquet")["count"].sum() > 0
