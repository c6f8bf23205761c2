"""A summary of every session file, kept beside them so long histories open at once.

Reading thousands of session files takes seconds; the home screen, the agreements review and
``accord sessions|agreements`` only need a few lines from each. So each file's summary is
kept in ``.accord-index.json`` in the data folder with the file's signature (modification
time, size and inode). On every scan each file is looked at (``stat``, which is cheap): a file
whose signature matches its entry is not read again; a new, changed or renamed file is read
and summarised; an entry whose file is gone is dropped. The session files are the truth: the
index is only ever a copy, written atomically, and one that is missing, damaged, from another
version or unwritable is simply rebuilt (or done without). Nothing is ever lost with it.

The file is JSON lines: a first line with the format's version, then the entries, up to
``LINE_FILES`` session files to a line (``{name: entry, ...}``), so that reading it in a thread
gives the UI thread its turn between lines instead of holding the interpreter for the whole
file (13 MB at 5,000 sessions). A line of several files shares its key strings, as one
document does (a line per file took 12 MB more at 5,000 sessions). A line that cannot be read
only costs its files a fresh read. The previous version (one JSON document) is still read,
and rewritten in this form.

A file changed within two seconds of being read is not trusted to the index (some file
systems keep modification times to the second or two), so it is read again next time.

One :class:`Index` kept by a running app also keeps the entries it last read or wrote in
memory, with the index file's own signature: while that file is unchanged a rescan only
``stat``s the session files. Scans may run in threads; one Index scans one at a time.
"""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from accord.domain.lifecycle import REVIEWABLE, UPCOMING_DAYS, split_due
from accord.domain.model import Status
from accord.domain.session import Session
from accord.storage.atomic import write_atomic
from accord.storage.store import Store, UnreadableFile, file_signature
from accord.storage.views import agreement_rows, session_rows

INDEX_FILE = ".accord-index.json"
VERSION = 3  # 2: what the agreements review and the home screen's due list need; 3: JSON lines
READABLE = (2, 3)  # version 2 entries are the same as version 3's, in one JSON document
RACY_NS = 2_000_000_000  # files this fresh are read again next time
LINE_FILES = 50  # session files to a line of the index file


def summarise(session: Session) -> dict:
    """What listings need from one session, as plain JSON-ready data."""
    when = session.paused_at or session.updated
    agreements = agreement_rows([session])
    names = [session.name("a"), session.name("b")]
    return {
        "row": session_rows([session])[0],
        "agreements": agreements,
        "search": [search_text(row, names) for row in agreements],
        "names": names,
        "when": f"{when:%a %d %b %H:%M}",
        "order": session.updated.timestamp(),
        "seeded_from": session.seeded_from,
        "closed_at": session.closed_at.isoformat() if session.closed_at else "",
        "next_checkin": session.next_checkin.isoformat() if session.next_checkin else "",
    }


def search_text(row: dict, names: list[str]) -> str:
    """What a search in the agreements review looks through for one agreement row,
    case-folded: what, who, when, rhythm, how it works, topic, issue and both names."""
    words = (row["what"], row["who"], row["when"], row["rhythm"], row["success"],
             row["topic"], row["issue"], *names)
    return " ".join(words).casefold()


@dataclass
class IndexScan:
    """Every readable session's summary, newest ``updated`` first, and what could not be read."""

    summaries: list[dict] = field(default_factory=list)
    problems: list[UnreadableFile] = field(default_factory=list)

    def session_rows(self) -> list[dict]:
        """Exactly :func:`accord.storage.views.session_rows` of every session."""
        return [summary["row"] for summary in self.summaries]

    def agreement_rows(self) -> list[dict]:
        """Exactly :func:`accord.storage.views.agreement_rows` of every session."""
        rows = [row for summary in self.summaries for row in summary["agreements"]]
        rows.sort(key=lambda row: (row["review_on"] == "", row["review_on"], row["session"]))
        return rows

    def resumable(self) -> list[dict]:
        """Sessions that were paused or cut off before they could pause, newest first."""
        return [s for s in self.summaries if s["row"]["status"] != Status.CLOSED.value]

    def due(self, today: date, upcoming_days: int = UPCOMING_DAYS) -> tuple[list[dict],
                                                                              list[dict]]:
        """Like :func:`accord.domain.lifecycle.due`, as agreement rows: those whose review
        date has come, and those within ``upcoming_days``, each soonest first."""
        day, horizon = today.isoformat(), (today + timedelta(days=upcoming_days)).isoformat()
        dated = (row for summary in self.summaries for row in summary["agreements"]
                 if row["status"] in REVIEWABLE and row["review_on"])
        return split_due(dated, lambda row: (row["review_on"], row["id"]), day, horizon)

    def next_checkin(self) -> date | None:
        """Like :func:`accord.domain.lifecycle.next_checkin`: the check-in date planned at
        the latest closed check-in, if any."""
        closed = [s for s in self.summaries if s["row"]["kind"] == "check-in"
                  and s["row"]["status"] == Status.CLOSED.value and s["closed_at"]]
        if not closed:
            return None
        planned = max(closed, key=lambda s: datetime.fromisoformat(s["closed_at"]))
        return date.fromisoformat(planned["next_checkin"]) if planned["next_checkin"] else None


def _valid(entry: object) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("sig"), list)
        and len(entry["sig"]) == 3
        and all(type(n) is int for n in entry["sig"])
        and isinstance(entry.get("row"), dict)
        and isinstance(entry.get("agreements"), list)
        and all(isinstance(row, dict) for row in entry["agreements"])
        and isinstance(entry.get("search"), list)
        and len(entry["search"]) == len(entry["agreements"])
        and all(isinstance(text, str) for text in entry["search"])
        and isinstance(entry.get("names"), list)
        and isinstance(entry.get("when"), str)
        and isinstance(entry.get("order"), (int, float))
        and all(isinstance(entry.get(key), str)
                for key in ("seeded_from", "closed_at", "next_checkin"))
    )


def encode(entries: dict[str, dict]) -> bytes:
    """The index file's bytes for these entries (keyed by session file name)."""
    lines = [json.dumps({"version": VERSION})]
    items = list(entries.items())
    lines.extend(json.dumps(dict(items[at:at + LINE_FILES]), ensure_ascii=False,
                            separators=(",", ":"))
                 for at in range(0, len(items), LINE_FILES))
    return "\n".join(lines).encode("utf-8")


def decode(raw: bytes) -> tuple[int | None, dict[str, dict], bool]:
    """The version, the valid entries and whether any line or entry was damaged, from an
    index file's bytes; a file from an unknown version, or not an index at all, gives no
    entries."""
    lines = raw.split(b"\n")
    try:
        head = json.loads(lines[0])
    except ValueError:
        return None, {}, True
    version = head.get("version") if isinstance(head, dict) else None
    if version not in READABLE or type(version) is not int:
        return None, {}, True
    if version == 2:
        files = head.get("files")
        if not isinstance(files, dict) or len(lines) != 1:
            return None, {}, True
        parts = [files]
    else:
        parts = []
        for line in lines[1:]:  # one at a time: a thread reading this lets the UI run
            try:
                part = json.loads(line)
            except ValueError:
                part = None
            parts.append(part if isinstance(part, dict) else None)
    entries = {name: entry for part in parts if part is not None
               for name, entry in part.items() if _valid(entry)}
    damaged = None in parts or len(entries) != sum(len(part) for part in parts if part)
    return version, entries, damaged


class Index:
    """The summary index of one data folder."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.path = Path(store.root) / INDEX_FILE
        # The entries last read or written, with the index file's signature at that time.
        self._memory: tuple[tuple[int, int, int], dict[str, dict]] | None = None
        self._lock = threading.Lock()

    def _read(self) -> tuple[dict[str, dict], bool]:
        """The entries on disk, and whether the file is in this version's form; anything
        wrong with the file means starting afresh."""
        signature = file_signature(self.path)
        if self._memory is not None and signature == self._memory[0]:
            return self._memory[1], True
        try:
            with open(self.path, "rb") as handle:
                raw = handle.read()
        except OSError:
            return {}, True  # none yet (or none to be had): nothing to put right
        version, entries, damaged = decode(raw)
        current = version == VERSION and not damaged
        if signature is not None and current:
            self._memory = (signature, entries)
        return entries, current

    def _write(self, entries: dict[str, dict]) -> None:
        try:
            write_atomic(self.path, encode(entries))
        except OSError:
            self._memory = None
            return  # a read-only folder: work without the index
        signature = file_signature(self.path)
        self._memory = (signature, entries) if signature is not None else None

    def scan(self) -> IndexScan:
        """Summaries of every session file, reading only the files that changed."""
        with self._lock:
            return self._scan()

    def _scan(self) -> IndexScan:
        result = IndexScan()
        root = self.store.root
        try:  # names and stat() from one listing: cheap even for thousands of files
            with os.scandir(root) as listing:
                files = sorted((item.name, item) for item in listing
                               if item.name.endswith(Store.SESSION_SUFFIX))
        except OSError:
            return result
        old, current = self._read()
        new: dict[str, dict] = {}
        changed = not current
        found: list[tuple[str, dict]] = []
        for name, item in files:
            try:
                stat = item.stat()
            except OSError:
                stat = None
            sig = [stat.st_mtime_ns, stat.st_size, stat.st_ino] if stat else None
            entry = old.get(name)
            if sig is not None and entry is not None and entry["sig"] == sig:
                new[name] = entry
                found.append((name, entry))
                continue
            now = time.time_ns()
            path = root / name
            try:
                session = self.store.load_path(path)
            except UnreadableFile as problem:
                result.problems.append(problem)
                continue
            entry = summarise(session)
            entry["sig"] = sig
            found.append((path.name, entry))
            if sig is not None and now - sig[0] > RACY_NS:
                new[path.name] = entry
                changed = True
        # Written only when what it keeps changed: a file too fresh to keep (the session being
        # saved right now, say) is read on each scan, but is no reason to rewrite the index.
        if changed or new.keys() != old.keys():
            self._write(new)
        found.sort(key=lambda item: item[1]["order"], reverse=True)
        result.summaries = [entry for _, entry in found]
        return result
