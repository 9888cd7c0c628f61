"""The Exercise mechanics shared by every lesson (per-lesson checks live in test_exercises_lessonNN.py)."""

from zhpolicy.teaching.exercises import Exercise


def _equals_three(answer):
    return (answer == 3, "" if answer == 3 else ("太大了。" if answer > 3 else "太小了。"))


def test_check_rejects_the_wrong_type_clearly(capsys):
    q = Exercise("1 + 2 = ?", _equals_three, ("想想加法。", "结果比 2 大 1。"), "1 + 2", expects="integer")
    q.check("3")
    out = capsys.readouterr().out
    assert not q.passed and "❌" in out and "类型" in out and "✅" not in out
    q.check(True)  # a bool is not a number
    assert not q.passed


def test_check_never_prints_a_hint_or_the_answer(capsys):
    q = Exercise("1 + 2 = ?", _equals_three, ("想想加法。", "结果比 2 大 1。"), "1 + 2", expects="integer")
    q.check(5)
    out = capsys.readouterr().out
    assert not q.passed and "太大了" in out and "想想加法" not in out and "1 + 2" not in out
    q.check(3)
    assert q.passed


def test_hints_are_graded_and_on_request(capsys):
    q = Exercise("1 + 2 = ?", _equals_three, ("想想加法。", "结果比 2 大 1。"), "1 + 2", expects="integer")
    q.hint()
    q.hint()
    q.hint()
    out = capsys.readouterr().out
    assert out.index("1/2") < out.index("2/2") and out.count("2/2") == 2
    q.solution()
    assert "1 + 2" in capsys.readouterr().out


# ---------------------------------------------------------------- answer kinds, rounding, diagnoses


def _printed(q, answer, *context, capsys):
    q.check(answer, *context)
    return q.passed, capsys.readouterr().out


def test_any_list_like_of_ids_is_a_list(capsys):
    import numpy as np
    import pandas as pd

    from zhpolicy.teaching.exercises import as_items, set_feedback

    ids = pd.Series(["b", "a", "b"], dtype="str")
    q = Exercise("哪几篇？", lambda answer: set_feedback(answer, {"a", "b"}), ("甲", "乙"), "answer = ['a', 'b']",
                 expects="list")
    for answer in (["a", "b"], ("b", "a"), {"a", "b"}, ids, ids.unique(), pd.Index(["a", "b"]), np.array(["a", "b"]),
                   pd.array(["a", "b"], dtype="string[pyarrow]"), {"a": 1, "b": 2}.keys()):
        assert _printed(q, answer, capsys=capsys)[0], type(answer)
    assert as_items(ids.unique()) == ["b", "a"] and as_items("ab") is None and as_items(3) is None
    ok, out = _printed(q, "a, b", capsys=capsys)
    assert not ok and "类型" in out and "方括号" in out
    ok, out = _printed(q, ["a"], capsys=capsys)
    assert not ok and "少了 1 项" in out and "'b'" not in out  # says how many, never which


def test_a_number_inside_a_series_or_quotes_is_named(capsys):
    import pandas as pd

    q = Exercise("比例？", lambda answer: (abs(answer - 0.25) < 0.005, ""), ("甲", "乙"), "answer = 0.25", expects="number")
    ok, out = _printed(q, pd.Series([0.25], index=["d1"]), capsys=capsys)
    assert not ok and "只有一项" in out and ".iloc[0]" in out
    ok, out = _printed(q, pd.Series([0.25, 0.5]), capsys=capsys)
    assert not ok and "2 项" in out and "还差一步" in out
    ok, out = _printed(q, "0.25", capsys=capsys)
    assert not ok and "去掉引号" in out
    text = Exercise("哪篇？", lambda answer: (answer == "d1", ""), ("甲", "乙"), "answer = 'd1'", expects="text")
    ok, out = _printed(text, pd.Series(["d1"]), capsys=capsys)
    assert not ok and "只有一项" in out
    count = Exercise("几个？", lambda answer: (answer == 3, ""), ("甲", "乙"), "answer = 3", expects="integer")
    ok, out = _printed(count, 2.5, capsys=capsys)
    assert not ok and "整数" in out


def test_number_feedback_names_rounding_before_any_other_mistake():
    from zhpolicy.teaching.exercises import number_feedback

    right = 6.8 / 2.45907  # 2.765…: asked to two places
    mistakes = [(24590.7 / 3, "没有换算"), (right / 100, "比例")]
    assert number_feedback(2.77, right, 2, mistakes)[0] and number_feedback(right, right, 2, mistakes)[0]
    ok, message = number_feedback(2.8, right, 2, mistakes)
    assert not ok and "只保留了 1 位小数" in message and "换算" not in message
    assert number_feedback(8196.9, right, 2, mistakes) == (False, "没有换算")
    assert number_feedback(0.0277, right, 2, mistakes) == (False, "比例")
    ok, message = number_feedback(0.03, 0.027, 3)  # 0.03 is not 0.027 to three places
    assert not ok and "只保留了 2 位小数" in message
    assert number_feedback(3.5, 2.5, 1) == (False, "偏大了。")
    assert not number_feedback(float("inf"), 2.5, 1)[0]
    assert number_feedback(2.7, 2.7, 2, [(2.7, "与正确答案相同的“错误”不会被说出")]) == (True, "")


def test_a_whole_number_is_never_told_its_value_is_right():
    """Review of issue 25: κ = 0 against 0.44, the median 1 against 1.20, 3 against 2.60 were told
    “数值对了，但只保留了 0 位小数”. The decimals message is given only to an answer written with
    decimals; a whole number gets 偏大/偏小 and a reminder of the decimals asked for."""
    from zhpolicy.teaching.exercises import number_feedback

    for answer, right, places in ((0, 0.444, 2), (0.0, 0.444, 2), (1, 1.2, 2), (3, 2.6, 2), (4, 3.7, 1), (2, 1.89, 2)):
        ok, message = number_feedback(answer, right, places)
        assert not ok and "数值对了" not in message, (answer, message)
        assert ("偏大" if answer > right else "偏小") in message and f"{places} 位小数" in message
    ok, message = number_feedback(0.4, 0.444, 2)  # written with one decimal: that one is true
    assert not ok and "只保留了 1 位小数" in message
    # a mistake is matched loosely only at a precision of one decimal or more
    assert number_feedback(1, 1.2, 2, [(0.8, "偶然接近的错误")]) != (False, "偶然接近的错误")
    assert number_feedback(0.8, 1.2, 2, [(0.8, "名字")]) == (False, "名字")


def test_a_list_of_few_candidates_can_be_checked_without_naming_each(capsys):
    from zhpolicy.teaching.exercises import set_feedback

    right = {"a", "b"}
    assert set_feedback(["x"], right, counts=False) == set_feedback(["a"], right, counts=False)
    assert set_feedback(["a", "x"], right, counts=False) == set_feedback(["x", "y"], right, counts=False)
    assert "个数对了" in set_feedback(["a", "x"], right, counts=False)[1]
    assert set_feedback(["b", "a"], right, counts=False)[0]
    assert set_feedback(["a"], right)[1] == "少了 1 项。"  # counts=True (the default) says how many


def test_quotes_and_spaces_around_a_word_answer():
    from zhpolicy.teaching.exercises import bare_text

    for typed in ("“加快”", '"加快"', " 加快 ", "「加快」", "'加快'", "‘加快’ "):
        assert bare_text(typed) == "加快", typed


def test_a_question_without_a_right_answer_says_recorded(capsys):
    q = Exercise("编码？", lambda answer: (True, "只检查了格式。"), ("甲", "乙"), "answer = ['无']", expects="list",
                 ok_prefix="✅ 已记录（格式正确）。")
    ok, out = _printed(q, ["无"], capsys=capsys)
    assert ok and out.startswith("✅ 已记录") and "正确！" not in out


def test_notebook_solution_cells_run_the_library_reference_solutions():
    """Each lesson's solution cell for ex.qN is the exercise's own solution_code (what .solution()
    prints and what the any-corpus tests run), followed by its check."""
    import importlib
    import re
    from pathlib import Path

    import nbformat

    root = Path(__file__).resolve().parents[1]
    for path in sorted((root / "notebooks").glob("0[1-6]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        module = importlib.import_module(f"zhpolicy.teaching.exercises.lesson{path.name[:2]}")
        seen = set()
        for cell in nb.cells:
            if "solution" not in cell.metadata.get("tags", []):
                continue
            m = re.search(r"\bex\.(q\d+)\.check\(", cell.source)
            assert m, f"{path.name}: a solution cell without its check"
            code = getattr(module, m.group(1)).solution_code
            for line in code.splitlines():
                line = re.sub(r"\s+#.*$", "", line).rstrip()
                assert line in cell.source, f"{path.name} {m.group(1)}: {line!r} missing"
            seen.add(m.group(1))
        assert seen == {name for name in vars(module) if re.fullmatch(r"q\d+", name)}, path.name
