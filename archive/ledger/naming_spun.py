"""A spun re-post's inspection naming read as meant (``naming.py``): content farms re-post the ministry's news with its
words swapped for near synonyms, and the corpus labels such a naming as written meant (README, set 21; sets 33 and 35).

Only inside a naming, before its 督察 / 督查: ``中心`` / ``中间`` for 中央 (``8个中心生态环境维护督察组``, ``中心第四…督察组``,
``中间、省环保督查``), ``维护`` / ``庇护`` / ``护卫`` for 保护 after 生态 / 环境 (``生态环境维护督察``), and ``处境`` / ``情况``
for 环境 after 生态 (``生态处境护卫督察``, ``生态情况庇护督察组``), ``监察`` for 督察 in a central group's name
(``中央第二环境保护监察组``).  Each swap keeps the text's length, so every span read
stays valid.  A body whose name ends in 中心 (``某某事务中心、县水利局组成督查组``, ``监测中心生态环境…``) keeps it: 中心 is
read as 中央 only after no word of its own (the sentence's start, a comma, a count's 个, a round's 轮 or a batch's 批) and before the level's next word
(第N, 生态 / 环境 / 环保, or 、省 / 和省 — then as two levels named together).
"""
from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

_N = r"[一二三四五六七八九十\d]{1,3}"
#: the protected words as a spun naming writes them (处境 / 情况 for 环境, 维护 / 庇护 / 护卫 for 保护)
_SPUN_PROTECT = re.compile(r"(?<=生态|环境|处境|情况)(?:维护|庇护|护卫)(?=\s*督[察查])")
_SPUN_ENVIRONMENT = re.compile(r"(?<=生态)(?:处境|情况)(?=\s*(?:保护|维护|庇护|护卫)\s*督[察查])")
#: 中心 / 中间 for 中央: after no word of its own, before the level's next word, a 督察 / 督查 within the naming
_SPUN_CENTRAL = re.compile(rf"(?:(?<![\u4e00-\u9fff])|(?<=[个轮批]))(?:中心|中间)"
                           rf"(?=(?:第{_N}|生态|环境|环保)[^，,。；;\n]{{0,12}}?督[察查])"
                           # …or 中间 before a province listed with it (中间、省环保督查): the two levels named together
                           rf"|(?<=[\u4e00-\u9fff])中间(?=[、和及]省[^，,。；;\n]{{0,8}}?督[察查])")

#: 监察 for 督察 in a central group's naming (中央第二环境保护监察组, set 40): only right after 中央 (its group's 第N) and the
#: protection's words, before 组; a bureau's 环境监察 (执法监察支队, 环境监察局) and a 纪检监察组 keep it
_SPUN_INSPECT = re.compile(rf"(?P<head>中央(?:第{_N})?(?:生态)?(?:环境保护|环保))监察(?=组)")


def unspun(text: str) -> str:
    """``text`` with a spun naming's swapped words read as meant (same length; see the module doc)."""
    text = _SPUN_PROTECT.sub("保护", text)
    text = _SPUN_ENVIRONMENT.sub("环境", text)
    text = _SPUN_INSPECT.sub(lambda m: m.group("head") + "督察", text)
    return _SPUN_CENTRAL.sub("中央", text)
