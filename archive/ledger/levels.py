"""Close-outs across levels: a city, district or department notice that closes a provincial task.

Real close-outs are mostly published by city or district bodies, and many cite the *province's*
numbering (``反馈问题(省编号第41号)``) of a provincial plan.  ``closeout_plans`` picks the plans a
close-out is matched against:

1. the plans of its own region of the inspection it names (as before);
2. the plans of its province of that inspection, when it cites 省编号 (only those: a number of the
   province's list never closes a task of the city's own plan), or when its own region has no plan of
   that inspection;

``orphan_reason`` says why a close-out that cites tasks linked nothing because its plan is not in
the archive; ``build`` keeps such notices in ``orphan_closeouts`` (listed by ``ducha report ledger``).
"""
from __future__ import annotations

import logging
import re

from sqlite_utils import Database

from archive.ledger.link import PlanTask
from archive.ledger.numbers import citations

logger = logging.getLogger(__name__)

Plans = dict[int, dict[int, PlanTask]]
_PROVINCE = re.compile(r"^(?:北京市|天津市|上海市|重庆市|.+?(?:省|自治区))")


def province_of(region: str) -> str:
    """The province part of a region ("甘肃省定西市" → "甘肃省"; "天津市" → "天津市")."""
    m = _PROVINCE.match(region or "")
    return m.group(0) if m else region


def same_inspection(db: Database, plans: Plans, insp: dict | None, *, strict: bool = False) -> Plans:
    """The plans of the inspection the notice names (all of them when it names none; plans whose
    inspection is unknown too, unless ``strict``)."""
    if insp is None or not plans:
        return {} if strict else plans
    marks = ",".join("?" * len(plans))
    unknown = "" if strict else "i.id IS NULL OR "
    keep = {pid for (pid,) in db.execute(
        f"SELECT p.id FROM plans p LEFT JOIN inspections i ON i.id = p.inspection_id WHERE p.id IN ({marks})"
        f" AND ({unknown}(i.level = ? AND (i.round = ? OR i.round = '' OR ? = '')))",
        [*plans, insp["level"], insp["round"], insp["round"]])}
    return {pid: tasks for pid, tasks in plans.items() if pid in keep}


def cites_province_numbering(texts: list[tuple[str, str, list]]) -> bool:
    """Whether a citation of the notice uses the province's numbering (省编号)."""
    return any("省编号" in c.text for _, text, _ in texts for c in citations(text))


def closeout_plans(db: Database, by_region: dict[str, Plans], region: str, insp: dict | None,
                   texts: list[tuple[str, str, list]]) -> tuple[Plans, str]:
    """The plans a close-out is matched against, and the region they belong to."""
    local = same_inspection(db, by_region.get(region, {}), insp)
    up = province_of(region)
    if up == region or insp is None:
        return local, region
    upward = cites_province_numbering(texts)
    if same_inspection(db, by_region.get(region, {}), insp, strict=True) and not upward:
        return local, region
    above = same_inspection(db, by_region.get(up, {}), insp, strict=True)
    return (above, up) if above or upward else (local, region)


def orphan_reason(db: Database, by_region: dict[str, Plans], region: str, insp: dict | None,
                  numbers: list[int], *, local_only: bool = False) -> str | None:
    """Why a close-out citing ``numbers`` has no plan in the archive (None when a plan is there);
    ``region`` is the one ``closeout_plans`` gave (the province's, for a citation of 省编号);
    ``local_only``: the province's plans were tried and none has the cited task, so only ``region``'s count."""
    if not numbers:
        return None
    up = region if local_only else province_of(region)
    where = region if up == region else f"{region} or {up}"
    if insp is None:
        if by_region.get(region) or by_region.get(up):
            return None
        return f"cites task {', '.join(map(str, numbers))}; no plan of {where} is in the archive"
    if same_inspection(db, by_region.get(region, {}), insp, strict=True) \
            or same_inspection(db, by_region.get(up, {}), insp, strict=True):
        return None
    named = " ".join(x for x in (insp["round"], insp["batch"]) if x)
    return (f"cites task {', '.join(map(str, numbers))} of the {insp['level']} inspection {named}".rstrip()
            + f"; no plan of it for {where} is in the archive")
