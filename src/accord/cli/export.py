"""Exports for people and calendars: a printable list of agreements (Markdown), one session's
summary (Markdown), and review dates and rituals as an iCalendar file.

Everything a person typed is written literally: Markdown's special characters are escaped so
a name like ``*Sam*`` prints as typed, and text is kept on one line where the layout needs it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime

from accord.domain import lifecycle
from accord.domain.model import (
    KIND_TITLES,
    LAYER_TITLES,
    PARTNER_IDS,
    AgreementStatus,
    Landed,
    Layer,
    Status,
)
from accord.domain.session import REPAIR_FIELDS, RepairNotes, Session
from accord.domain.summary import minutes_and_seconds

_SPECIAL = set("\\`*_[]<>#|~")

#: Groups of the printable list, in order, with their headings.
STATUS_HEADINGS = (
    ("active", "Active"),
    ("kept", "Kept"),
    ("renegotiating", "Being renegotiated"),
    ("retired", "Retired"),
)
OUTCOME_WORDS = {"kept": "Kept", "adjusted": "Renegotiated", "retired": "Retired"}
LANDED_WORDS = {Landed.YES: "that's it", Landed.PARTLY: "partly", Landed.NO: "not quite"}
REPAIR_LABELS = {
    "feelings": "Felt",
    "account": "What happened, for them",
    "trigger": "What set it off",
    "owns": "What they own",
    "differently": "Next time",
}


def md(text: str) -> str:
    """``text`` on one line, with Markdown's special characters escaped."""
    flat = " ".join("".join(" " if ch < " " or ch == "\x7f" else ch for ch in text).split())
    return "".join("\\" + ch if ch in _SPECIAL else ch for ch in flat)


def _names(rows: Iterable[dict]) -> list[str]:
    seen: list[str] = []
    for row in rows:
        for name in row["confirmed_by"]:
            if name not in seen:
                seen.append(name)
    return seen


# -- the printable list ------------------------------------------------------------------


def agreements_markdown(rows: list[dict], today: date, *, everything: list[dict] | None = None,
                        title: str = "Our agreements") -> str:
    """A clean list grouped by status, to print and put on the fridge.

    ``rows`` come from :func:`accord.storage.views.agreement_rows` (already filtered);
    ``everything`` (all rows) lets "replaced by" name the new agreement."""
    whats = {row["id"]: row["what"] for row in (everything or rows)}
    lines = [f"# {title}", ""]
    names = _names(rows)
    byline = " & ".join(md(n) for n in names)
    lines += [f"{byline} · {today.isoformat()}" if byline else today.isoformat(), ""]
    if not rows:
        lines += ["Nothing here yet.", ""]
    for status, heading in STATUS_HEADINGS:
        group = [row for row in rows if row["status"] == status]
        if not group:
            continue
        lines += [f"## {heading}", ""]
        for row in group:
            lines += _agreement_lines(row, whats)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _agreement_lines(row: dict, whats: dict[str, str]) -> list[str]:
    out = [f"- **{md(row['what'])}**"]
    details = []
    if row["kind"] == "ritual" and row["rhythm"]:
        details.append(f"Ritual: {md(row['rhythm'])}")
    if row["who"]:
        details.append(f"Who: {md(row['who'])}")
    if row["when"]:
        details.append(f"When: {md(row['when'])}")
    if details:
        out.append("  - " + " · ".join(details))
    dates = []
    if row["starts"]:
        dates.append(f"Since {row['starts']}")
    if row["review_on"] and row["status"] in ("active", "kept"):
        dates.append(f"Review on {row['review_on']}")
    if dates:
        out.append("  - " + " · ".join(dates))
    if row["success"]:
        out.append(f"  - We'll know it works when: {md(row['success'])}")
    for review in row["reviews"]:
        note = f": {md(review['note'])}" if review["note"] else ""
        out.append(f"  - {OUTCOME_WORDS.get(review['outcome'], review['outcome'])} on "
                   f"{review['on']}{note}")
    if row["replaced_by"]:
        out.append(f"  - Replaced by: {md(whats.get(row['replaced_by'], row['replaced_by']))}")
    if row["replaces"]:
        out.append(f"  - Replaces: {md(whats.get(row['replaces'], row['replaces']))}")
    return out


# -- the calendar ------------------------------------------------------------------------

PRODID = "-//accord//agreements//EN"
_FREQ = {"daily": "DAILY", "weekly": "WEEKLY", "monthly": "MONTHLY"}


def agreements_ics(rows: list[dict], sessions: list[Session]) -> bytes:
    """Review dates, rituals (with a rhythm accord can count: daily, weekly, monthly) and the
    next planned check-in, as an iCalendar file. Each event keeps the same UID every time, so
    importing a newer file updates the events instead of adding copies."""
    from icalendar import Calendar, Event

    by_id = {a.id: (s, a) for s in sessions for a in s.agreements}
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "accord")

    def event(uid: str, day: date, summary: str, stamp: datetime, description: str = "",
              rrule: str | None = None) -> None:
        item = Event()
        item.add("uid", uid)
        item.add("dtstamp", stamp.astimezone(UTC))
        item.add("dtstart", day)
        item.add("summary", summary)
        if description:
            item.add("description", description)
        if rrule:
            item.add("rrule", {"freq": rrule})
        cal.add_component(item)

    for row in rows:
        if row["id"] not in by_id or row["status"] not in ("active", "kept"):
            continue
        session, agreement = by_id[row["id"]]
        about = "\n".join(part for part in (
            f"Who: {agreement.who}" if agreement.who else "",
            f"When: {agreement.when}" if agreement.when else "",
            f"We'll know it works when: {agreement.success}" if agreement.success else "",
        ) if part)
        rhythm = lifecycle.known_rhythm(agreement.rhythm)
        if agreement.kind == "ritual" and rhythm:
            event(f"{agreement.id}-ritual@accord", agreement.starts or session.created.date(),
                  agreement.what, session.updated, about, _FREQ[rhythm])
        if agreement.review_on is not None:
            event(f"{agreement.id}-review@accord", agreement.review_on,
                  f"Review together: {agreement.what}", session.updated, about)
    closed = [s for s in sessions if s.kind == "check-in" and s.status == Status.CLOSED
              and s.closed_at and s.next_checkin]
    if closed:
        latest = max(closed, key=lambda s: s.closed_at)
        event(f"{latest.id}-checkin@accord", latest.next_checkin, "Check-in together",
              latest.updated)
    return cal.to_ical()


# -- one session -------------------------------------------------------------------------


def _at(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M}"


def session_markdown(session: Session, *, whats: dict[str, str] | None = None) -> str:
    """One session's summary: topic, who, time-outs, what was heard (if the transcript was
    kept), notes of a check-in or repair, agreements and appreciations."""
    s = session
    whats = whats or {}
    names = " & ".join(md(s.name(pid)) for pid in PARTNER_IDS if pid in s.partners)
    lines = [f"# {md(s.topic) or KIND_TITLES.get(s.kind, s.kind)}", ""]
    lines.append(f"- Who: {names}")
    lines.append(f"- Kind: {KIND_TITLES.get(s.kind, s.kind)}")
    when = f"- Started {_at(s.created)}"
    if s.status == Status.CLOSED and s.closed_at:
        when += f", closed {_at(s.closed_at)}"
    else:
        when += f", {s.status.value} (last change {_at(s.updated)})"
    lines.append(when)
    if s.seeded_from:
        start = whats.get(s.seeded_from, s.seeded_from)
        lines.append(f"- Starting from the agreement: {md(start)}")
    for pid in PARTNER_IDS:
        if pid in s.partners and s.partners[pid].fighting_for:
            lines.append(f"- {md(s.name(pid))} is fighting for: "
                         f"{md(s.partners[pid].fighting_for)}")
    lines.append("")

    lines += ["## Time-outs", ""]
    if not s.timeouts:
        lines += ["None.", ""]
    for timeout in s.timeouts:
        text = f"- {_at(timeout.called_at)}, called by {md(s.name(timeout.called_by))}"
        if timeout.actual_return:
            text += f"; back at {timeout.actual_return:%H:%M}"
        else:
            text += f"; planned back at {timeout.planned_return:%H:%M}"
        if timeout.extra_minutes:
            text += f" ({timeout.extra_minutes} minutes added)"
        if timeout.outcome:
            text += f"; {timeout.outcome}"
        lines.append(text)
    if s.timeouts:
        lines.append("")

    heard = _heard(s)
    if heard:
        lines += ["## What was heard", ""] + heard

    issues = [i for i in s.issues if i.layer is not None]
    if issues:
        lines += ["## Issues", ""]
        for layer in Layer:
            for issue in (i for i in issues if i.layer == layer):
                note = f" — {md(issue.note)}" if issue.note else ""
                lines.append(f"- {LAYER_TITLES[layer]}: {md(issue.title)}{note}")
        lines.append("")

    lines += ["## Agreements", ""]
    agreed = s.agreed
    if not agreed:
        lines += ["None confirmed by both.", ""]
    for item in agreed:
        bits = [md(x) for x in (item.who, item.when) if x]
        if item.kind == "ritual" and item.rhythm:
            bits.insert(0, f"ritual, {md(item.rhythm)}")
        if item.review_on:
            bits.append(f"review on {item.review_on.isoformat()}")
        bits.append(item.status.value)
        lines.append(f"- **{md(item.what)}** ({'; '.join(bits)})")
        if item.success:
            lines.append(f"  - We'll know it works when: {md(item.success)}")
    drafts = sum(1 for a in s.agreements if a.status == AgreementStatus.DRAFT)
    if drafts:
        lines.append(f"- Not confirmed by both: {drafts}")
    if agreed or drafts:
        lines.append("")

    if s.reviewed:
        lines += ["## Reviewed", ""]
        for agreement_id, outcome in s.reviewed.items():
            what = md(whats.get(agreement_id, agreement_id))
            lines.append(f"- {what}: {OUTCOME_WORDS.get(outcome, outcome).lower()}")
        lines.append("")
    if s.next_checkin:
        lines += [f"Next check-in: {s.next_checkin.isoformat()}", ""]
    if s.appreciations:
        lines += ["## Appreciations", ""]
        for pid in PARTNER_IDS:
            if pid in s.appreciations:
                lines.append(f"- {md(s.name(pid))}: {md(s.appreciations[pid])}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _heard(s: Session) -> list[str]:
    if s.transcript_removed:
        return ["Only the agreements were kept; what was said was not saved.", ""]
    lines: list[str] = []
    for turn in s.turns:
        said = [st.text for st in turn.statements if st.text]
        if not said and not turn.reflections:
            continue
        speaker, listener = s.name(turn.speaker), s.name(s.other(turn.speaker))
        lines.append(f"**{md(speaker)}** ({minutes_and_seconds(turn.seconds)})")
        lines.append("")
        lines.append("\n>\n".join(f"> {md(text)}" for text in said))
        lines.append("")
        for reflection in turn.reflections:
            text = f"“{md(reflection.text)}”" if reflection.text else "said aloud"
            landed = (f" — {LANDED_WORDS[reflection.landed]}"
                      if reflection.landed is not None else "")
            lines.append(f"- {md(listener)} reflected: {text}{landed}")
        if turn.reflections:
            lines.append("")
    for key, heading in (("meaningful", "Most meaningful"), ("friction", "Friction")):
        table = getattr(s, key)
        if table:
            lines.append(f"{heading}:")
            lines.append("")
            lines += [f"- {md(s.name(pid))}: {md(table[pid])}" for pid in PARTNER_IDS
                      if pid in table]
            lines.append("")
    for pid in PARTNER_IDS:
        notes = s.repair.get(pid, RepairNotes())
        filled = [(f, getattr(notes, f)) for f in REPAIR_FIELDS if getattr(notes, f)]
        if filled:
            lines += [f"**{md(s.name(pid))}**", ""]
            other = md(s.name(s.other(pid)))
            lines += [f"- {other + ' reflected' if f == 'reflected' else REPAIR_LABELS[f]}: "
                      f"{md(v)}" for f, v in filled]
            lines.append("")
    return lines
