"""Round r57a (set 57's dev rows, status): the constructions read, pinned by constructed cases (no corpus text), with
their near misses."""
from __future__ import annotations

import pytest

from archive.ledger.status import status_class

STATUS = [
    # S1 money spent is not the works done: the sentence's share or pace of the works decides
    ("一期管网已完成投资3100万元,完成总工程量的41.6%", "on_track"),
    ("泵房累计完成土建投资900万元,完成全部投资额的58%", "on_track"),
    ("截至6月底,完成投资2.3亿元,工程总投资额完成1.1亿元,完成全部投资额64.5%", "on_track"),
    ("调蓄池已完成投资700万元,进度低于时间进度9个百分点", "behind"),
    ("调蓄池已完成投资700万元", "done"),
    ("调蓄池已完成投资700万元,项目已全部完工", "done"),
    ("已完成整改,完成总工程量的41.6%", "done"),
    # S2 the works built to a share below 100 % (完工N%, 完工率N%)
    ("截至目前设施完工率达到83%", "on_track"),
    ("污泥处置中心完工40%", "on_track"),
    ("目前仅完工40%", "other"),
    ("污泥处置中心未完工", "behind"),
    # S3 the pace written out as the time's share (时间进度) compared
    ("前三季度固定资产投资快于时间进度6个百分点", "on_track"),
    ("1-8月累计完成投资18亿元,占年度计划的70%,超过时间进度3.4个百分点", "on_track"),
    ("全县农村改厕进度落后于时间进度", "behind"),
    ("项目推进低于时间进度要求", "behind"),
    ("要确保超过时间进度", "other"),
    # S4 the year's or the plan's task completed at 100 % or more
    ("新建污水管网46公里,完成年度任务112.5%", "done"),
    ("植树造林1.2万亩,完成全年计划任务的103%", "done"),
    ("植树造林1.2万亩,完成全年计划任务的83%", "other"),
    ("力争完成年度任务120%", "other"),
    # S5 the plan's targets or full coverage reached in the perfective; for the most part, mostly done
    ("该县如期实现了“十四五”规划确定的目标任务", "done"),
    ("确保实现“十四五”规划确定的目标任务", "other"),
    ("未实现规划确定的目标任务", "other"),
    ("全镇生活垃圾分类已实现全覆盖", "done"),
    ("全镇生活垃圾分类基本实现了全覆盖", "mostly_done"),
    ("力争年底前实现全覆盖", "other"),
    # S6 the overdue undone judged many: behind
    ("本周逾期未办结事项偏多的部门有:城建局、水利局", "behind"),
    ("超期未整改问题较多的乡镇要作出说明", "behind"),
    ("防止逾期未办结事项偏多", "other"),
    # S7 a close-out step only when it is the progressive's own item
    ("已完成清淤和护坡工作,正在进行资料汇总、准备验收", "on_track"),
    ("已完成清淤和护坡工作,正在组织验收", "done"),
    ("已完成清淤和护坡工作,正在申请销号、公示", "done"),
]


@pytest.mark.parametrize(("text", "expected"), STATUS)
def test_status_forms(text: str, expected: str) -> None:
    assert status_class(text) == expected
