"""Corpora for the “every lesson finishes on any corpus” tests, written from our own sentences."""

from __future__ import annotations

import random
from pathlib import Path

_SUBJECTS = ["各地区", "有关部门", "高新区", "重点企业", "高校和科研院所", "地方政府", "产业园区", "科技型中小企业"]
_VERBS = ["加快推进", "着力强化", "积极探索", "统筹推进", "持续完善", "大力支持", "稳步开展", "深入实施"]
_OBJECTS = ["科技成果转化", "关键核心技术攻关", "产学研协同创新", "数字化转型", "创新平台建设", "人才引进培养",
            "知识产权保护", "首台套应用推广", "中试基地建设", "科技金融服务", "新质生产力培育", "产业链协同"]
_TAILS = ["，形成一批可复制的经验。", "，提升区域创新能力。", "，推动科技创新和产业创新深度融合。",
          "，到2027年取得明显成效。", "，研发投入强度达到3%左右。", "，营造良好创新生态。"]


def one_line_corpus(folder: Path) -> Path:
    """A folder with ONE document of one short line."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "一句话.txt").write_text("推动科技创新和产业创新深度融合。\n", encoding="utf-8")
    return folder


def many_short_corpus(folder: Path, n: int = 300, seed: int = 7) -> Path:
    """A folder of *n* short documents (two or three short paragraphs each), all named doc….txt."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        paras = []
        for _ in range(rng.randint(2, 3)):
            sents = [rng.choice(_SUBJECTS) + "要" + rng.choice(_VERBS) + rng.choice(_OBJECTS) + rng.choice(_TAILS)
                     for _ in range(rng.randint(1, 3))]
            paras.append("".join(sents))
        title = f"关于{rng.choice(_OBJECTS)}的通知（第{i + 1}号）"
        (folder / f"doc{i:03d}.txt").write_text(title + "\n" + "\n".join(paras) + "\n", encoding="utf-8")
    return folder
