"""Classes of construction the dev rows of fresh sets 19 and 20 showed unread in the naming, feedback, task-count and
info-block readers, each read as grammar (issue 21).  Every text here is our own sentence built on the construction,
not a corpus row: for each class positives in the variants a government writer uses (other verbs, subjects, numerals,
traditional script, spacing) and near misses where the same words must not fire."""
from __future__ import annotations

import pytest

from archive.ledger.naming import inspection_name
from archive.script_fold import for_reading
from archive.timeliness.feedback import feedback_date
from archive.timeliness.fields import problem_count
from crawler.extraction.dates import find_stated_date
from crawler.extraction.info import info_block


def _key(text: str) -> tuple | None:
    found = inspection_name(text)
    return found.key() if found else None


# -- inspection ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "key"), [
    # a province by its short name glued to the naming's round or batch: its own (provincial) inspection
    ("天津第三批环保集中督察组进驻5个区", ("provincial", None, 3, None, False, False)),
    ("重庆第四批生态环境保护督察启动", ("provincial", None, 4, None, False, False)),
    ("四川第二轮第一批省级生态环境保护督察全面启动", ("provincial", 2, 1, None, False, False)),
    ("湖南第三轮生态环境保护督察反馈会召开", ("provincial", 3, None, None, False, False)),
    ("河南首批环境保护督察组进驻", ("provincial", None, 1, None, False, False)),
    ("甘肃 第二轮环保督察组完成进驻", ("provincial", 2, None, None, False, False)),
    ("重慶第二批環保集中督察組進駐14個區", ("provincial", None, 2, None, False, False)),
    ("黑龙江首轮生态环境保护督察实现全覆盖", ("provincial", 1, None, None, False, False)),
    ("上海第二轮第三批生态环境保护督察“回头看”", ("provincial", 2, 3, None, True, False)),
])
def test_a_province_short_name_before_round_or_batch_is_provincial(text, key):
    assert _key(text) == key


@pytest.mark.parametrize(("text", "key"), [
    # …but a central naming after the province's name stays central, and a city of the same name is no province
    ("四川第二轮中央生态环境保护督察整改", ("central", 2, None, None, False, False)),
    ("湖北第二批中央生态环境保护督察组进驻", ("central", None, 2, None, False, False)),
])
def test_a_central_naming_after_a_province_short_name_stays_central(text, key):
    assert _key(text) == key


@pytest.mark.parametrize("text", [
    "吉林市第二批环保督察组进驻",
    "海南州第三轮生态环境保护督察",
    "某市第二批环保集中督察组进驻5个乡镇",
    "四川的第二批项目开工,生态环境保护工作推进",
])
def test_no_province_from_a_city_or_without_the_naming(text):
    assert _key(text) is None


@pytest.mark.parametrize(("text", "key"), [
    # a level as the subject, a time's clause (从…起, 自…以来, 于…) and a manner (分N批 / 分N轮: how many, no batch) before
    # 对…开展: the level-less naming is that level's
    ("自治区从2019年8月底起,分2批对6个盟市开展了生态环境保护督察", ("provincial", None, None, None, False, False)),
    ("省委、省政府自2020年以来,分三批对14个市州开展了环境保护督察", ("provincial", None, None, None, False, False)),
    ("河北省从2017年起,分两轮对11个设区市进行了生态环境保护督察", ("provincial", None, None, None, False, False)),
    ("内蒙古自2018年开始,对12个盟市开展了环保督察“回头看”", ("provincial", None, None, None, True, False)),
    ("自治區從2019年8月底起,分2批對6個盟市開展了生態環境保護督察", ("provincial", None, None, None, False, False)),
    ("陕西省分3批对全省11个市开展了生态环境保护督察", ("provincial", None, None, None, False, False)),
    ("中央从2015年底起,分4批对31个省份开展了环境保护督察", ("central", None, None, None, False, False)),
    ("宁夏从2021年起,先后对5个地级市开展了生态环境保护专项督察", ("provincial", None, None, None, False, True)),
])
def test_a_subject_level_before_a_time_clause_and_a_manner(text, key):
    assert _key(text) == key


@pytest.mark.parametrize("text", [
    # no level as the subject: a city, an object (对自治区), a sentence ended before the naming
    "市委从2019年起,分2批对8个县区开展了生态环境保护督察",
    "督察组从8月底起,分2批对自治区开展了生态环境保护督察",
    "自治区从2019年8月底起部署整改。分2批对6个旗县开展了生态环境保护督察",
    "县里从去年起,分两批对各乡镇开展了环保督察",
])
def test_no_subject_level_from_a_city_an_object_or_another_sentence(text):
    assert _key(text) is None


# -- feedback -----------------------------------------------------------------------------------------------------


def _feedback(text: str) -> str | None:
    found = feedback_date(text)
    return found.value.isoformat() if found and found.value else None


@pytest.mark.parametrize(("text", "iso"), [
    # a day whose 年 or 月 a broken encoding replaced (�, ?, ？): the marks' places still split it
    ("督察组\ufffd2016\ufffd5\ufffd3日向河北省委、省政府进行了反馈", "2016-05-03"),
    ("督察组于2017\ufffd12\ufffd28日向我省反馈督察意见", "2017-12-28"),
    ("督察组2018?6?1日向江西省反馈了督察情况", "2018-06-01"),
    ("督察組於2019年5？10日向湖南省反饋了督察意見", "2019-05-10"),
    ("中央第三督察组于2020？9月15日向山西省进行了反馈", "2020-09-15"),
    ("2021 \ufffd 3 \ufffd 21日,督察组向宁夏反馈了督察报告", "2021-03-21"),
    ("督察组于2018\ufffd10\ufffd19日向安徽省进行了反馈", "2018-10-19"),
    ("督察组于2020\ufffd6月5日向我省反馈了督察报告", "2020-06-05"),
    ("督察组于2021年4\ufffd22日向省委省政府进行了反馈", "2021-04-22"),
    # a title the verb 反馈 takes (反馈了《…督察报告》): what the inspectors gave, dated
    ("于2022年3月21日反馈了《宁夏回族自治区中央生态环境保护督察报告》", "2022-03-21"),
    ("督察组于2023年6月2日反馈《安徽省第三轮生态环境保护督察报告》", "2023-06-02"),
    ("督察組於2022年3月21日反饋了《寧夏回族自治區中央生態環境保護督察報告》", "2022-03-21"),
    ("2021年12月3日至2022年1月3日,督察组对宁夏开展了督察,于2022年3月21日反馈了 《督察报告》", "2022-03-21"),
    ("督察组于2023年5月10日向我省反馈了《督察意见书》", "2023-05-10"),
    ("督察组于2018年6月1日正式反馈《关于某省的督察报告》", "2018-06-01"),
    ("督察组于2018年6月1日反馈了《某省“回头看”督察意见》", "2018-06-01"),
    ("2019年7月12日,中央第二督察组反馈了《某省生态环境保护督察报告》", "2019-07-12"),
])
def test_broken_marks_and_a_title_the_verb_takes(text, iso):
    assert _feedback(text) == iso


@pytest.mark.parametrize("text", [
    "督察组\ufffd2016\ufffd13\ufffd3日向河北省反馈",  # no 13th month
    "2016年5月3日,我省印发了《督察反馈意见整改方案》",  # a title another verb acts on
    "我市于2022年3月21日向督察组反馈了《整改报告》",  # a body reporting back to the inspectors
    "2022年3月21日,省委学习《中央生态环境保护督察反馈意见》",
    "编号2016?5?3的文件已反馈",  # no 日: no day
    "2018年6月1日,省政府公布《整改方案》",
    "2019年7月12日,省委常委会审议《督察报告》",
])
def test_no_feedback_day_from_a_bad_split_or_another_verb(text):
    assert _feedback(text) is None


# -- task count ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "count"), [
    # a total followed by its part done, after 有, or opening the next clause when an inspection is named before it
    ("截至2020年7月底,45个具体问题有39个已完成整改,其余6个问题均取得明显进展。", 45),
    ("第二轮督察涉及我市的11个问题,7个问题已完成市级初验", 11),
    ("督察反馈的28个问题,其中20个已完成整改", 28),
    ("中央督察涉及本县的12个问题,10个问题均已完成整改", 12),
    ("督察反馈的45个问题中,39个已完成整改", 45),
    ("32個具體問題有30個已完成整改", 32),
    ("督察组交办的十八个问题,十五个已完成整改", 18),
    # an inspection's name between the count and its problems ties it to the feedback
    ("《整改方案》明确了整改目标,即46个督察反馈问题,2023年底前需完成26个、2024年内需完成18个", 46),
    ("我市共有12个中央生态环境保护督察反馈问题", 12),
    ("全县9个省级环保督察反馈问题全部纳入清单", 9),
    ("涉及我区的5个中央环保督察“回头看”反馈问题", 5),
    ("全省4個中央環保督察反饋問題", 4),
    ("督察组指出的17个督察反馈问题", 17),
    # a list's count in brackets after its name
    ("梳理形成了宿州市督察反馈问题整改措施清单(46项)", 46),
    ("制定问题清单（共52个）,逐项明确责任", 52),
    ("形成整改任务清单(38条)", 38),
    ("建立整改任务清单（36项）", 36),
    ("制定整改措施清单(计58条)", 58),
    ("列出整改问题清单 (17项)", 17),
])
def test_totals_with_their_parts_inspection_nouns_and_bracketed_lists(text, count):
    assert problem_count(text) == count


@pytest.mark.parametrize("text", [
    # several inspections' counts listed side by side: no one plan's
    "对照“回头看”反馈意见四个方面13个整改问题、专项督察反馈意见9个整改问题、省督察反馈意见37个整改问题",
    "中央督察反馈问题56个、省督察反馈问题38个",
    "中央环保督察整改任务45项；省级环保督察整改任务30项",
    "“回头看”反馈问题20个；专项督察反馈问题7个",
    # a party inspection's problems, its name inside the noun
    "5个巡视督察反馈问题",
    # counts after a total's 中 are its parts (the total a work programme's: none)
    "131项重点工作任务中,124项任务正常推进,7项任务推进较为滞后。",
    "60项重点工作任务中,52项整改任务已完成",
    # problems handed over (移交) with no inspection named: another body's list
    "2018—2022年,国家共移交我省长江生态环境问题82个,已整改完成63个。",
    "水利部移交我市河湖问题15个,已完成12个",
    # a total and its part in the next clause with no inspection named: a warning film's, a check's
    "2018-2023年警示片披露的84个问题,73个已完成整改。",
    "全县排查的45个问题中,39个已完成",
    "12个问题,完成5个项目",
    # a bare count with no feedback or list in its noun or clause
    "全县共排查出46个问题",
    "清单(46页)",
])
def test_no_count_from_listed_inspections_parts_or_other_lists(text):
    assert problem_count(text) is None


# -- info block ---------------------------------------------------------------------------------------------------


def _info(text: str) -> tuple | None:
    return info_block(text).value()


@pytest.mark.parametrize(("text", "found"), [
    # a page's text-size or QR controls after a source's value end it
    ("2019-08-22 07:56:00 来源:大众日报 大字体 小字体 扫码带走", ("大众日报", "2019-08-22", None, None)),
    ("来源:齐鲁晚报 中字体 扫一扫", ("齐鲁晚报", None, None, None)),
    ("发布时间:2021-03-05 来源:某某县生态环境分局 二维码", ("某某县生态环境分局", "2021-03-05", None, None)),
    ("來源:中國環境報 大字號 小字號", ("中國環境報", None, None, None)),
    # a medium's name beside its day across a dot or an unrendered &nbsp, and a paper with its channel
    ("大众日报·2025-07-03 09:07", ("大众日报", "2025-07-03", None, None)),
    ("四平日报&nbsp&nbsp2026-05-20", ("四平日报", "2026-05-20", None, None)),
    ("吉林日报&nbsp;2024-01-09", ("吉林日报", "2024-01-09", None, None)),
    ("彭某   湖南日报·新湖南客户端   2023-10-27 09:36:29", ("湖南日报·新湖南客户端", "2023-10-27", None, None)),
    ("光明日报·光明网 2022-05-06", ("光明日报·光明网", "2022-05-06", None, None)),
    ("南方日报 • 2020-11-02", ("南方日报", "2020-11-02", None, None)),
])
def test_page_controls_dots_and_entities_around_a_medium(text, found):
    assert _info(text) == found


@pytest.mark.parametrize(("text", "found"), [
    # a dot after no medium's name, a medium's name with a column after the dot, a control word inside a name
    ("新闻中心·2020-01-01", (None, "2020-01-01", None, None)),
    ("中国环境报·环保要闻", None),
    ("交通·2020-01-01", (None, "2020-01-01", None, None)),
    ("来源:某某市扫码支付服务中心", ("某某市扫码支付服务中心", None, None, None)),
    ("&nbsp;&nbsp;2020-01-01", (None, "2020-01-01", None, None)),
])
def test_no_medium_from_a_dot_a_column_or_a_control_inside_a_name(text, found):
    assert _info(text) == found


@pytest.mark.parametrize(("text", "publisher"), [
    # a source's value running into prose (a sentence's punctuation): the name before it
    ("来源: 西部网切记!信息来至互联网,仅供参考2018-03-28 访问:", "西部网"),
    ("来源:某某市生态环境局特别提示:转载请注明出处。", "某某市生态环境局"),
    ("信息来源:新华网声明,本文仅代表作者观点", "新华网"),
    ("来源:湖北省生态环境厅,如有侵权请联系", "湖北省生态环境厅"),
    ("来源:某某市人民政府,转载请注明", "某某市人民政府"),
    ("来源:中国环境网,仅代表作者观点", "中国环境网"),
    ("来源:某某县融媒体中心。", "某某县融媒体中心"),
    ("来源:新华社;记者 张三", "新华社"),
])
def test_a_source_running_into_prose_keeps_the_name(text, publisher):
    assert info_block(text).publisher == publisher


@pytest.mark.parametrize("text", [
    "来源:转载请注明出处,谢谢!",  # prose with no body's name
    "来源:网友投稿,仅供参考",
    "来源:以上信息仅供参考。",
    "来源:切记!信息来自互联网",
])
def test_no_publisher_from_prose_alone(text):
    assert info_block(text).publisher is None


@pytest.mark.parametrize(("text", "notice"), [
    # a 公示 stated with its window and no label's colon: the window's first day
    ("现予公示5个工作日(2020年10月16日至2020年10月23日)", "2020-10-16"),
    ("现将有关情况予以公示,公示期自2021年3月1日起至3月7日止", "2021-03-01"),
    ("公示时间为2022年6月8日—2022年6月14日", "2022-06-08"),
    ("特此公示（2019年12月2日至2019年12月6日）", "2019-12-02"),
    ("现予以公示，公示期7天（2023-04-10至2023-04-16）", "2023-04-10"),
    ("對以上結果予以公示,公示期為2020年1月6日至2020年1月10日", "2020-01-06"),
    ("公示期:2024年5月20日至24日", "2024-05-20"),
    ("拟将该项目予以公示,时间从2018年9月3日到2018年9月7日", "2018-09-03"),
])
def test_a_notice_window_gives_its_first_day(text, notice):
    assert info_block(text).notice == notice


@pytest.mark.parametrize("text", [
    "公示结束后,将于2020年10月26日至10月30日办理手续",  # after the 公示: another step
    "公示无异议后,于2021年3月8日至3月12日发放",
    "2020年10月16日至2020年10月23日开展现场检查",  # a window with no 公示
    "经公示无异议,2022年1月5日至1月9日组织验收",
])
def test_no_notice_from_another_step_window(text):
    assert info_block(text).notice is None


@pytest.mark.parametrize(("text", "issued"), [
    # a signature's compact date with an unpadded month or day, read when the digits split one way only
    ("南宁某某科技有限公司\n\n2021713", "2021-07-13"),
    ("某某县生态环境局\n202173", "2021-07-03"),
    ("某某市人民政府办公室\n2020925", "2020-09-25"),
    ("某某县环境保护委员会\n2019103", "2019-10-03"),
    ("某某科技股份有限公司\n2018130", "2018-01-30"),
    ("某某县人民政府\n20201125", "2020-11-25"),
    ("某某市生态环境保护委员会办公室\n2022831", "2022-08-31"),
    ("某某镇人民政府\n2023528", "2023-05-28"),
])
def test_a_signature_compact_date_with_unpadded_parts(text, issued):
    assert find_stated_date(text) == issued


@pytest.mark.parametrize("text", [
    "某某县生态环境局\n2021113",  # 1-13 or 11-3
    "某某县生态环境局\n2021112",  # 1-12 or 11-2
    "某某县生态环境局\n2021230",  # no such day
    "某某县生态环境局\n2021032",  # a padded month with a lost digit
    "电话\n2021713",  # no signer
])
def test_no_signature_date_when_the_digits_split_two_ways(text):
    assert find_stated_date(text) is None


@pytest.mark.parametrize(("text", "read"), [
    # a mirror's toneless inline pinyin after a character (來(lai)源, 省(sheng)): no part of the text
    ("來(lai)源:湖北省(sheng)生態環境廳", "來源:湖北省生態環境廳"),
    ("發(fa)布時間:2024-02-23", "發布時間:2024-02-23"),
    ("生态(sheng tai)环境", "生态环境"),
    ("督察(zhong)组", "督察组"),
    ("反馈(kui)意见", "反馈意见"),
    ("进(jin)驻", "进驻"),
    ("环(huan)境", "环境"),
    ("点(dian)击", "点击"),
])
def test_toneless_inline_pinyin_is_taken_out(text, read):
    assert for_reading(text)[0] == read


@pytest.mark.parametrize("text", ["附件(pdf)", "措施(a)", "报告(xls)", "名单(APP)", "第一条(ai)", "(lai)源"])
def test_no_pinyin_from_file_types_letters_or_without_a_character(text):
    assert for_reading(text)[0] == text


def test_a_mirror_publisher_without_toneless_pinyin():
    found = info_block("發(fa)布時間:2024-02-23 來(lai)源:湖北省(sheng)生態環境廳 點擊數:83126次")
    assert (found.publisher, found.posted) == ("湖北省生態環境廳", "2024-02-23")
