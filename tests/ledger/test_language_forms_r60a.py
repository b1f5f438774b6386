"""Round r60a on the status reader: constructed wordings (no corpus text) for the families of the written conventions.

(a) a kept-up duty stated as a practice (a standing watch, a cadence held to, a kept-up marker with its manner between,
pressure kept up, a mechanism running) is ongoing; the same as a task, an aim, or a bare cadence (the deadline reader's
recurring duty) is none; (b) the progressive is on track; (c) rates listed under one value of 100 % are done, and a
reply-class distribution with most solved and the rest named in its classes is mostly done.
"""
from __future__ import annotations

import pytest

from archive.ledger.status import status_class

CASES = [
    # (a) a standing watch
    ("镇村干部实行24小时值班坚守,确保不发生焚烧", "ongoing"),
    ("各村安排专人24小时不间断巡逻", "ongoing"),
    ("街道组织执法队员全天候巡查", "ongoing"),
    ("各鄉鎮組織人員晝夜值守", "ongoing"),
    ("该局已建立全天候巡查机制", "ongoing"),
    ("全镇实行24小时值班制度", "ongoing"),
    ("下一步将建立全天候巡查机制", "other"),
    ("要求各村建立24小时值守制度", "other"),
    ("确保24小时值守", "other"),
    ("有间断巡查", "other"),
    # (a) a cadence held to; a bare cadence is the deadline reader's recurring duty
    ("城管中队坚持每天巡查两次", "ongoing"),
    ("坚持定期开展水质监测", "ongoing"),
    ("每日洒水不低于6次", "other"),
    ("定期开展巡查", "other"),
    ("不定时开展巡查", "other"),
    # (a) a kept-up marker with its manner between, the work itself pushed on left out
    ("接下来,该镇将持续密切跟踪整改情况", "ongoing"),
    ("区环保局持续密切跟踪企业整改", "ongoing"),
    ("下一步,该街道将继续以点带面展开专项整治", "ongoing"),
    ("下一步,该街道将继续推进整改", "other"),
    ("未持续密切跟踪", "other"),
    # (a) pressure or force kept up; a state or a trend is none
    ("將在鞏固成果基礎上,持續保持嚴打高壓態勢", "ongoing"),
    ("全市持续保持高压态势", "ongoing"),
    ("全区持续保持“露头就打，违法必究”的高压态势", "ongoing"),
    ("下一步,东大街街道将持续发力", "ongoing"),
    ("空气质量持续保持稳定", "other"),
    ("全市空气质量将持续改善", "other"),
    # (a) a standing mechanism running
    ("河长制长效机制运行良好", "ongoing"),
    # a completion first decides over the practice after it
    ("已完成整改,目前安排专人24小时值守", "done"),
    # (b) the progressive is on track
    ("目前现正在开展排查", "on_track"),
    ("该项目正在持续推进中", "on_track"),
    # (c) rates listed under one value
    ("9个单位群众反映较好,按期办结率、办结回复率、群众满意率均为100%;", "done"),
    ("全县信访件办结率和回复率均达到100%", "done"),
    ("群眾滿意率、辦結率均為100%", "done"),
    ("群众满意率、知晓率均为100%", "other"),
    ("确保办结率、回复率均达到100%", "other"),
    ("办结率、回复率均达到100%以上的目标", "other"),
    # (c) a reply-class distribution: most solved with the rest named is mostly done; a minority solved on track
    ("所提问题已经解决和部分解决的60件,占办复总数的80%;正在解决和列入计划逐步解决的15件,占办复总数的15%", "mostly_done"),
    ("已经得到解决的有132件,占提案总数的91%,列入计划拟解决的有13件,占提案总数的9%", "mostly_done"),
    ("已經解決的120件,占提案總數的85%,正在解決的21件,占15%", "mostly_done"),
    ("已经解决的30件,占总数的30%;正在解决的50件,占总数的50%", "on_track"),
    ("已经解决的120件,占提案总数的85%。", "done"),
    ("已经解决的120件,占提案总数的100%,", "done"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_form(text: str, expected: str) -> None:
    assert status_class(text) == expected
