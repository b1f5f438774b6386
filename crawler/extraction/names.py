"""A body's or a medium's name as an info block's source value gives it (``info.py``): the name before any prose
glued after it, without the author's name printed after it, spaced or glued."""
from __future__ import annotations

import re

from archive.script_fold import for_reading

#: a person's name (two or three characters, no body's ending) after the source: "北大湖鎮 牛士群 永吉發佈" — the source
#: is the body before it; the rest is its author and channel
BODY_END = "局厅办委部室站所院会社报网台处科镇乡村区县市省"
#: the end of a signing body's name (某某县人民政府, 某某局某某分局, 某某综合执法大队, 某某中心): a signer line's last words
SIGNER_END = r"(?:[局厅办委部室站所院处科镇乡村区县市省组队]|政府|中心|公司|集团|指挥部|委员会)"
_AUTHOR_AFTER = re.compile(rf"\s+(?=[\u4e00-\u9fff]{{2,3}}(?:\s|$))(?![\u4e00-\u9fff]{{1,2}}[{BODY_END}])"
                           r"(?![\u4e00-\u9fff]{1,2}中心).*$")
#: common family names (a closed class): a person's name glued to the body's name starts with one
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
             "钟谭陆汪范金廖贾夏韦付方邹孟熊秦邱尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱覃戴莫孔汤常康施樊葛邢乔庞颜倪聂鲁岳"
             "翟殷詹耿焦俞祝")
#: a person's name glued after the body's ending, with its role or not ("洮南市新闻记者站刘先慧", "某县融媒体中心记者王芳"):
#: the body is the name before it; a name of two or three characters that does not itself end as a body or as a
#: publication's part (…日报社周刊, …客户端)
_GLUED_AUTHOR = re.compile(rf"(?<=[{BODY_END}心])(?:记者|通讯员)?[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}"
                           rf"(?<![{BODY_END}刊版讯稿端])$")

#: two-character family names (a closed class; 东方 and 南宫 left out: 东方网 is a medium, 南宫市 a city)
_COMPOUND_SURNAMES = "欧阳|司马|上官|诸葛|皇甫|尉迟|公孙|慕容|令狐|夏侯|长孙|宇文|司徒|端木|独孤|轩辕|呼延|澹台"
#: a person's or an account's name, never a medium's: a surname (one character or two, 欧阳某某) and one or two
#: characters (张某某), or a name ending in a person's word — a role (楼主, 小编, 志愿者, 网友), an old hand or a kinsman
#: (越战老兵, 老李, 某哥) — the byline of a forum post or a blog, no publisher
PERSON_OR_ACCOUNT = re.compile(rf"(?:[{_SURNAMES}]|{_COMPOUND_SURNAMES})[\u4e00-\u9fff]{{1,2}}|[\u4e00-\u9fff]*(?:楼主|小编|博主|网友|用户|会员|志愿者|爱好者"
                               rf"|老兵|老[{_SURNAMES}]|[哥姐叔姨弟妹兄侠客]|君)")


#: a document's kind ending in 报 (情况通报, 工作简报, 质量月报, 统计公报): a list line's title before its day, no medium's
#: name (a paper may end in 快报, 周报 or 汇报: 现代快报, 文汇报)
DOCUMENT_REPORTS = ("通报", "简报", "月报", "季报", "年报", "公报", "举报", "申报", "预报", "喜报", "捷报", "呈报", "上报", "填报")


#: a sentence's punctuation: a body's or a medium's name holds none, so a value running into it is a name and then prose
#: (a site's disclaimer glued after it: "西部网切记!信息来至互联网,仅供参考")
_PROSE = re.compile(r"[!！。，,；;?？]")
#: how a body's or a medium's name ends (a place's or an office's one-character ending, 处 / 所 / 市, is prose's too: 出处)
_NAME_END = re.compile(r"网|报|社|台|局|厅|委|办|部|政府|中心|站|院|会|公司|集团|客户端")


#: a body's or a site's name opening its line, then a posting label ("某某省自然资源厅   时间:…", "某某网 发布日期:…"), its
#: web address between them or not ("某某网站 www.x.gov.cn 发布时间:…"): the body that posted the page
SITE_BEFORE_DAY = re.compile(rf"^[ \t\u3000]*([\u4e00-\u9fff]{{2,20}}?(?:{_NAME_END.pattern}|室))[ \t\u3000]+"
                             r"(?:(?:https?://)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/?[ \t\u3000]+)?"
                             r"(?=(?:发布时间|发布日期|更新时间|更新日期|时间|日期)\s*[:：])", re.MULTILINE)


def _before_prose(name: str) -> str:
    """``name`` up to its last body's or medium's ending before a sentence's punctuation ("西部网切记!…" → "西部网");
    "" when no name ends there (the value is prose)."""
    prose = _PROSE.search(name)
    if prose is None:
        return name
    head = name[:prose.start()]
    ends = [e.end() for e in _NAME_END.finditer(for_reading(head)[1])]
    return head[:ends[-1]] if ends and ends[-1] >= 3 else ""


#: a web address after a source's name ("来源:某某网 www.example.com"): the site's, not part of the name (an address
#: alone still names the source, README "After sets 5 and 6"); a top-level domain, so a dotted day is no address
_ADDRESS_AFTER = re.compile(r"[ \t\u3000]+(?:https?://)?(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?::\d+)?(?:/\S*)?$")


#: a site's name (…网站) with a page's title run on after it, no space between ("来源: 商务部网站师宗环保局整治…"): 网站
#: closes the name, what follows is the title (set 44; a short body after it, 某某网站管理中心, is the name's own)
_SITE_RUN_ON = re.compile(r"^([^\s]{2,20}?网站)(?=[\u4e00-\u9fff]{7,})")


def bare_name(name: str) -> str:
    """``name`` (a source's value, its glued day taken off) without prose after it, a title run on after a site's
    name, its web address or its author's name."""
    name = _AUTHOR_AFTER.sub("", _before_prose(_ADDRESS_AFTER.sub("", name)))
    name = run_on.group(1) if (run_on := _SITE_RUN_ON.match(name)) else name
    glued = _GLUED_AUTHOR.search(for_reading(name)[1])
    return name[:glued.start()] if glued else name


#: a news medium's name with no label (四川日报 2021年03月05日, 新华网\n2021/03/26 08:46, 09时56分 山西日报 |,
#: 经济参考报发布时间:…): standing alone next to a date, a separator or a posting label, it is the publisher
#: a paper may print its channel joined by a dot (湖南日报·新湖南客户端) and a dot may stand between name and day (大众日报·2025-07-03)
_MEDIUM_END = "日报|晚报|报|网|在线|客户端"
#: …not a document's kind ending in 报 (整改情况通报, 工作简报, 环境质量月报, 统计公报 before their day: a list line's title)
_DOCUMENT_REPORT = f"(?<!{'|'.join(DOCUMENT_REPORTS)})"
MEDIUM = re.compile(rf"(?:^|(?<=[\s|｜丨]))([\u4e00-\u9fff]{{2,10}}?(?:{_MEDIUM_END}){_DOCUMENT_REPORT}"
                    rf"(?:[·•][\u4e00-\u9fff]{{2,10}}?(?:{_MEDIUM_END}|新闻))?)"
                    # (…its web address in brackets, or a slash, between: 某某网(www.….com)2018-6-28, 某某客户端 / 2022-04-20)
                    r"(?=(?:[（(][A-Za-z0-9./:_-]{4,40}[)）])?[ \t\u3000]*[·•/]?[ \t\u3000]*"
                    r"(?:$|[|｜丨]|(?:19|20)\d{2}\s*[-/.年]|(?:发布时间|发布日期|时间|日期)\s*[:：]"
                    # …or before its reporter in brackets (西安日报 (记者 某某)): the paper the reporter writes for
                    r"|[（(]\s*(?:记者|通讯员)))", re.MULTILINE)


#: a journal's name before its issue on a line of its own (理论月刊 2018年10期, 环境保护 2021年第5期): the publisher
JOURNAL_ISSUE = re.compile(r"^[ \t\u3000]*《?([\u4e00-\u9fff]{2,10}?)》?[ \t\u3000]+(?:19|20)\d{2}\s*年\s*(?:第\s*)?\d{1,2}\s*期"
                           r"[ \t\u3000]*$", re.MULTILINE)
