"""The naming, feedback-date and info-block readers as grammars: cases built as the cross product of each grammar's
dimensions (issue 21, "Readers as grammars"), every case with its expected value — none copied from the corpus.

* naming: level × round form × batch form × where round and batch stand × body word × 回头看 / 专项, then groups,
  the batches that are no inspection's (信访件, 分N批, N个批次), other bodies' checks (巡视 / 巡察 / 督查) and titles;
* feedback: feedback sentence × date form (full, month-day with a stated year, 今年 / 去年, ranges), and the
  sentences that give no feedback date (巡视 / 巡察 / 督导, a report back to the inspectors, 近日 / 日前);
* info block: label × separator × layout × date form, the values that name no body, and the dates that are never
  the posting date (公示日期, 发文日期 …).
"""
from __future__ import annotations

import datetime as dt
import itertools

import pytest

from archive.ledger.naming import inspection_name
from archive.timeliness.feedback import feedback_date
from crawler.extraction.info import info_block


def _chunks(cases: list[tuple], size: int = 80) -> list:
    """``cases`` in runs of ``size`` (one test each, reporting every miss of its run at once)."""
    return [pytest.param(cases[i:i + size], id=f"cases{i}-{i + len(cases[i:i + size]) - 1}")
            for i in range(0, len(cases), size)]


# --- inspection naming -----------------------------------------------------------------------------------------

LEVELS = [("中央", "central"), ("省级", "provincial"), ("省", "provincial"), ("自治区", "provincial"),
          ("兵团", "provincial"), ("四川省", "provincial"), ("广西", "provincial")]
ROUNDS = [("", None), ("第二轮", 2), ("第2轮", 2), ("二轮", 2), ("首轮", 1), ("新一轮", None), ("第十轮", 10),
          ("第２轮", 2)]
BATCHES = [("", None), ("第一批", 1), ("第4批", 4), ("首批", 1), ("第十二批", 12)]
BODIES = ["生态环境保护", "环境保护", "环保", "生态环保"]


def _naming_cases() -> list[tuple[str, tuple[object, ...] | None]]:
    cases: list[tuple[str, tuple[object, ...] | None]] = []
    for (level, lv), (rnd, r), (batch, b) in itertools.product(LEVELS, ROUNDS, BATCHES):
        before = f"{rnd}{batch}{level}生态环境保护督察反馈意见整改方案"
        after = f"{level}{rnd}{batch}生态环境保护督察反馈意见整改方案"
        cases += [(before, (lv, r, b, None, False, False)), (after, (lv, r, b, None, False, False))]
    for body, (suffix, again, special) in itertools.product(
            BODIES, [("", False, False), ("“回头看”", True, False), ("回头看", True, False), ("专项", False, True)]):
        for level, lv in LEVELS[:3]:
            if suffix == "专项":
                text = f"第三轮{level}{body}专项督察发现的问题"
            else:
                text = f"第三轮{level}{body}督察{suffix}发现的问题"
            cases.append((text, (lv, 3, None, None, again, special)))
    # 央督: the central inspection's short name
    cases += [("第二轮央督反馈问题整改情况", ("central", 2, None, None, False, False)),
              ("央督“回头看”交办件", ("central", None, None, None, True, False)),
              ("第三轮省督反馈问题整改情况", ("provincial", 3, None, None, False, False)),
              ("央督、省督反馈问题整改情况", None), ("全省督促整改", None), ("省督导组反馈问题", None),
              ("全省督战脱贫攻坚", None), ("省督学到校检查", None), ("省督办件", None)]
    # groups: before the body (中央第N…督察组, 省第N督察组), after it (…督察第N督察组)
    for n, v in [("三", 3), ("3", 3), ("十一", 11)]:
        cases += [
            (f"中央第{n}生态环境保护督察组进驻我省", ("central", None, None, v, False, False)),
            (f"省第{n}生态环境保护督察组进驻我市", ("provincial", None, None, v, False, False)),
            (f"省第{n}督察组进驻我市", ("provincial", None, None, v, False, False)),
            (f"第二轮省级生态环境保护督察第{n}督察组进驻我市", ("provincial", 2, None, v, False, False)),
            (f"四川省环境保护督察组第{n}组进驻我市", ("provincial", None, None, v, False, False)),
        ]
    # level × round × where the group stands × its numeral × 回头看 before the group
    for (level, lv), (rnd, r), (num, v), again in itertools.product(
            LEVELS[:3], ROUNDS[:5], [("三", 3), ("12", 12), ("二十", 20)], [False, True]):
        mark = "“回头看”" if again else ""
        cases += [(f"{level}{rnd}第{num}生态环境保护督察组{'开展' + mark if again else '进驻'}", (lv, r, None, v, again, False)),
                  (f"{rnd}{level}生态环境保护督察{mark}第{num}督察组", (lv, r, None, v, again, False)),
                  (f"{level}{rnd}环境保护督察{mark}组第{num}组", (lv, r, None, v, again, False))]
    # a municipality's 市级 is its provincial level, another city's none; traditional script; a plan's title names it
    cases += [("重庆市市级生态环境保护督察反馈问题", ("provincial", None, None, None, False, False)),
              ("某某市市级生态环境保护督察反馈问题", None),
              ("第二轮中央生態環境保護督察", ("central", 2, None, None, False, False)),
              ("《第二轮中央生态环境保护督察反馈意见整改方案》", ("central", 2, None, None, False, False)),
              ("关于印发〈第二轮中央生态环境保护督察反馈意见整改方案〉的通知", ("central", 2, None, None, False, False)),
              ("中央环保督察“回头看”及专项督察", ("central", None, None, None, True, True))]
    # a batch before the level with no round, the naming then handing something over: the petitions' batch
    for (level, lv), (batch, bv), (rnd, r), handed in itertools.product(
            LEVELS[:3], BATCHES[1:], [("", None), ("第二轮", 2)], ["交办件", "组交办信访件", "转办的案件", "交办的投诉件"]):
        cases.append((f"{rnd}{batch}{level}生态环境保护督察{handed}办理情况", (lv, r, bv if rnd else None, None, False, False)))
    # batches that are no inspection's batch: petitions, 分N批, N个批次
    cases += [
        ("中央第二生态环境保护督察组交办的第3批信访件", ("central", None, None, 2, False, False)),
        ("第二轮中央生态环境保护督察第5批信访件办理情况", ("central", 2, None, None, False, False)),
        ("第二轮省级生态环境保护督察分3批进行", ("provincial", 2, None, None, False, False)),
        ("省级生态环境保护督察分两批开展", ("provincial", None, None, None, False, False)),
        ("第三轮省级生态环境保护督察共4个批次", ("provincial", 3, None, None, False, False)),
        ("第三轮第二批中央生态环境保护督察", ("central", 3, 2, None, False, False)),
    ]
    # other bodies' checks name no inspection; a rule's title in 《》 or 〈〉 never does
    # a count of rounds is no round
    cases += [("实现三轮省级生态环境保护督察全覆盖", ("provincial", None, None, None, False, False)),
              ("历经两轮中央生态环境保护督察", ("central", None, None, None, False, False))]
    for text in ["省委第三巡视组向我市反馈巡视意见", "市委第二巡察组进驻", "中央第三巡视组反馈会", "省政府督查组到我市督查",
                 "省第二督查组到我县开展督查", "根据《中央生态环境保护督察工作规定》", "按照〈中央生态环境保护督察整改工作办法〉要求",
                 "学习《省级生态环境保护督察实施办法》", "落实〈第二轮中央生态环境保护督察工作规定〉"]:
        cases.append((text, None))
    return cases


@pytest.mark.parametrize("cases", _chunks(_naming_cases()))
def test_naming_grammar(cases: list[tuple[str, tuple[object, ...] | None]]) -> None:
    read = [(text, (name.key() if (name := inspection_name(text)) else None)) for text, _ in cases]
    assert read == cases


# --- feedback dates --------------------------------------------------------------------------------------------

FEEDBACK_SENTENCES = [
    "{d}，中央第二生态环境保护督察组向我省反馈督察意见。",
    "中央第二生态环境保护督察组于{d}向我省反馈了督察情况。",
    "{d}，省第三生态环境保护督察组召开督察反馈会。",
    "督察组于{d}对我市进行了反馈。",
    "{d}，第二轮省级生态环境保护督察向某市正式反馈督察意见。",
    "{d}上午，中央第三生态环境保护督察组向某省反馈督察情况。",
    "{d}，省委、省政府召开省级生态环境保护督察反馈会。",
]
#: date form, context year, the day it means
DATE_FORMS = [
    ("2023年9月1日", None, dt.date(2023, 9, 1)),
    ("2023年09月01日", None, dt.date(2023, 9, 1)),
    ("2023年9月1日至3日", None, dt.date(2023, 9, 1)),
    ("2023年9月1日—3日", None, dt.date(2023, 9, 1)),
    ("今年9月1日", 2023, dt.date(2023, 9, 1)),
    ("去年9月1日", 2024, dt.date(2023, 9, 1)),
    ("9月1日", 2023, dt.date(2023, 9, 1)),
    ("9月1日至3日", 2023, dt.date(2023, 9, 1)),
    ("2023年9月1日-3日", None, dt.date(2023, 9, 1)),
    ("2023年8月30日至9月2日", None, dt.date(2023, 8, 30)),
    ("二〇二三年九月一日", None, dt.date(2023, 9, 1)),
    ("2023年9月1号", None, dt.date(2023, 9, 1)),
]


def _feedback_cases() -> list[tuple[str, int | None, dt.date | None]]:
    cases = [(s.format(d=d), year, want) for s, (d, year, want) in itertools.product(FEEDBACK_SENTENCES, DATE_FORMS)]
    # a month-day whose year an earlier sentence states
    cases += [(f"2023年，我省迎来第二轮中央生态环境保护督察。{s.format(d='9月1日')}", None, dt.date(2023, 9, 1))
              for s in FEEDBACK_SENTENCES]
    # no feedback date: other inspectors, a report back to the inspectors, 近日 / 日前, no feedback verb
    for d in ["2023年9月1日", "9月1日"]:
        cases += [
            (f"{d}，省委第三巡视组向某市反馈巡视意见。", 2023, None),
            (f"{d}，市委第二巡察组向某局反馈了巡察情况。", 2023, None),
            (f"{d}，我市向督察组反馈了信访件办理情况。", 2023, None),
            (f"{d}，省督导组向某县反馈督导意见。", 2023, None),
            (f"{d}，中央第二生态环境保护督察组进驻我省。", 2023, None),
        ]
    cases += [(s.format(d=d), 2023, None) for s, d in itertools.product(FEEDBACK_SENTENCES, ["近日", "日前"])]
    # the feedback's own day, not the stay's, when both are stated; a meeting passing the feedback on is none
    stay = "2023年9月1日至9月30日，中央第二生态环境保护督察组对某省开展督察"
    cases += [(f"{stay}，并于12月1日向某省反馈督察意见。", None, dt.date(2023, 12, 1)),
              (f"{stay}。12月1日，督察组向某省反馈督察意见。", None, dt.date(2023, 12, 1)),
              (f"{stay}。近日，督察组向某省反馈督察意见。", None, None),
              ("2023年9月1日，某市召开会议，传达学习中央督察组反馈意见。", None, None),
              ("2023年9月1日，我市向中央第二生态环境保护督察组报送整改情况。", None, None),
              ("2023年9月1日，督察组完成督察反馈。", None, dt.date(2023, 9, 1)),
              ("督察组自2023年9月1日进驻以来，向某省反馈督察意见。", None, None),
              ("2023年9月1日，中央第二生态环境保护督察组进驻我省，并将于近期向我省反馈督察意见。", None, None),
              ("2023年9月1日，督察组进驻我省开展督察，随后向我省反馈督察意见。", None, None),
              ("2023年9月1日，中央第二生态环境保护督察组督察反馈会在某市召开。", None, dt.date(2023, 9, 1))]
    return cases


@pytest.mark.parametrize("cases", _chunks(_feedback_cases()))
def test_feedback_grammar(cases: list[tuple[str, int | None, dt.date | None]]) -> None:
    read = [(text, (found.value if (found := feedback_date(text, context_year=year)) else None))
            for text, year, _ in cases]
    assert read == [(text, want) for text, _, want in cases]


# --- info blocks -----------------------------------------------------------------------------------------------

PUBLISHER_LABELS = ["来源", "信息来源", "发布机构", "发文机构"]
POSTED_LABELS = ["发布时间", "发布日期", "公开日期", "更新时间"]
DATES = [("2024-11-04", "2024-11-04"), ("2024年11月4日", "2024-11-04"), ("2024/11/04", "2024-11-04"),
         ("2024.11.04", "2024-11-04"), ("2024-11-04 09:30", "2024-11-04"), ("2024-11-04 09:30:15", "2024-11-04"),
         ("2024年11月04日 09:30", "2024-11-04")]
#: how a label meets its value
FIELDS = ["{l}：{v}", "{l}:{v}", "{l}: {v}", "【{l}】{v}", "[{l}]{v}", "{l}：[{v}]"]
#: what stands between two fields
JOINS = [" | ", "｜", "丨", " · ", "  ", " ", "\u3000", "\n", "\n\n"]
BODY = "某某市生态环境局"
PUBLISHERS = [BODY, "某某县人民政府办公室", "某某省生态环境厅", "生态环境部", "某某市融媒体中心", "某某日报"]


def _info_cases() -> list[tuple[str, tuple[str | None, ...]]]:
    cases: list[tuple[str, tuple[str | None, ...]]] = []
    for pl, form, join in itertools.product(PUBLISHER_LABELS, FIELDS, JOINS):
        text = form.format(l=pl, v=BODY) + join + form.format(l="发布时间", v="2024-11-04")
        cases.append((text, (BODY, "2024-11-04", None, None)))
    for tl, (shown, iso), form in itertools.product(POSTED_LABELS, DATES, FIELDS[:4]):
        cases.append((form.format(l="来源", v=BODY) + " | " + form.format(l=tl, v=shown), (BODY, iso, None, None)))
    # bodies of every kind, each label alone on its line with its value on the next, or spaced out (来 源：)
    for body, pl in itertools.product(PUBLISHERS, PUBLISHER_LABELS):
        cases.append((f"{pl}：\n{body}\n发布日期：\n2024-11-04", (body, "2024-11-04", None, None)))
        spaced = " ".join(pl)
        cases.append((f"{spaced}：{body}   发 布 时 间：2024-11-04", (body, "2024-11-04", None, None)))
    # the source's name, then its day with no label
    for join, (shown, iso) in itertools.product([" · ", "·", " ", "  ", "\u3000"], DATES):
        cases.append((f"来源：{BODY}{join}{shown}", (BODY, iso, None, None)))
    # a posting date first, the source after it, on one line or two
    for join in JOINS:
        cases.append((f"发布日期：2024-11-04{join}信息来源：{BODY}", (BODY, "2024-11-04", None, None)))
    # values that name no body
    for value in ["本网", "本站", "原创", "本站原创", "系统", "admin", "默认部门", "未知", "系统管理员", "网站管理员"]:
        for join, form in itertools.product([" | ", "  ", "\n"], FIELDS):
            text = form.format(l="来源", v=value) + join + form.format(l="发布时间", v="2024-11-04")
            cases.append((text, (None, "2024-11-04", None, None)))
    # labels and bodies in traditional script
    cases += [("來源：某某市生態環境局 發佈時間：2024-11-04", ("某某市生態環境局", "2024-11-04", None, None)),
              ("信息來源：某某市生態環境局｜發佈日期：2024年11月4日", ("某某市生態環境局", "2024-11-04", None, None)),
              ("發文機構：某某市生態環境局\n成文日期：2024-11-01", ("某某市生態環境局", None, "2024-11-01", None))]
    # a document's and a 公示's dates are never the posting date
    for label, (shown, iso) in itertools.product(["发文日期", "成文日期", "印发日期"], DATES):
        cases.append((f"发布机构：{BODY} | {label}：{shown}", (BODY, None, iso, None)))
        cases.append((f"发布机构：{BODY}\n{label}：{shown}\n发布时间：2024-11-06", (BODY, "2024-11-06", iso, None)))
    # labels in any order on one line, in table cells, with page controls after them; a 公示's range gives its first day
    cases += [
        (f"成文日期：2024-11-01 发布日期：2024-11-04 发布机构：{BODY}", (BODY, "2024-11-04", "2024-11-01", None)),
        ("成文日期: | 2024年11月01日 | 发布日期: | 2024-11-04 |", (None, "2024-11-04", "2024-11-01", None)),
        ("公示日期：2024-11-01 公开日期：2024-11-04", (None, "2024-11-04", None, "2024-11-01")),
        (f"发布时间：２０２４－１１－０４\u3000来源：{BODY}", (BODY, "2024-11-04", None, None)),
        (f"发布时间：2024-11-4 来源：{BODY}", (BODY, "2024-11-04", None, None)),
        (f"来源：{BODY} 发布时间：2024-11-04 10:20:30 浏览次数：12", (BODY, "2024-11-04", None, None)),
        (f"【发布时间：2024-11-04】【来源：{BODY}】", (BODY, "2024-11-04", None, None)),
        (f"[来源：{BODY}] [发布时间：2024-11-04]", (BODY, "2024-11-04", None, None)),
        (f"发布时间：2024年11月4日\u3000信息来源：{BODY}\u3000【字体：大 中 小】", (BODY, "2024-11-04", None, None)),
        ("来源：本网 作者：张三 发布时间：2024-11-04", (None, "2024-11-04", None, None)),
        ("公示时间：2024年11月1日至2024年11月7日", (None, None, None, "2024-11-01")),
        ("公示期：2024年11月1日-11月7日", (None, None, None, "2024-11-01")),
    ]
    for shown, iso in DATES:
        cases.append((f"来源：{BODY} | 公示日期：{shown}", (BODY, None, None, iso)))
        cases.append((f"公示日期：{shown}\n发布日期：2024-11-06\n来源：{BODY}", (BODY, "2024-11-06", None, iso)))
    return cases


@pytest.mark.parametrize("cases", _chunks(_info_cases()))
def test_info_block_grammar(cases: list[tuple[str, tuple[str | None, ...]]]) -> None:
    read = [(text, ((b := info_block(text)).publisher, b.posted, b.issued, b.notice)) for text, _ in cases]
    assert read == cases
