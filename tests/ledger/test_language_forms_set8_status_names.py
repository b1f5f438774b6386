"""Forms fresh set 8 showed unread in status, info blocks and inspection namings, read as grammar (issue 21); every
text here is our own, built on the construction, not a corpus row."""
from __future__ import annotations

import pytest

from archive.ledger.naming import inspection_name
from archive.ledger.status import read_status
from crawler.extraction.info import info_block


@pytest.mark.parametrize(("text", "status", "head"), [
    # a completion verb with the count it completed, no 已 (a count done, a count of cases closed, two verbs joined)
    ("全年确定民生实事12件,完成12件,完成率100%", "done", "完成12件"),
    ("截至9月底,办结15件。", "done", "办结15件"),
    ("交办的12件信访件,办结并反馈群众11件、1件需长期坚持", "done", "办结并反馈群众11件"),  # a rest kept up leaves done
    # a part done, then a clause with its own count in hand (the count after the verb)
    ("今年确定工作任务80项,已完成70项,正在推进10项", "on_track", "正在推进"),
    # the progressive aspect 正在 + any verb, with 中 or without; 仍在 / 尚在 + an action verb
    ("污水处理厂正在调试中,预计下月投运", "on_track", "正在调试中"),
    ("该路段正在设计", "on_track", "正在设计"),
    ("该问题仍在整改", "on_track", "仍在整改"),
    # progress judged smooth (a finished step after it does not make the project done)
    ("新区项目整体进展顺利,一期工程已完成土方开挖", "on_track", "进展顺利"),
    ("项目进度正常", "on_track", "进度正常"),
    # a terminal verb after 已 (removed from a list, withdrawn); a verb phrase closed by its result (清零, 处置完成)
    ("该企业已移出重点排污单位名录", "done", "已移出"),
    ("该许可已经全部撤销", "done", "已经全部撤销"),
    ("河面垃圾已组织打捞清运完毕", "done", "已组织打捞清运完毕"),
    ("反馈问题全部清零", "done", "全部清零"),
    ("两轮督察反馈意见整改任务共计15项全部销号", "done", "全部销号"),
    ("涉及点位已处置完成", "done", "已处置完成"),
    ("已于2020年6月底前完成整改", "done", "已于2020年6月底前完成"),
    ("交办建议均已全部办复", "done", "已全部办复"),
    # a continuing duty (持续 / 常态化 + an action verb)
    ("各乡镇持续开展河道巡查,动态更新问题清单", "ongoing", "持续开展"),
    ("常态化开展巡河", "ongoing", "常态化开展"),
    # progress judged slow, after the turn of 但; not able to finish
    ("各单位都在着手整改,但推进慢、成效不明显", "behind", "推进慢"),
    ("3项任务未能按期完成", "behind", "未能按期完成"),
    # a part (仅 / 只) is no done head: the rest of the sentence decides; a masked count (X个) is a count
    ("反馈的10个问题仅整改到位3个,整改工作十分迟缓", "behind", "迟缓"),
    ("已完成XX项,正在办理X项", "on_track", "正在办理"),
    # a project put to use, finished in full; not at the set pace, weak work; the work in hand closing its clause
    ("新建公厕已投入使用", "done", "已投入使用"),
    ("二期工程全面完工", "done", "全面完工"),
    ("2项任务未按序时进度推进", "behind", "未按序时"),
    ("部分乡镇推进不力", "behind", "推进不力"),
    ("项目施工中,预计年底完工", "on_track", "施工中"),
])
def test_status_forms_of_set8(text, status, head):
    found = read_status(text)
    assert (found.status, found.head) == (status, head)


@pytest.mark.parametrize("text", [
    # a requirement or a directive governs the completion in its clause (the deadline of a plan, not a state)
    "规定2021年6月底前完成整改的问题要尽快组织验收",
    "督促企业6月底前整改到位",
    "需在年底前完成20项",
    "今年将完成12项",
    # text under a heading of measures or plans
    "二、主要措施\n(一)裸露地面已全部覆盖,每日洒水两次",
    "四、下一步工作打算\n继续加强巡查,已完成的问题防止反弹",
    # a future duty, a trend, a completion rate, a hand-over, 真正在 (no 正在)
    "下一步,将持续开展排查",
    "空气质量持续改善",
    "完成率60%",
    "已全部交办销号",
    "真正在整改上下功夫",
    "在整改中发现新问题",  # 整改中 not closing its clause: the course of the work, no state
])
def test_set8_wordings_that_state_no_status(text):
    assert read_status(text).status == "other"


def test_a_relative_clause_ends_an_aim_and_an_already_states_again():
    assert read_status("计划2020年完成的12项已基本完成").status == "mostly_done"
    assert read_status("要求年底前完成整改的8个问题已全部完成").status == "done"
    assert read_status("按要求完成整改").status == "done"  # 按要求: a manner, not an aim


@pytest.mark.parametrize(("text", "key"), [
    # a region by its short name before its numbered group (in either script)
    ("5月10日至6月9日,宁夏第二生态环境保护督察组对石嘴山市开展督察", ("provincial", None, None, 2, False, False)),
    ("西藏第三生態環境保護督察組進駐某地", ("provincial", None, None, 3, False, False)),
    # 生态保护 (without 环境) and 生态环境 (without 保护) before 督察
    ("某市收到中央生态保护督察“回头看”第五批转办信访件", ("central", None, None, None, True, False)),
    ("第二轮省生态环境督察反馈问题整改", ("provincial", 2, None, None, False, False)),
])
def test_inspection_namings_of_set8(text, key):
    found = inspection_name(text)
    assert found is not None and found.key() == key


@pytest.mark.parametrize(("text", "publisher"), [
    # a reporter's name glued to the body's name, with or without the role word
    ("信息来源:某县新闻中心王丽娟\n责任编辑:李明", "某县新闻中心"),
    ("来源:某市融媒体中心记者赵刚", "某市融媒体中心"),
    # the body's own words stay (an office, a branch, a publication's part)
    ("来源:某市生态环境局办公室", "某市生态环境局办公室"),
    ("来源:某市生态环境局黄山分局", "某市生态环境局黄山分局"),
    ("来源:某日报社周刊", "某日报社周刊"),
    # a closing bracket the value did not open closes the text around the label; its own pair stays
    ("(信息来源:某县发展和改革委员会)", "某县发展和改革委员会"),
    ("【文章来源:某晚报】", "某晚报"),
    ("来源:某集团(控股)", "某集团(控股)"),
])
def test_publishers_of_set8(text, publisher):
    assert info_block(text).publisher == publisher


def test_a_label_word_inside_a_sentence_is_no_label():
    # 检查时间为… in a sentence after a signature: the signature's day is the document's, not the posting day
    block = info_block("某县生态环境保护督察工作领导小组办公室\n2023年3月15日\n本次督察检查时间为15天。")
    assert (block.posted, block.issued) == (None, "2023-03-15")
    # a label at the start of its line with 为 stays one, and so does a label glued to a word before it without the
    # copula (a header's label that lost its colon)
    assert info_block("发布时间为2023年3月15日").posted == "2023-03-15"
    assert info_block("信息发布时间2023年3月15日 浏览次数:12").posted == "2023-03-15"
