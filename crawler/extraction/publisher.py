"""Who published a page, as its info block's source labels name it (``info.py``): the labels that name a source, the
values that name no body, and the body's name read out of a value (its glued day, its author and any stray word after it
taken off)."""
from __future__ import annotations

import logging
import re

from archive.script_fold import for_reading

from .names import BODY_END, bare_name

logger = logging.getLogger(__name__)

#: the labels that name a source, in the order a block's values are tried: an issuing body's (发布机构, 发文机关, 颁布单位, a law
#: database's 制定机关 …),
#: a source's (信息来源, 来源 …), then the weak ones (``_WEAK_LABELS``)
_ISSUER_LABELS = ("发布机构", "发文机关", "发文机构", "制定机关", "颁布单位", "公开责任部门", "公开主体",
                  "发布单位", "发文单位")
#: (…or an attribution's own, 本文来源 / 原文来源, bracketed after a source that names no body: 来源:不详「本文来源:某某晚报」,
#: set 60's ✱: r60b)
_SOURCE_LABELS = ("信息来源", "新闻来源", "文章来源", "稿件来源", "稿源", "来源", "來源", "源自", "本文来源", "原文来源")
#: no body: the site itself, the web, nothing or a value that says the source is unknown (未知, 不详, 佚名, 暂无,
#: unknown), a CMS phrase (部门报送: "sent in by a department") or a CMS account (系统, 管理员, admin, and lower-case
#: codes such as sp20241114 or fish; a domain, www.….com, is a source), or a person's role (来源:通讯员 某某: a
#: correspondent is no body) — read on the name the value starts with
#: ("来源:未知 2018-09-29": the day after it is still read)
NO_PUBLISHER = re.compile(r"^(?:(?:特约|见习)?(?:记者|通讯员)|本站原创|本站|原创|本网|网站|互联网|网络|未知|不详|佚名|暂无|无|系统|(?:超级|系统|网站)?管理员|默认(?:部门|单位|机构)|"
                          # a re-post said so (转载, 综合), or compiled (网络整理, 本站整理, 综合整理) or a forum's or an app's account (…网友, …用户): no body
                          r"转载|转发|综合|摘编|(?:网络|网上|互联网|本站|本网|网站|综合|收集|搜集)?整理|[\u4e00-\u9fff]{0,12}(?:网友|用户|会员|楼主|博主)(?:投稿|来稿|爆料)?|"
                          r"(?:部门|单位)?报送|(?i:admin(?:istrator)?|system|unknown|n/?a|none)|[a-z][a-z0-9_]*|"
                          # a page's category or column, a kind of document and no body (工作报告, 工作动态, 政策解读, 实用资料:
                          # set 58's ✱, set 48's ✱), a word after it on the line or not (r58b)
                          r"[\u4e00-\u9fff]{0,6}(?:报告|动态|资料|解读|公告|通知|要闻|专题|专栏|栏目)(?:\s.*)?|"
                          # a name the page masked (发布单位: ****): no body stated (set 50)
                          r"[*＊×]{2,}|"
                          # an unfilled CMS placeholder (来源:[db:出处], {dede:field name='source'/}, ${source}, {$来源}): the
                          # template's field name, no body (set 46)
                          r"[\[{]?\s*(?i:db|dede|field|cms|var)\s*[:：][^\s]*?|[\[{]?\$\{?[^\s{}$]{0,20}\}?[\]}]?|\{\{[^{}]{1,20}\}\})$")
DATE_FIRST = re.compile(r"^\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
#: a day glued to the source's name ("人民网-人民日报2019-05-15"): a whole date that ends the value
GLUED_DATE = re.compile(r"(?<=[^\d\s])((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)\s*$")
#: a verb's label (发布: / 出处: / 来自:), and labels whose value may be a person or an account (发布者:张某, 提供单位 left to a
#: clerk), name an account as often as a body: only a body's or a medium's name is a publisher
_WEAK_LABELS = ("出处", "来自", "发布", "发布者", "提供单位", "供稿单位", "发稿单位", "所属机构")
PUBLISHER_LABELS = _ISSUER_LABELS + _SOURCE_LABELS + _WEAK_LABELS
#: a verb's label (发布 / 出处 / 来自) is one only before its colon (发布日期, 出处不详 are none)
_VERB_LABELS = ("出处", "来自", "发布")
#: the publisher labels as a pattern's alternatives (``info.LABELS``)
PUBLISHER_LABEL = "|".join(rf"{label}(?=\s*[:：])" if label in _VERB_LABELS else label for label in PUBLISHER_LABELS)
#: the labels of a source or an issuing organ (来源, 信息来源, 发布机构, 发文机关; not a unit's or a department's, 发布单位 /
#: 公开责任部门, nor a weak one): a day a wide gap sets after the value on their line is the posting day (``info``)
SOURCE_OR_ORGAN_LABEL = "|".join(label for label in _ISSUER_LABELS + _SOURCE_LABELS
                                 if label.endswith(("来源", "來源", "机构", "机关")))
#: a source label's own tail glued before its colon (来源中心:某局, 来源单位:某局, 来源网站:某网: a CMS's longer label): the
#: value after the colon is the source's
_LABEL_TAIL = re.compile(r"^(?:中心|单位|部门|机构|网站|媒体)\s*[:：]\s*(?=\S)")
_BODY_NAME = re.compile(rf"(?:[{BODY_END}]|中心|政府|客户端|在线)$")
#: a studio's or a team's account under a weak label (发布者: 东东工作室, 发布: 某某小编团队): a site's user, no body
_ACCOUNT_NAME = re.compile(r"(?:工作室|小编|团队)$")
#: where a source's value ends: a wide gap, the next short label, its day, a reporter or correspondent in brackets
#: (来源:县环保督察整改办(通讯员:某某): the office publishes, the correspondent is no body)
#: (…or the reporter's title glued after a paper's, an agency's or a site's name, 来源:某某日报记者 某某: the medium publishes;
#: a 记者站 is a body of its own: set 52)
_VALUE_END = re.compile(r"\s*[（(]\s*(?:特约|见习)?(?:记者|通讯员|作者|撰稿人?)|(?<=[报网台社刊])(?:特约|见习|首席)?(?:记者|通讯员)(?!站)|\s{2,}|\s(?=(?:\S\s?){1,5}[:：])|\s*[·•]?\s+(?=(?:19|20)\d{2}\s*[-/.年])|\s*[·•]\s*(?=(?:19|20)\d{2})")


#: the closing marks a bracketed attribution leaves after its value (「本文来源:某某晚报」, (原文来源:某某网) 2021-01-02)
_CLOSES = {")": "(", "）": "（", "」": "「", "』": "『", "”": "“", "】": "【", "]": "["}


def _unclosed(name: str) -> str:
    """``name`` without closing marks at its end that it does not open (某某网」 → 某某网; 某某(集团) kept)."""
    while name and name[-1] in _CLOSES and name.count(_CLOSES[name[-1]]) < name.count(name[-1]):
        name = name[:-1].rstrip()
    return name


def publisher_of(fields: dict[str, str]) -> str | None:
    """The publishing body a block names, or None (its value read in simplified script and ASCII digits, sliced as
    written)."""
    for label in PUBLISHER_LABELS:
        written, value = for_reading(fields.get(label) or "")
        if label in _SOURCE_LABELS and (tail := _LABEL_TAIL.match(value)):
            written, value = written[tail.end():], value[tail.end():]
        if value and not NO_PUBLISHER.match(value) and not DATE_FIRST.match(value):  # an empty source, then a day
            end = _VALUE_END.search(value)
            head = slice(0, end.start() if end else len(value))
            glued = [m.span() for m in GLUED_DATE.finditer(value[head])]  # found in the reading copy (２０１９-０５-１５)
            keep = list(zip([0] + [stop for _, stop in glued], [start for start, _ in glued] + [len(value[head])], strict=True))
            name, read = (_unclosed(bare_name("".join(v[head][a:b] for a, b in keep).strip())) for v in (written, value))
            if name and label in _WEAK_LABELS and not _BODY_NAME.search(read):
                # a stray word of one or two characters glued after the name (出处:海南新闻网指南作者:…): the name before it
                cut = next((k for k in (len(read) - 1, len(read) - 2) if k >= 3 and _BODY_NAME.search(read[:k])), None)
                name, read = (name[:cut], read[:cut]) if cut and len(name) == len(read) else (name, read)
            if name and not NO_PUBLISHER.match(read) and (label not in _WEAK_LABELS or _BODY_NAME.search(read)
                                                          and not _ACCOUNT_NAME.search(read)):
                return name
    return None
