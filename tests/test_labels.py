import pandas as pd

from zhpolicy.teaching.labels import column_labels, zh


def test_zh_renames_columns_and_spells_out_values_without_touching_the_original():
    table = pd.DataFrame({"term": ["融合", "创新"], "direction": ["over", "under"], "count": [3, 1], "other": [1, 2]})
    shown = zh(table)
    assert list(shown.columns) == ["词", "方向", "次数", "other"]
    assert list(shown["方向"]) == ["多用", "少用"]
    assert list(table.columns) == ["term", "direction", "count", "other"]


def test_every_label_is_unique_per_column():
    labels = column_labels()
    assert "doc_id" in labels and len(set(labels.values())) == len(labels)
