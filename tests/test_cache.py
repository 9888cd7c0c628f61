"""The cache never breaks a run: any failure warns once and the work goes on without it;
cache folders are private; cache files (ours and jieba's) are checked before they are trusted;
worker processes die with their parent."""

import errno
import importlib
import os
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
import time
import warnings

import pytest

import zhpolicy as zp
from zhpolicy import paths

tk = importlib.import_module("zhpolicy.analysis.tokenize")
tk_private = importlib.import_module("zhpolicy.analysis.private_cache")
tk_cache = importlib.import_module("zhpolicy.analysis.token_cache")
tk_words = importlib.import_module("zhpolicy.analysis.tokenizers")
DOCS = {"a": "推动科技创新和产业创新深度融合。", "b": "研发经费投入超过3.6万亿元，增长8.3%。", "c": "加快建设科技强国。"}


@pytest.fixture()
def fresh(monkeypatch, tmp_path):
    """A private cache folder and a clean 'already warned' memory."""
    monkeypatch.setattr(tk_private, "_warned", set())
    monkeypatch.setenv("ZHPOLICY_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _expected():
    return zp.tokens(DOCS, cache=False)


def _run_collecting_warnings(func):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = func()
    return result, [w for w in caught if issubclass(w.category, RuntimeWarning)]


@pytest.mark.parametrize("variable", ["ZHPOLICY_CACHE_DIR", "XDG_CACHE_HOME"])
def test_cache_location_that_is_a_file_warns_once_and_goes_on(variable, fresh, tmp_path, monkeypatch):
    expected = _expected()
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    monkeypatch.delenv("ZHPOLICY_CACHE_DIR")
    monkeypatch.setenv(variable, str(blocker))
    (first, caught) = _run_collecting_warnings(lambda: (zp.tokens(DOCS), zp.tokens(DOCS), zp.token_spans(DOCS)))
    assert first[0].equals(expected) and first[1].equals(expected)
    assert len(caught) == 1, [str(w.message) for w in caught]
    assert "缓存" in str(caught[0].message)
    assert blocker.read_text() == "not a folder"


def test_another_users_cache_folder_is_not_used(fresh, monkeypatch):
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("needs root to give a folder to another user")
    fresh.mkdir()
    os.chown(fresh, 12345, 12345)
    with pytest.raises(paths.CacheUnavailable, match="另一个用户"):
        paths.cache_dir()
    result, caught = _run_collecting_warnings(lambda: zp.tokens(DOCS))
    assert result.equals(_expected()) and len(caught) == 1
    assert not list(fresh.rglob("*.npy")), "nothing written into another user's folder"


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_failed_cache_writes_warn_once_and_go_on(code, fresh, monkeypatch):
    expected = _expected()

    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(tempfile, "mkstemp", fail)
    result, caught = _run_collecting_warnings(lambda: (zp.tokens(DOCS), zp.tokens(DOCS)))
    assert result[0].equals(expected) and result[1].equals(expected)
    assert len(caught) == 1 and "写入" in str(caught[0].message)
    assert not list(fresh.rglob("*.npy"))


def test_cache_folders_are_private(fresh):
    zp.tokens(DOCS)
    folders = [fresh, *[p for p in fresh.rglob("*") if p.is_dir()]]
    assert len(folders) >= 3  # the cache, tokens/, tokens/xx/, jieba's folder
    for folder in folders:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_an_existing_open_cache_folder_is_made_private(fresh):
    fresh.mkdir(mode=0o755)
    fresh.chmod(0o777)
    assert stat.S_IMODE(paths.cache_dir().stat().st_mode) == 0o700


@pytest.mark.parametrize("bad", ["negative", "overlapping", "past_the_end", "empty_token", "unordered"])
def test_token_cache_files_with_impossible_offsets_are_rebuilt(bad, fresh):
    text = DOCS["b"]
    expected = zp.tokens({"b": text})
    key = tk_cache._cache_key(text, True)
    starts, ends = tk_cache._load_cached(key)
    starts, ends = starts.copy(), ends.copy()
    if bad == "negative":
        starts[0] = -3
    elif bad == "overlapping":
        starts[2] = starts[1]
    elif bad == "past_the_end":
        ends[-1] = len(text) + 40
    elif bad == "empty_token":
        ends[1] = starts[1]
    else:
        starts[[1, 2]], ends[[1, 2]] = starts[[2, 1]], ends[[2, 1]]
    tk_cache._save_cached(key, starts, ends)  # a well-formed file with a right header …
    assert tk_cache._load_cached(key) is not None
    assert zp.tokens({"b": text}).equals(expected)  # … is still not trusted
    repaired = tk_cache._load_cached(key)
    assert tk_cache._valid_spans(*repaired, len(text)), "the bad file was rebuilt"


def _child(code, env):
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=env)


def test_a_crafted_jieba_dictionary_cache_is_not_trusted(fresh):
    env = dict(os.environ, ZHPOLICY_CACHE_DIR=str(fresh), ZHPOLICY_BACKEND="jieba")
    show = "import zhpolicy; print(zhpolicy.tokenize('推动科技创新和产业创新深度融合', drop_punct=False))"
    first = _child(show, env)
    assert first.returncode == 0, first.stderr
    caches = list(fresh.rglob("jieba.cache"))
    assert len(caches) == 1 and caches[0].parent.parent == fresh, "jieba's cache lives in the private cache"
    # a crafted cache: jieba's format (marshal of FREQ and total) with one absurd word
    craft = f"""
        import marshal
        freq, total = marshal.load(open({str(caches[0])!r}, 'rb'))
        freq['技创'] = 10**12; freq['新和产'] = 10**12
        marshal.dump((freq, total + 2 * 10**12), open({str(caches[0])!r}, 'wb'))
    """
    assert _child(craft, env).returncode == 0
    second = _child(show, env)
    assert second.returncode == 0, second.stderr
    assert second.stdout == first.stdout
    # the check is what protects: with a matching record, jieba would believe the crafted file
    assert _child(craft, env).returncode == 0
    record = caches[0].with_name("jieba.cache.sha256")
    record.write_text(tk_words._file_digest(caches[0]) + "\n")
    third = _child(show, env)
    assert "'技创'" in third.stdout or "'新和产'" in third.stdout, third.stdout


def _survivors_of_killed_parent(parent, pids: list[int], *, seconds: float, poll: float) -> list[int]:
    """SIGKILL *parent*, then wait up to *seconds* for *pids* to exit; return those still running."""
    import psutil

    parent.send_signal(signal.SIGKILL)
    parent.wait(timeout=10)
    deadline = time.monotonic() + seconds
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(poll)
        alive = [p for p in pids if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]
    return alive


def test_worker_processes_exit_when_the_parent_is_killed(tmp_path):
    psutil = pytest.importorskip("psutil")
    script = textwrap.dedent("""
        import importlib, os, sys, time
        tk = importlib.import_module("zhpolicy.analysis.tokenize")
        pool = tk._worker_pool(2)
        list(pool.map(abs, range(4)))
        print(" ".join(str(p) for p in pool._processes), flush=True)
        time.sleep(60)
    """)
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        workers = [int(p) for p in parent.stdout.readline().split()]
        assert len(workers) == 2
        assert all(psutil.pid_exists(p) for p in workers)
        alive = _survivors_of_killed_parent(parent, workers, seconds=10, poll=0.2)
        assert not alive, f"workers {alive} outlived their SIGKILLed parent"
    finally:
        if parent.poll() is None:
            parent.kill()


def test_batch_cluster_processes_exit_when_the_parent_is_killed(tmp_path):
    pytest.importorskip("psutil")
    pytest.importorskip("dask.distributed")
    script = tmp_path / "parent.py"
    script.write_text(textwrap.dedent("""
        import logging, time, psutil
        from zhpolicy.batch import _client
        if __name__ == "__main__":
            client, cluster, _ = _client(None, 2)
            client.wait_for_workers(2)
            print(" ".join(str(p.pid) for p in psutil.Process().children(recursive=True)), flush=True)
            time.sleep(120)
    """))
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        children = [int(p) for p in parent.stdout.readline().split()]
        assert len(children) >= 2, "the nannies and their workers"
        alive = _survivors_of_killed_parent(parent, children, seconds=20, poll=0.5)
        assert not alive, f"processes {alive} outlived their SIGKILLed parent"
    finally:
        if parent.poll() is None:
            parent.kill()


def test_rjieba_needs_no_jieba_dictionary_once_the_frequencies_are_cached(fresh):
    env = dict(os.environ, ZHPOLICY_CACHE_DIR=str(fresh))
    env.pop("ZHPOLICY_BACKEND", None)
    show = """
        import importlib, zhpolicy
        print(zhpolicy.tokenize('推动科技创新和产业创新深度融合，发展新质生产力'))
        print(importlib.import_module('zhpolicy.analysis.tokenize').tokenizer.cache_info().currsize)
    """
    pytest.importorskip("rjieba")
    first, second = _child(show, env), _child(show, env)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert first.stdout.split("\n")[0] == second.stdout.split("\n")[0]
    assert second.stdout.split("\n")[1] == "0", "the second process did not load jieba's dictionary"
    for broken in ("not json", '[["科技创新", -5]]', "[]"):
        for path in fresh.glob("userdict-freqs-*.json"):
            path.write_text(broken, encoding="utf-8")
        third = _child(show, env)
        assert third.stdout.split("\n")[0] == first.stdout.split("\n")[0], broken
