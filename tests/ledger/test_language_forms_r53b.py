"""Round r53b (set 53's dev rows and older ones; info block and inspection): the forms its mechanisms read, pinned with
constructed cases (no corpus text) — positives in forms no row has, negatives where the cue stands without its licence."""
from __future__ import annotations

import pytest

from archive.ledger.naming import inspection_name
from crawler.extraction.info import info_block

Block = tuple[str | None, str | None, str | None, str | None] | None


def _block(text: str) -> Block:
    return info_block(text).value()  # type: ignore[return-value]


# -- I1 a 年月日 day alone under its signer's line signs the document, a 来源 label after it or not (info_unlabelled)
@pytest.mark.parametrize(("text", "expected"), [
    ("某某市水利局某某分局\n\n2021年3月4日\n\n信息来源: 某某水利分局", ("某某水利分局", None, "2021-03-04", None)),
    ("某某县人民政府办公室\n2021年3月4日\n来源:某某县人民政府办公室", ("某某县人民政府办公室", None, "2021-03-04", None)),
    # two signers, the second over the day
    ("中共某某县委办公室\n某某县人民政府办公室\n2019年5月6日\n文章来源:某某县政府", ("某某县政府", None, "2019-05-06", None)),
    ("某某市生態環境局\n2021年3月4日\n信息來源:某某市生態環境局", ("某某市生態環境局", None, "2021-03-04", None)),  # traditional
    ("某某镇人民政府\n  2022年 6月 9日  \n来源：某某镇", ("某某镇", None, "2022-06-09", None)),  # spaced, indented
    # near misses: no signer above the day — the source label's block day is the posting day, as before
    ("来源:某某日报\n2021年3月4日", ("某某日报", "2021-03-04", None, None)),
    ("某某日报\n2021年3月4日\n来源:某某日报", ("某某日报", "2021-03-04", None, None)),  # a medium's name is no signer
    ("特此公告。\n2021年3月4日\n来源:某某县人民政府", ("某某县人民政府", "2021-03-04", None, None)),  # a sentence above
    ("来源:某某县人民政府\n2021年3月4日", ("某某县人民政府", "2021-03-04", None, None)),  # a label line above
    ("某某县人民政府\n2021-03-04\n来源:某某县人民政府", ("某某县人民政府", "2021-03-04", None, None)),  # a numeric day
])
def test_day_under_signer_signs(text: str, expected: Block) -> None:
    assert _block(text) == expected


# -- I2 a day alone on its line, its weekday or time after it or not, over the article's text-size buttons
# (info_days.day_before_controls): the posting day
@pytest.mark.parametrize(("text", "expected"), [
    ("2023年11月15日 星期三\n放大 缩小 默认\n某某县召开会议", (None, "2023-11-15", None, None)),
    ("2023年11月15日\n【字体：大 中 小】", (None, "2023-11-15", None, None)),
    ("2023年11月15日 周三\nA+ A-", (None, "2023-11-15", None, None)),
    ("2023/11/15 星期三\n  字号:大 中 小\n正文", (None, "2023-11-15", None, None)),
    ("2023年11月15日 星期三 放大 缩小", (None, "2023-11-15", None, None)),  # the buttons on the day's line
    # near misses: a weekday's day over the site's menu (a header clock) or a signature over the print buttons
    ("2023年11月15日 星期三\n首页 | 新闻中心", None),
    ("某某局\n2023年11月15日\n【打印本页】【关闭窗口】", (None, None, "2023-11-15", None)),
    ("今天是2023年11月15日 星期三\n放大 缩小", None),  # the page's clock
    ("2023年11月15日 星期三\n放大图片", None),  # an image's button, no text-size pair
])
def test_day_over_text_size_buttons(text: str, expected: Block) -> None:
    assert _block(text) == expected


# -- I3 a bureau's unit (…支队, …大队) looking back at the inspectors' hand-over, a comma before its act: the unit's own
# 回头看, not the inspection's (naming_scope._OWN_LOOK_BACK, _LOCAL_ACTOR)
@pytest.mark.parametrize(("text", "again"), [
    ("8月2日,区环境监察大队对中央环保督察交办件办理情况,开展“回头看”", False),
    ("市执法支队对中央生态环境保护督察组转办信访件,进行“回头看”", False),
    ("县环保局对中央环保督察组交办案件办理情况,组织“回头看”", False),  # a comma before the act, a bureau as before
    # near misses: the inspectors' own 回头看, or no local actor before 对
    ("中央第三生态环境保护督察组对某省开展“回头看”,进驻时间一个月", True),
    ("对第一轮中央环保督察反馈问题整改情况,开展“回头看”", True),
    ("市环境监察支队配合中央环保督察“回头看”工作", True),
])
def test_unit_own_look_back(text: str, again: bool) -> None:
    found = inspection_name(text)
    assert found is not None and found.level == "central"
    assert found.again is again
