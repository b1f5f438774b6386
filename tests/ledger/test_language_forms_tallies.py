"""A narrated tally with no 已 / 共 / 累计 — a verb of the work, its object and a count — read as grammar (issue 21, t1):
done when a past licenses it, none when an aim, a condition, a sample, a scope or a total blocks it.  Every text here is
our own, built on the construction, not a corpus row."""
from __future__ import annotations

import pytest

from tests.ledger.conftest import reads_status


@pytest.mark.parametrize("text", [
    # a day, a period since, a campaign or a stretch of work before it in its sentence
    "5月8日,封堵非法排污口23个",
    "今年以来,清理河道垃圾560吨",
    "此次专项行动,查处违法排污企业9家,清退非法占用岸线12公里",
    "经过三个月集中攻坚,复绿废弃矿山31座",
    "截至目前,该区搬迁畜禽养殖场17户",
    # a list of tallies: a count closing the clause before it
    "出动执法人员320人次,查处环境违法企业7家,关闭违规堆场14处",
    # the share of the whole it makes up, after it
    "改造老旧供水管网86公里,占年度计划的72%",
])
def test_a_narrated_tally_is_done(text):
    reads_status(text, "done")


@pytest.mark.parametrize("text", [
    # no licence: a task list's item reads the same
    "封堵非法排污口23个",
    "改造老旧供水管网86公里",
    # a target with a time limit
    "到2026年6月底,改造老旧供水管网86公里",
    "2026年底前,复绿废弃矿山31座",
    # a plan, a requirement, a modal or the future
    "今年以来,计划封堵非法排污口23个",
    "5月8日,拟清退非法占用岸线12公里",
    "5月8日,县政府要求各乡镇拆除违建厂房12处",
    "此次行动后,将清理河道垃圾560吨",
    # a condition
    "此次行动中,若封堵非法排污口23个,即可通过验收",
    # a sample checked, or a scope
    "5月8日,抽查拆除违建点位12处",
    "4月10日,检查了辖区企业12家",
    "此次行动涉及关停散乱污作坊37家",
    # a total before a part, the rest unsaid
    "截至目前,全县共有违建厂房30处,拆除违建厂房12处",
    "5月8日,排查出非法排污口40个,封堵非法排污口23个",
    # a part judged short
    "截至目前,仅拆除违建厂房3处",
    # the count the subject of a later predicate, or negated work
    "截至目前,整改问题有48个",
    "截至目前,40个排污口中,封堵非法排污口23个",
    "截至目前,整改不彻底问题5个",
])
def test_a_tally_aimed_unlicensed_or_a_part_states_none(text):
    reads_status(text, "other")
