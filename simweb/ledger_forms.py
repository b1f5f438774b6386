"""The government's other ways of writing the ledger's facts, spoken by the simulated web.

Generated from the *kinds* of forms of the real-language corpus (tests/fixtures/ledger_language/),
not from its sentences:

- **close-outs across levels**: three in ten of a city or district site's 验收销号 notices close a task of the
  *province's* plan of the round, citing the province's numbering — ``反馈问题（省编号第41号）`` in the
  body, and in the title ``（省编号第41号）``, ``（序号十）`` or ``整改任务(序号三)``.  The province's plan
  is the one a province-level site of the same region publishes (``plan_for`` of that site); a region
  with no such site has a plan nobody serves, so its close-outs are orphans.  A district (``county``) publishes
  plans of the provincial rounds only (``own_plan_round``); its close-outs of a central round cite the central
  inspection's numbering (``第N项``), which the province's plan of that round keeps (``cites_central``);
- **inspection namings**: first-round wording (``中央环保督察``, the round stated only in the body's
  《…整改方案》), ``省级第二轮生态环境保护督察`` (level before round), ``省第三生态环境保护督察组``
  (a group number) in feedback titles, and the ``反馈了督察情况`` feedback sentence;
- **counts**: ``整改任务清单包括13项整改任务`` beside ``4个方面`` (categories, not tasks);
- **deadlines**: a bare year (``2024年``: the last day of that year);
- **status words**: combined wordings read by their head verb (``已经完成，长期坚持``);
- **cells no reader reads**: one deadline cell in twenty states no time (``视项目进度确定``) and one status cell in twenty
  no status (``详见附件``), as on real plans and reports: the readers answer unknown / other, and the ledger lists them
  for a person to check (``archive.ledger.unread``, the ``ledger_unread`` query).

Every draw here uses its own sub-RNG, so no draw of the posting skeletons moves.
"""
from __future__ import annotations

import logging

from simweb.corpus import rng_for
from simweb.sites import ALL_SITES, SiteSpec

logger = logging.getLogger(__name__)

UPCITE_SHARE = 0.3  # share of a city site's close-outs that close a task of the province's plan
_CN = "〇一二三四五六七八九"

#: combined status wordings of progress tables → the class their head verb gives
COMBINED_STATUSES = {"已经完成，长期坚持": "done", "基本完成，持续推进": "mostly_done", "正在推进": "on_track"}
_COMBINE = {"已完成": "已经完成，长期坚持", "基本完成": "基本完成，持续推进", "序时推进": "正在推进"}


#: cells that state no time or no status (truth: no last day, kind unknown; status class other)
UNREAD_DEADLINES = ("视项目进度确定", "按上级统一部署")
UNREAD_STATUSES = {"详见附件": "other", "另行报送": "other"}
UNREAD_SHARE = 0.05


def _cn(n: int) -> str:
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + ("" if ones == 0 else _CN[ones])


def province_plan_site(site: SiteSpec) -> str:
    """The site id whose plans are the province's for a city ``site``: the province-level site of its
    region, or ``<region>`` (a plan no simulated site serves) when the region has none."""
    for s in ALL_SITES:
        if s.level == "province" and s.region == site.region:
            return s.id
    return site.region


def cites_province(seed: int, site: SiteSpec, key: str) -> bool:
    """Whether the close-out ``key`` of ``site`` closes a task of the province's plan (city and district sites)."""
    return site.level in ("city", "county") and rng_for(seed, site.id, key, "upcite").random() < UPCITE_SHARE


def cites_central(site: SiteSpec, rnd: str) -> bool:
    """Whether a close-out of ``site`` for round ``rnd`` cites the central inspection's numbering: a district's
    of a central round (it has no plan of its own for it, ``own_plan_round``), which the province's plan keeps."""
    return site.level == "county" and "中央" in rnd


def own_plan_round(site: SiteSpec, rnd: str) -> str:
    """The round of a plan ``site`` publishes when drawn ``rnd``: a district's plans answer the provincial
    inspections only (第二轮中央… → 第二轮省级…; 回头看 → the second provincial round)."""
    if not cites_central(site, rnd):
        return rnd
    return "第三轮省级生态环境保护督察" if rnd.startswith("第三轮") else "第二轮省级生态环境保护督察"


def province_naming(seed: int, site_id: str, key: str, rnd: str) -> str:
    """How a city close-out names the province's inspection of round ``rnd`` in its title."""
    rng = rng_for(seed, site_id, key, "upcite-naming")
    if rnd.startswith("第") and "中央" in rnd and rng.random() < 0.5:
        return "中央环保督察"  # first-round wording; the round is in the body's 《…整改方案》
    if "省级" in rnd:
        return "省级" + rnd.replace("省级", "")  # 省级第二轮生态环境保护督察: level before round
    return rnd


def province_title(seed: int, site: SiteSpec, key: str, rnd: str, number: int, problem: str) -> str:
    """The title of a city close-out citing the province's numbering of task ``number``."""
    rng = rng_for(seed, site.id, key, "upcite-title")
    naming = province_naming(seed, site.id, key, rnd)
    form = rng.randrange(3)
    if form == 0:
        return f"{site.place}关于{naming}反馈问题（省编号第{number}号）整改完成情况的公示"
    if form == 1:
        return f"{site.place}{naming}反馈问题“{problem}”（序号{_cn(number)}）验收销号公示"
    return f"关于{naming}整改任务(序号{_cn(number)})完成情况的公示"


def province_sentence(region: str, rnd: str, number: int, problem: str) -> str:
    """The body's opening of such a close-out: the province's plan, the task quoted, its 省编号."""
    return f"《{region}{rnd}整改方案》中反馈问题（省编号第{number}号）：“{problem}”整改任务已整改完成，"


def feedback_title(rnd: str, group: str, place: str) -> str | None:
    """A provincial round's feedback title naming the group (``省第三生态环境保护督察组``), else None."""
    return f"省第{group}生态环境保护督察组向{place}反馈督察情况" if "省级" in rnd else None


FEEDBACK_SENTENCE = "{date_text}，督察组向{place}委、{place}政府反馈了督察情况。"


def count_sentence(seed: int, site_id: str, key: str, n: int) -> str | None:
    """In half the plans: the stated task count beside a category count that is not one."""
    rng = rng_for(seed, site_id, key, "count-form")
    if rng.random() < 0.5:
        return None
    return f"整改任务清单包括{n}项整改任务，涉及{rng.randint(3, 6)}个方面。"


def bare_year(seed: int, site_id: str, rnd: str, number: int, text: str) -> str:
    """Half the ``2024年底前`` deadlines written as a bare year (``2024年``): the same last day."""
    if text.endswith("年底前") and text[:4].isdigit() and rng_for(seed, site_id, "plan", rnd, "bare", number).random() < 0.5:
        return text[:5]
    return text


def unread_deadline(seed: int, site_id: str, rnd: str, number: int,
                    spec: tuple[str, str | None, str]) -> tuple[str, str | None, str]:
    """One deadline cell in twenty (text, last day, kind) written as a cell stating no time: (its words, None, unknown)."""
    rng = rng_for(seed, site_id, "plan", rnd, "unread", number)
    return (rng.choice(UNREAD_DEADLINES), None, "unknown") if rng.random() < UNREAD_SHARE else spec


def unread_status(seed: int, site_id: str, key: str, row: int, status: str) -> str:
    """One status cell in twenty written as a cell stating no status (``详见附件``)."""
    rng = rng_for(seed, site_id, key, "status-unread", row)
    return rng.choice(tuple(UNREAD_STATUSES)) if rng.random() < UNREAD_SHARE else status


def combined_status(seed: int, site_id: str, key: str, row: int, status: str) -> str:
    """A third of the 已完成 / 基本完成 / 序时推进 cells written in a combined wording."""
    if status in _COMBINE and rng_for(seed, site_id, key, "status-form", row).random() < 0.33:
        return _COMBINE[status]
    return status
