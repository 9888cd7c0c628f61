"""Markup removal removes markup, never text (issue 26 §1, second adversarial round): tags named in a
policy text's sentences stay with everything between them, a page's escaped text is shown as the
browser shows it, and a page saved as .txt still loses its real markup."""

from __future__ import annotations

import warnings

import zhpolicy as zp
from zhpolicy.reading.markup import looks_like_html, strip_tags


def _load(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return zp.load_corpus(folder)


def test_tags_named_in_sentences_of_a_txt_keep_the_text_between_them(tmp_path):
    (tmp_path / "a.txt").write_text("一、网站不得嵌入<script>标签。\n二、2024年研发投入达到120亿元，比上年增长8.5%。\n"
                                    "三、所有</script>结束标签须审查。\n", encoding="utf-8")
    corpus = _load(tmp_path)
    text = corpus.loc[0, "text"]
    assert "<script>标签" in text and "120亿元" in text and "</script>结束标签" in text
    assert "120亿元" in set(zp.extract_statistics(corpus)["surface"].str.replace("达到", ""))


def test_a_page_whose_text_shows_tags_keeps_them(tmp_path):
    (tmp_path / "a.html").write_text(
        "<html><head><meta charset='utf-8'><title>通知</title></head><body><p>一、网站不得嵌入&lt;script&gt;标签。</p>"
        "<p>二、2024年研发投入达到120亿元。</p><p>三、所有&lt;/script&gt;结束标签须审查。</p>"
        "<p>页面写作 &amp;lt;p&amp;gt; 标记，公式 x&lt;y 与 &lt;b&gt;加粗&lt;/b&gt;。</p></body></html>", encoding="utf-8")
    corpus = _load(tmp_path)
    text = corpus.loc[0, "text"]
    assert "<script>标签" in text and "120亿元" in text and "</script>结束标签" in text
    assert "&lt;p&gt" in text and "<b>加粗</b>" in text and "x<y" in text  # decoded once, as a browser shows it
    audit = zp.cleaning_audit(corpus)
    assert audit.loc[audit["step"] == "strip_html_markup", "changes"].sum() == 0  # the HTML reader did it


def test_a_less_than_sign_and_tags_inside_a_sentence_are_text():
    line = "若投入a<b 且 c>d，则不得使用<iframe>或<div class=x>嵌入。"
    assert strip_tags(line) == line
    assert strip_tags("当增速<5%时，达到120亿元。<br>下一段。") == "当增速<5%时，达到120亿元。\n下一段。"


def test_a_page_saved_as_txt_still_loses_its_markup(tmp_path):
    page = ("<html><body>\n<p>一、总体要求</p>\n<script>var x = '<p>不显示</p>';</script>\n"
            "<p>二、2024年增长&nbsp;5%。</p><!-- 注释 -->\n</body></html>\n")
    assert looks_like_html(page)
    assert strip_tags(page) == "一、总体要求\n二、2024年增长\xa05%。"
    (tmp_path / "a.txt").write_text(page, encoding="utf-8")
    text = _load(tmp_path).loc[0, "text"]
    assert "<p>" not in text and "不显示" not in text and "注释" not in text and "总体要求" in text


def test_an_entity_written_out_in_a_text_keeps_its_semicolon(tmp_path):
    from zhpolicy.reading.clean import unify_punctuation

    assert unify_punctuation("页面源码里写作&lt;p&gt;标签，&#60;也一样") == "页面源码里写作&lt;p&gt;标签，&#60;也一样"
    assert unify_punctuation("第一条;第二条") == "第一条；第二条"
    # a page whose text shows the entity itself (written &amp;lt;p&amp;gt; in its source)
    (tmp_path / "a.html").write_text("<html><body><p>教材把段落标签写作&amp;lt;p&amp;gt;学生照着写。</p></body></html>",
                                     encoding="utf-8")
    assert "写作&lt;p&gt;学生" in zp.load_corpus(tmp_path)["text"].iloc[0]


def test_ruby_pinyin_spelled_out_after_each_character_is_removed(tmp_path):
    from zhpolicy.reading.clean import strip_html_markup
    assert strip_html_markup("面對經(jīng)濟(jì)下行。預(yù)計(jì)，全市實(shí)現1360億元") == "面對經濟下行。預計，全市實現1360億元"
    assert strip_html_markup("预（yù）期目标") == "预期目标"
    # a name glossed in Latin letters, or a two-syllable gloss, is not a ruby annotation
    assert strip_html_markup("张(Zhang)先生；重庆(Chóngqìng)市") == "张(Zhang)先生；重庆(Chóngqìng)市"
    (tmp_path / "a.txt").write_text("今年经济形势总体平稳。预（yù）计（jì）全年增长5%左右。", encoding="utf-8")
    t = zp.extract_statistics(zp.load_corpus(tmp_path))
    assert t["kind_cue"].tolist() == ["预计"]  # the cue word is whole again
