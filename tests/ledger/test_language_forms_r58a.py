"""Round r58a (a census of the status dev silences, all sets): aspect and result read in every combination of marker ×
head × subject, pinned by constructed cases (no corpus text), with their near misses (aims, duties, plans, futures,
headings, general requirements)."""
from __future__ import annotations

import pytest

from archive.ledger.status import status_class

STATUS = [
    # F1 progress made again and again, whatever its subject (a general subject's progress, 已 or not, a remark: set 19)
    ("各镇街积极行动,农村改厕不断取得新进展", "on_track"),
    ("河道保洁陆续取得积极进展", "on_track"),
    ("黑臭水体治理已取得重大进展", "on_track"),
    ("全区大气污染防治工作已取得明显进展", "other"),
    ("垃圾分类工作取得积极进展,群众满意度提高", "other"),  # a bare remark (set 19)
    ("力争黑臭水体治理取得实质性进展", "other"),
    ("要确保垃圾分类工作取得积极进展", "other"),
    ("今后将推动农村改厕取得新进展", "other"),
    ("生态环境保护取得积极进展", "other"),  # a bare remark, no 了 / 已 / 工作
    ("污水管网建设未取得实质性进展", "behind"),
    ("总体要求:大气污染防治工作取得明显进展", "other"),
    # F2 the progressive closed by 中 after any of its markers
    ("目前还在清运中", "on_track"),
    ("该批违建仍在协调中", "on_track"),
    ("方案尚在修改中", "on_track"),
    ("中央环保督察组", "other"),
    # F3 a stage reached before the works or in them
    ("污水处理厂扩建项目已进入招投标程序", "on_track"),
    ("截至目前,该项目处于环评审查阶段", "on_track"),
    ("项目现已进入立项环节", "on_track"),
    ("项目将于下月进入招投标程序", "other"),
    ("该项目尚未进入招投标程序", "behind"),  # (尚未 reads it, as before)
    # F4 a state of all removed or covered reached
    ("辖区内“散乱污”企业实现“清零”", "done"),
    ("全县行政村生活垃圾收运实现全覆盖", "done"),
    ("全市燃煤小锅炉做到应拆尽拆", "done"),
    ("力争年底前实现“清零”", "other"),
    ("要确保实现全覆盖", "other"),
    ("病例实现动态清零", "other"),
    # F5 a fitting-out verb after 已 / 全部 / 均
    ("全县12家重点企业全部安装在线监测设备", "done"),
    ("该企业排污许可手续已完善", "done"),
    ("各点位均已配齐视频监控", "done"),
    ("重点企业要全部安装在线监测设备", "other"),
    ("督促企业于6月底前完善排污许可手续", "other"),
    ("将全部安装在线监测设备", "other"),
    # F6 a task completed in the perfective; a completion judged good
    ("该县完成了省下达的年度减排目标任务", "done"),
    ("全镇实现了“十三五”规划确定的目标任务", "done"),
    ("新区提前一年完成了黑臭水体治理任务", "done"),
    ("各部门团结协作,高质量完成年度重点工作任务", "done"),
    ("确保高质量完成年度重点工作任务", "other"),
    ("各单位要高质量完成整改任务", "other"),
    ("计划完成了任务后再行验收", "other"),
    # F7 the work's completion narrated at a sentence's end, after a subject, an adverbial or a clause
    ("街道组织清理沿河垃圾,完成河岸环境整治。", "done"),
    ("对抽查发现的问题完成相关整改。", "done"),
    ("按时完成各项整改任务", "other"),  # a bare directive
    ("2021年底前完成河岸环境整治。", "other"),
    ("各乡镇要于月底前完成相关整改。", "other"),
    # F8 a result still not obtained; a shortfall against the pace
    ("群众反映的噪声扰民问题仍未得到有效解决", "behind"),
    ("上次检查指出的占道堆放现象还没有得到改善", "behind"),
    ("对仍未得到有效改善的路段要建立台账", "other"),
    ("全县20个重点项目完成投资12亿元,欠序时进度5个百分点", "behind"),
    ("部分山体仍未得到治理,任务艰巨", "other"),
    ("要防止出现欠序时进度", "other"),
    # a part done, the rest named by 其中 in hand whatever its verb; the plan's targets met after progress made
    ("两台设备已安装,其中一号泵站的供电线路正在申报架设", "on_track"),
    ("各项工作取得积极进展,实现了年度规划的目标任务。", "done"),
]


@pytest.mark.parametrize(("text", "expected"), STATUS)
def test_status_forms(text: str, expected: str) -> None:
    assert status_class(text) == expected
