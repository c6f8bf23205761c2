"""A summary of every session file, kept beside them so long histories open at once.

Reading thousands of session files takes seconds; the home screen, the agreements review and
``accord sessions|agreements`` only need a few lines from each. So each file's summary is
kept in ``.accord-index.json`` in the data folder with the file's signature (modification
time, size and inode). On every scan each file is looked at (``stat``, which is cheap): a file
whose signature matches its entry is not read again; a new, changed or renamed file is read
and summarised; an entry whose file is gone is dropped. The session files are the truth: the
index is only ever a copy, written atomically, and one that is missing, damaged, from another
version or unwritable is simply rebuilt (or done without). Nothing is ever lost with it.

A file changed within two seconds of being read is not trusted to the index (some file
systems keep modification times to the second or two), so it is read again next time.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from accord.domain.model import Session, Status
from accord.storage.atomic import write_atomic
from accord.storage.store import Store, UnreadableFile
from accord.storage.views import agreement_rows, session_rows

INDEX_FILE = ".accord-index.json"
VERSION = 1
RACY_NS = 2_000_000_000  # files this fresh are read again next time


def summarise(session: Session) -> dict:
    """What listings need from one session, as plain JSON-ready data."""
    when = session.paused_at or session.updated
    return {
        "row": session_rows([session])[0],
        "agreements": agreement_rows([session]),
        "names": [session.name("a"), session.name("b")],
        "when": f"{when:%a %d %b %H:%M}",
        "order": session.updated.timestamp(),
    }


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


def _valid(entry: object) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("sig"), list)
        and len(entry["sig"]) == 3
        and all(type(n) is int for n in entry["sig"])
        and isinstance(entry.get("row"), dict)
        and isinstance(entry.get("agreements"), list)
        and all(isinstance(row, dict) for row in entry["agreements"])
        and isinstance(entry.get("names"), list)
        and isinstance(entry.get("when"), str)
        and isinstance(entry.get("order"), (int, float))
    )


class Index:
    """The summary index of one data folder."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.path = Path(store.root) / INDEX_FILE

    def _read(self) -> dict[str, dict]:
        """The entries on disk; anything wrong with the file means starting afresh."""
        try:
            with open(self.path, "rb") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != VERSION:
            return {}
        entries = data.get("files")
        if not isinstance(entries, dict):
            return {}
        return {name: entry for name, entry in entries.items() if _valid(entry)}

    def _write(self, entries: dict[str, dict]) -> None:
        data = json.dumps({"version": VERSION, "files": entries}, ensure_ascii=False,
                          separators=(",", ":"))
        try:
            write_atomic(self.path, data.encode("utf-8"))
        except OSError:
            pass  # a read-only folder: work without the index

    def scan(self) -> IndexScan:
        """Summaries of every session file, reading only the files that changed."""
        result = IndexScan()
        try:
            paths = sorted(self.store.root.glob(f"*{Store.SESSION_SUFFIX}"))
        except OSError:
            return result
        old = self._read()
        new: dict[str, dict] = {}
        changed = False
        found: list[tuple[str, dict]] = []
        for path in paths:
            try:
                stat = os.stat(path)
            except OSError:
                stat = None
            sig = [stat.st_mtime_ns, stat.st_size, stat.st_ino] if stat else None
            entry = old.get(path.name)
            if sig is not None and entry is not None and entry["sig"] == sig:
                new[path.name] = entry
                found.append((path.name, entry))
                continue
            changed = True
            now = time.time_ns()
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
        if changed or len(new) != len(old):
            self._write(new)
        found.sort(key=lambda item: item[1]["order"], reverse=True)
        result.summaries = [entry for _, entry in found]
        return result
