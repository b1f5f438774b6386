"""Timeliness measures per posting, and their table in the archive.

```
documents + versions + events + attachments ──posting_measures()──► dict (one ``timeliness`` row)
   (pure: no database; the integrator's end-to-end test can call it on plain dicts)
compute_measures(db, now=…) ──► timeliness rows + date_mentions rows (replaced per document)
```

Definitions (dates in Asia/Shanghai; ``tolerance_days`` default 3):

* posting lag = first-seen date − publication date (CMS/list, else stated); ``baseline`` postings
  (already online at the site's first crawl) get a lag but are left out of aggregates and of the
  first-seen backdating test.
* backdated when (a) a claimed publication date — CMS or list date, the stated date only when the
  page has neither (a stated date is often a signature date, legitimately days before posting) —
  is earlier than the reference date minus the tolerance; the reference is the first-seen date, or
  the day after the previous successful visit of the site when that is earlier (a gap in our visits
  is not the publisher's backdating); (b) a publish/CMS/list date moved earlier between versions
  or since the last version (list dates change without a new version); (c) a claimed date is
  earlier than the URL date minus the tolerance.
* early removal: a removal (even one restored later) on or before the last day of the objection
  window (``early_removal``; ``early_removal_excluding_first_day`` against the 民法典 deadline).
"""
from __future__ import annotations

import datetime as dt
import itertools
import json
import logging
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from archive.timeliness.calendar import CalendarNotAnnounced, WorkingDayCalendar, default_calendar
from archive.timeliness.dates import parse_iso_date
from archive.timeliness.fields import extract_fields
from archive.timeliness.objection import parse_objection
from archive.timeliness.schema import TIMELINESS_COLUMNS
from archive.timeliness.url_dates import url_date

log = logging.getLogger(__name__)

SHANGHAI = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")  # no DST since 1991
DATE_FIELDS = ("cms_date", "list_date", "stated_date")
VERSION_DATE_FIELDS = ("publish_date", "cms_date", "list_date", "stated_date")
#: Doc types whose objection window is a 公示 for ``early_removal`` (others get the window columns only).
OBJECTION_DOC_TYPES: frozenset[str] = frozenset({"acceptance_notice"})
SUBMISSION_WORKDAYS = 30  # 整改方案 submitted within 30 working days of 反馈
DISCLOSURE_WORKDAYS = 20  # 政府信息公开条例 Art. 26


def local_date(timestamp: str | dt.datetime | None) -> dt.date | None:
    """The Asia/Shanghai calendar date of an ISO timestamp (naive ones are taken as Shanghai time)."""
    if timestamp is None:
        return None
    if isinstance(timestamp, str):
        try:
            timestamp = dt.datetime.fromisoformat(timestamp)
        except ValueError:
            return parse_iso_date(timestamp)
    if timestamp.tzinfo is None:
        return timestamp.date()
    return timestamp.astimezone(SHANGHAI).date()


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _days(later: dt.date | None, earlier: dt.date | None) -> int | None:
    return (later - earlier).days if later and earlier else None


#: dates before this are data errors of the site (1900-01-01 placeholders), not evidence of anything
EARLIEST_PLAUSIBLE = dt.date(1990, 1, 1)
PAGE_DATE_FIELDS = ("publish_date", "cms_date", "list_date", "stated_date", "display_date")


def implausible_dates(doc: Mapping[str, Any], first_seen: dt.date | None) -> list[dict[str, str]]:
    """The page's dates that cannot be true: before 1990, or later than the day after we first saw the posting
    (2099-01-01).  They are kept as the page states them; this says which ones not to believe."""
    out = []
    for name in PAGE_DATE_FIELDS:
        value = parse_iso_date(doc.get(name))
        if value is None:
            continue
        if value < EARLIEST_PLAUSIBLE:
            out.append({"field": name, "date": value.isoformat(), "why": "before 1990"})
        elif first_seen is not None and value > first_seen + dt.timedelta(days=1):
            out.append({"field": name, "date": value.isoformat(), "why": f"after first seen {first_seen}"})
    return out


def _claimed_dates(doc: Mapping[str, Any]) -> list[tuple[str, dt.date]]:
    """The dates by which the site claims publication: CMS and list dates; the stated date only
    when the page has neither (a stated date is often the signature date, days before posting)."""
    out = [(n, v) for n in ("cms_date", "list_date")
           if (v := parse_iso_date(doc.get(n))) and v >= EARLIEST_PLAUSIBLE]  # 1900-01-01 is not backdating
    if not out and (stated := parse_iso_date(doc.get("stated_date"))):
        out = [("stated_date", stated)]
    return out


def _backdating(doc: Mapping[str, Any], versions: Sequence[Mapping[str, Any]], *, first_seen: dt.date | None,
                previous_visit: dt.date | None, baseline: bool, tolerance: int) -> tuple[list[dict], bool]:
    """(backdating reasons, whether any date changed between versions or since the last version)."""
    reasons: list[dict] = []
    claimed = _claimed_dates(doc)
    if first_seen and not baseline:
        reference = first_seen
        if previous_visit and previous_visit + dt.timedelta(days=1) < first_seen:
            reference = previous_visit + dt.timedelta(days=1)
        for name, value in claimed:
            if value < reference - dt.timedelta(days=tolerance):
                reasons.append({"kind": "earlier_than_first_seen", "field": name, "date": value.isoformat(),
                                "first_seen": _iso(first_seen), "previous_visit": _iso(previous_visit),
                                "reference": _iso(reference), "days": (first_seen - value).days})
    changed = False
    states = [*versions, {**doc, "captured_at": doc.get("last_seen_at")}]  # list dates change without a version
    for name in VERSION_DATE_FIELDS:
        history = [(d, v.get("captured_at")) for v in states if (d := parse_iso_date(v.get(name)))]
        for (before, _), (after, at) in itertools.pairwise(history):
            if before == after:
                continue
            changed = True
            if after < before and name != "stated_date":
                reasons.append({"kind": "date_moved_earlier", "field": name, "from": before.isoformat(),
                                "to": after.isoformat(), "at": at})
    url_mention = url_date(doc.get("url"))
    url_value = url_mention.value if url_mention else parse_iso_date(doc.get("url_date"))
    if url_value:
        for name, value in claimed:
            if value < url_value - dt.timedelta(days=tolerance):
                reasons.append({"kind": "earlier_than_url_date", "field": name, "date": value.isoformat(),
                                "url_date": url_value.isoformat(), "days": (url_value - value).days})
    return reasons, changed


def window_from(publish: dt.date | None, reasons: Sequence[Mapping[str, Any]]) -> dt.date | None:
    """The date an objection window counts from: ``publish``, unless the posting is flagged backdated.

    A backdated posting's window counts from the earliest date it can be shown to have been public:
    the date before it was moved earlier (``from``), the day after the last visit that did not see it
    (``reference``), or the date in its URL — the latest of these, never the moved date itself.
    """
    originals = [parse_iso_date(r.get("from") or r.get("reference") or r.get("url_date")) for r in reasons]
    dates = [d for d in originals if d is not None]
    if not dates:
        return publish
    later = max(dates)
    return later if publish is None or later > publish else publish


def _removals(doc: Mapping[str, Any], events: Sequence[Mapping[str, Any]]) -> tuple[dt.date | None, list[dt.date]]:
    """(date of the current removal or None, dates of every removal including restored ones)."""
    current = None
    every: list[dt.date] = []
    for event in sorted(events, key=lambda e: str(e.get("at") or "")):
        if event.get("kind") == "removed":
            current = local_date(event.get("at"))
            if current:
                every.append(current)
        elif event.get("kind") == "restored":
            current = None
    if doc.get("removed_at"):
        current = local_date(doc["removed_at"])
        if current and current not in every:
            every.append(current)
    return current, every


def posting_measures(doc: Mapping[str, Any], versions: Sequence[Mapping[str, Any]],
                     events: Sequence[Mapping[str, Any]], *, attachment_texts: Iterable[str] = (),
                     baseline: bool = False, previous_visit: dt.date | None = None,
                     calendar: WorkingDayCalendar | None = None, tolerance_days: int = 3,
                     objection_doc_types: Collection[str] = OBJECTION_DOC_TYPES,
                     now: dt.datetime | None = None) -> dict[str, Any]:
    """One ``timeliness`` row for a posting, from plain rows (no database).

    ``doc`` has the ``documents`` columns, ``versions`` the ``versions`` rows in capture order,
    ``events`` the ``events`` rows; ``attachment_texts`` the current attachments' texts.
    ``baseline``: the posting was already online at its site's first crawl; ``previous_visit``: the
    date of the last successful visit of the site before first-seen.  ``early_removal`` is computed
    for ``objection_doc_types`` only (null for others; their window columns are still filled).
    """
    cal = calendar or default_calendar()
    publish = parse_iso_date(doc.get("publish_date"))
    first_seen = local_date(doc.get("first_seen_at"))
    body = (versions[-1].get("body_text") if versions else None) or ""
    texts = [body, *[t for t in attachment_texts if t]]
    context = publish or first_seen
    context_year = context.year if context else None
    row: dict[str, Any] = {
        "document_id": doc["id"], "site_id": doc.get("site_id"), "doc_type": doc.get("doc_type"),
        "publish_date": _iso(publish), "publish_date_source": doc.get("publish_date_source"),
        "first_seen_date": _iso(first_seen), "previous_visit_date": _iso(previous_visit),
        "baseline": int(baseline), "posting_lag_days": _days(first_seen, publish),
        "cms_lag_days": _days(first_seen, parse_iso_date(doc.get("cms_date"))),
        "stated_lag_days": _days(first_seen, parse_iso_date(doc.get("stated_date"))),
        "calendar_version": cal.version, "calendar_status": "ok", "tolerance_days": tolerance_days,
        "computed_at": now.isoformat() if now else None,
    }
    reasons, changed = _backdating(doc, versions, first_seen=first_seen, previous_visit=previous_visit,
                                   baseline=baseline, tolerance=tolerance_days)
    url_mention = url_date(doc.get("url"))
    row.update(backdated=int(bool(reasons)), backdated_reasons=json.dumps(reasons, ensure_ascii=False),
               date_changed=int(changed), url_date=_iso(url_mention.value) if url_mention else doc.get("url_date"),
               url_date_precision=url_mention.precision if url_mention else None,
               url_disagreement_days=_days(publish, url_mention.value) if url_mention and
               url_mention.precision == "day" else None)
    wrong = implausible_dates(doc, first_seen)
    row["implausible_dates"] = json.dumps(wrong, ensure_ascii=False) if wrong else None
    display, cms = parse_iso_date(doc.get("display_date")), parse_iso_date(doc.get("cms_date"))
    row.update(display_date=_iso(display), display_date_differs=int(display != cms) if display and cms else None)
    not_announced: list[str] = []
    _objection(row, texts, window_from(publish, reasons), first_seen, _removals(doc, events), doc, cal, not_announced)
    _fields(row, texts, publish, context_year, doc.get("doc_type"), cal, not_announced)
    if doc.get("doc_type") not in objection_doc_types:
        row["early_removal"] = row["early_removal_excluding_first_day"] = None
    if not_announced:
        row["calendar_status"] = max(not_announced)
    return {column: row.get(column) for column in TIMELINESS_COLUMNS}


def _objection(row: dict, texts: list[str], publish: dt.date | None, first_seen: dt.date | None,
               removals: tuple[dt.date | None, list[dt.date]], doc: Mapping[str, Any], cal: WorkingDayCalendar,
               not_announced: list[str]) -> None:
    """Objection-window columns and the observed window."""
    obj = None
    for text in texts:
        obj = parse_objection(text, publish_date=publish, calendar=cal)
        if obj.found:
            break
    if obj is None or not obj.found:
        row["objection_status"] = "no_window"
        return
    if obj.status.startswith("not_announced:"):
        not_announced.append(obj.status)
    row.update(objection_status=obj.status, objection_start=_iso(obj.start), objection_end=_iso(obj.end),
               objection_stated_start=_iso(obj.stated_start), objection_stated_end=_iso(obj.stated_end),
               objection_stated_length=obj.stated_length, objection_stated_unit=obj.stated_unit,
               objection_working_days=obj.working_days, objection_workdays_counted=obj.counted_working_days,
               objection_workdays_excluding_first=obj.counted_working_days_excluding_first,
               objection_meets_stated=None if obj.meets_stated_length is None else int(obj.meets_stated_length),
               objection_deadline=_iso(obj.deadline),
               objection_deadline_excluding_first_day=_iso(obj.deadline_excluding_first_day))
    removed, every_removal = removals
    last_seen = local_date(doc.get("last_seen_at"))
    observed_to, basis = (removed, "removed") if removed else (last_seen, "last_seen")
    row.update(observed_from=_iso(first_seen), observed_to=_iso(observed_to), observed_basis=basis,
               observed_window_days=_days(observed_to, first_seen))
    if first_seen and observed_to:
        try:
            row["observed_workdays"] = cal.count_workdays(first_seen, observed_to, include_first=True)
        except CalendarNotAnnounced as exc:
            not_announced.append(exc.status)
    first_removal = min(every_removal) if every_removal else None  # a removal later restored still counts
    excl = obj.deadline_excluding_first_day
    if first_removal:
        row["early_removal"] = int(first_removal <= obj.end) if obj.end else None
        row["early_removal_excluding_first_day"] = int(first_removal <= excl) if excl else None
        row["first_removed_date"] = _iso(first_removal)
    else:
        row["early_removal"] = 0 if obj.end else None
        row["early_removal_excluding_first_day"] = 0 if excl else None


def _fields(row: dict, texts: list[str], publish: dt.date | None, context_year: int | None,
            doc_type: str | None, cal: WorkingDayCalendar, not_announced: list[str]) -> None:
    """Acceptance and feedback lags and the other structured fields."""
    fields = extract_fields(texts, context_year=context_year)
    acceptance = parse_iso_date(fields["acceptance_date"])
    feedback = parse_iso_date(fields["feedback_date"])
    task = fields["task_number"]
    row.update(acceptance_date=_iso(acceptance), acceptance_lag_days=_days(publish, acceptance),
               feedback_date=_iso(feedback), feedback_date_redacted=int(fields["feedback_date_redacted"]),
               problem_count=fields["problem_count"], task_number=task["raw"] if task else None,
               responsible_units=fields["responsible_units"],
               deadline_schedule=json.dumps(fields["deadline_schedule"], ensure_ascii=False),
               objection_contact=json.dumps(fields["objection_contact"], ensure_ascii=False))
    if feedback and doc_type == "rectification_plan":
        row["feedback_lag_days"] = _days(publish, feedback)
        try:
            mark = cal.add_workdays(feedback, SUBMISSION_WORKDAYS, include_first=False)
            row["feedback_submission_mark"] = _iso(mark)
            if mark:
                row["feedback_disclosure_mark"] = _iso(cal.add_workdays(mark, DISCLOSURE_WORKDAYS,
                                                                        include_first=False))
            if publish:
                row["feedback_lag_workdays"] = cal.count_workdays(feedback, publish, include_first=False)
        except CalendarNotAnnounced as exc:
            not_announced.append(exc.status)

