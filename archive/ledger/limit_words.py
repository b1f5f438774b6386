"""The words of a time limit's label (整改时限, 完成期限, 完成时间, 时间节点): one home for the vocabulary the deadline,
duty, past-time and status readers build their patterns from.

Each reader takes the part it needs: ``archive.ledger.duties`` the limit's nouns alone (整改时限:长期, 办结时限:15个工作日),
``archive.ledger.past_times`` those and a schedule's node as aims in a clause (计划…, 按时间节点…于…完成),
``archive.ledger.status_topics`` them as record nouns a completion may qualify (完成时限, 完成节点), and
``archive.ledger.deadlines`` the whole label a date may follow (``LIMIT_LABEL``).
"""
from __future__ import annotations

#: the verbs of an aim a time is set by (确保…前完成, 力争年底前, 争取…, 务必…): each reader adds the modals it needs
AIM_VERB = r"(?:确保|力争|争取|务必)"
#: the nouns of a time limit (整改时限, 完成期限, 办结时限)
LIMIT_NOUN = r"(?:时限|期限)"
#: a schedule's node, the point a stage is set to be reached by (时间节点, 完成节点)
NODE = r"节点"
#: the time a label sets for a completion (完成时间:2020年12月, 完成日期, 办结时间:2021-07-30, 整改时间)
#: (…the work's stated closing day, 截止日期是2014年12月31日, and a planned close-out's, 拟销号时间 2025年4月21日; a bare 销号时间
#: on a close-out notice is when it was closed)
#: (…and a notice's or comment window's end, 预告终止日 (a draft rule's), 公示截止日, 意见反馈结束日期; a term's end,
#: 有效期终止日, is no window's)
DUE_TIME = (r"(?:完成时间|完成日期|办结时间|整改时间|截止日期|(?:拟|计划)(?:销号|验收)(?:时间|日期)"
            r"|(?:预告|公示|公告|征求意见|意见反馈|意见)期?(?:终止|截止|结束)日期?)")
#: a time limit's label: its noun, the time set for a completion, or a schedule's node (时间节点:2021年9月)
LIMIT_LABEL = rf"(?:{LIMIT_NOUN}|{DUE_TIME}|(?:时间|完成){NODE})"

#: the watches and checks a kept-up duty names (巡查, 巡逻, 值守, 监管 …): one home for the deadline reader's standing
#: duties (常态化 / 不间断 / 全天候 + a watch, ``archive.ledger.duties``) and the status reader's standing watch
#: (24小时值守, 坚持每天巡查, ``archive.ledger.status_practice``), which r60b and r60a wrote apart
WATCH = (r"(?:巡查|巡逻|巡护|巡河|巡检|排查|检查|督查|督导|值守|值班|坚守|蹲守|看守|守护|盯守"
         r"|监管|管控|监测|监控|监视)")
