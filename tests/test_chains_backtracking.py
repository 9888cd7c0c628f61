"""Sentences on which a rule pattern could backtrack without end: each must come back at once with the
chains it holds. A hang guard, not a speed test: each sentence runs in a child process that is given
far more time than it needs (milliseconds) and far less than the patterns took before the fix
(seconds for two asides of 11 and 17 characters, doubling with each character more)."""

import json
import subprocess
import sys

import pytest

LONG = "其中包括许多方面的各种具体内容和说明"  # 18 characters

CASES = [
    # 由 then two long bracketed asides: the from-towards and from-to patterns once split each
    # masked aside every possible way
    (f"改革的政策由结构（信息源的选择与使用{LONG}）与参数（决定新的影响程度与行动的强度{LONG}）组成。", []),
    (f"推动成果从概念验证（{LONG}{LONG}）到商业化（{LONG}）。", [["sequence", "概念验证 > 商业化"]]),
    (f"推动发展方式由规模扩张（{LONG}）（{LONG}）向质量效益转变。", [["sequence", "规模扩张 > 质量效益"]]),
]


def _scored(text: str, timeout: float = 60) -> list[list[str]]:
    code = ("import json, sys; from zhpolicy.extraction.chains import extract_chains, SCORED_KINDS; "
            "t = extract_chains(sys.argv[1]); "
            "print(json.dumps([[k, c] for k, c in zip(t['kind'], t['chain']) if k in SCORED_KINDS]))")
    done = subprocess.run([sys.executable, "-c", code, text], capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("text,expected", CASES)
def test_long_asides_do_not_hang_the_patterns(text, expected):
    assert _scored(text) == expected
