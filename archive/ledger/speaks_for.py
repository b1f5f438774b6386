"""What a posting speaks for: the region (its site's, a city's or a county's under its province, or on a national site
the province the posting names) and the 督察 it names, keyed as the ledger's inspections table keys it.

``archive.ledger.build`` files plans, feedback and close-outs under them; ``archive.ledger.closeouts`` shows each
publishing body's close-outs under the region it speaks for.
"""
from __future__ import annotations

import re

from archive.ledger.naming import InspectionName, cn_ordinal, inspection_name

_PLACE = re.compile(r"^(?P<p>.+?(?:自治州|地区|盟|市|州|县|区))")
_COUNTY = re.compile(r"^(?P<p>[^省市州]{2,8}?(?:市|自治州|州|地区|盟)[^省市州县区旗]{1,8}?(?:管理区|自治县|县|区|旗))")


def region_of(region: str | None, level: str | None, name: str | None) -> str:
    """The region a site speaks for: its province, or province + city for city sites, province + city +
    district for county sites ("绵阳市涪城区人民政府" → 四川省绵阳市涪城区: a district's plans are not its city's)."""
    region = region or ""
    if level in ("city", "county") and name:
        m = (_COUNTY.match(name) if level == "county" else None) or _PLACE.match(name)
        if m and m.group("p") != region:
            place = m.group("p")
            if place.startswith(region):
                return place
            overlap = next((k for k in range(min(len(place), len(region)), 0, -1) if region.endswith(place[:k])), 0)
            return f"{region}{place[overlap:]}"  # 辽宁省盘锦市 + 盘锦市… → 辽宁省盘锦市…
    return region


_SUBJECT = re.compile(r"(?P<p>[\u4e00-\u9fff]{2,8}?(?:省|自治区|市))(?:关于|贯彻落实|第[一二三四五]轮|中央|省级|整改)")


def subject_region(site_region: str, level: str | None, *texts: str) -> str:
    """The region a posting speaks for: the site's, except on a national site (the Ministry posts
    for provinces), where the first place named before 贯彻落实 / 关于 / 第N轮 / 整改 is taken."""
    if level != "national":
        return site_region
    for text in texts:
        m = _SUBJECT.search(text or "")
        if m:
            return m.group("p")
    return site_region


def inspection_of(*texts: str) -> dict | None:
    """``{"level", "round", "batch"}`` of the 督察 the texts name (title first), as the inspections
    table keys it (``round`` "第二轮" or "回头看", ``batch`` "第一批", "" when not stated); the grammar
    is ``archive.ledger.naming`` (the words it was read from: ``archive.ledger.evidence.inspection_named``)."""
    name = inspection_name(*texts)
    return inspection_key(name) if name is not None else None


def inspection_key(name: InspectionName) -> dict:
    """A naming's facts as the inspections table keys them (see ``inspection_of``)."""
    rnd = "回头看" if name.again else (f"第{cn_ordinal(name.round)}轮" if name.round else "")
    return {"level": name.level, "round": rnd, "batch": f"第{cn_ordinal(name.batch)}批" if name.batch else ""}
