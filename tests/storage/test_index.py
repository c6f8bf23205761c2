"""The summary index: same rows as reading every file, rebuilt whenever it cannot be trusted."""

from __future__ import annotations

import json
import os
from datetime import timedelta

import pytest
from tests.conftest import T0, build_paused, build_session

from accord.storage import index as index_module
from accord.storage.index import INDEX_FILE, Index, decode, encode
from accord.storage.views import agreement_rows, session_rows

OLD = 1_600_000_000  # a modification time long past, so entries can be trusted


def age(path, seconds: int = 0) -> None:
    os.utime(path, (OLD + seconds, OLD + seconds))


def fill(store, count: int = 4) -> list:
    sessions = []
    for n in range(count):
        start = T0 + timedelta(days=n)
        session = (build_paused(start=start) if n % 2 else
                   build_session(start=start, topic=f"Topic {n}"))
        age(store.save(session), n)
        sessions.append(session)
    return sessions


def direct(store) -> tuple[list, list, list]:
    scan = store.scan()
    return session_rows(scan.sessions), agreement_rows(scan.sessions), scan.problems


def assert_same_as_reading_everything(store) -> None:
    scan = Index(store).scan()
    sessions, agreements, problems = direct(store)
    assert scan.session_rows() == sessions
    assert scan.agreement_rows() == agreements
    assert [str(p) for p in scan.problems] == [str(p) for p in problems]


def stored_entries(store) -> dict[str, dict]:
    version, entries, damaged = decode((store.root / INDEX_FILE).read_bytes())
    assert version == index_module.VERSION and not damaged
    return entries


def store_entries(store, entries: dict[str, dict]) -> None:
    (store.root / INDEX_FILE).write_bytes(encode(entries))


@pytest.fixture
def reads(store, monkeypatch):
    """How many session files were parsed."""
    counted = []
    original = store.load_path

    def load_path(path):
        counted.append(path.name)
        return original(path)

    monkeypatch.setattr(store, "load_path", load_path)
    return counted


def test_rows_match_reading_every_file(store):
    fill(store, 5)
    assert_same_as_reading_everything(store)  # builds the index
    assert_same_as_reading_everything(store)  # uses it
    assert (store.root / INDEX_FILE).exists()


def test_second_scan_reads_nothing(store, reads):
    fill(store, 3)
    Index(store).scan()
    assert len(reads) == 3
    reads.clear()
    scan = Index(store).scan()
    assert reads == []
    assert len(scan.summaries) == 3


def test_resumable_are_the_unclosed_newest_first(store):
    sessions = fill(store, 4)
    ids = [s["row"]["id"] for s in Index(store).scan().resumable()]
    assert ids == [sessions[3].id, sessions[1].id]


def test_file_changed_outside_the_app_is_read_again(store, reads):
    sessions = fill(store, 2)
    Index(store).scan()
    path = store.session_path(sessions[0].id)
    text = path.read_text(encoding="utf-8").replace("Topic 0", "Topic X")
    path.write_text(text, encoding="utf-8")  # same size, same inode, new time
    age(path, 100)
    reads.clear()
    scan = Index(store).scan()
    assert reads == [path.name]
    assert "Topic X" in [row["topic"] for row in scan.session_rows()]
    assert_same_as_reading_everything(store)


def test_deleted_and_added_files(store):
    sessions = fill(store, 3)
    Index(store).scan()
    store.session_path(sessions[0].id).unlink()
    extra = build_session(start=T0 + timedelta(days=30), topic="Added later")
    age(store.save(extra), 50)
    scan = Index(store).scan()
    ids = {row["id"] for row in scan.session_rows()}
    assert sessions[0].id not in ids and extra.id in ids
    assert store.session_path(sessions[0].id).name not in stored_entries(store)
    assert_same_as_reading_everything(store)


@pytest.mark.parametrize("damage", [
    b"", b"{not json", b"\xff\xfe", b"[]", b'{"version": 99, "files": {}}',
    b'{"version": 2, "files": []}', b'{"version": 1, "files": {}}', b'{"version": 3}\n[',
    b'{"version": true}', b'{"version": 3}\n{}\n["a"]\n[1, {}]',
])
def test_damaged_index_is_rebuilt(store, damage):
    fill(store, 3)
    Index(store).scan()
    (store.root / INDEX_FILE).write_bytes(damage)
    assert_same_as_reading_everything(store)
    assert len(stored_entries(store)) == 3


def test_one_damaged_line_costs_only_its_files_a_read(store, reads, monkeypatch):
    monkeypatch.setattr(index_module, "LINE_FILES", 1)  # so a line is one file here
    sessions = fill(store, 3)
    Index(store).scan()
    path = store.root / INDEX_FILE
    lines = path.read_bytes().split(b"\n")
    name = store.session_path(sessions[1].id).name
    (hit,) = [n for n, line in enumerate(lines) if name.encode() in line]
    lines[hit] = lines[hit][: len(lines[hit]) // 2]  # cut short, as a bad disk might
    path.write_bytes(b"\n".join(lines))
    reads.clear()
    Index(store).scan()
    assert reads == [name]
    assert_same_as_reading_everything(store)
    assert len(stored_entries(store)) == 3  # and the index is whole again


@pytest.mark.parametrize("per_line, lines", [(1, 5), (2, 3), (50, 1)])
def test_the_file_is_lines_of_a_few_sessions_each(store, monkeypatch, per_line, lines):
    monkeypatch.setattr(index_module, "LINE_FILES", per_line)
    fill(store, 5)
    Index(store).scan()
    head, *rest = (store.root / INDEX_FILE).read_bytes().split(b"\n")
    assert json.loads(head) == {"version": index_module.VERSION}
    assert len(rest) == lines
    assert sorted(name for line in rest for name in json.loads(line)) == sorted(
        p.name for p in store.root.glob("*.session.toml"))
    assert len(stored_entries(store)) == 5


def test_damaged_entries_are_read_from_the_files(store, reads):
    sessions = fill(store, 2)
    Index(store).scan()
    entries = stored_entries(store)
    name = store.session_path(sessions[1].id).name
    entries[name]["agreements"] = "nonsense"
    store_entries(store, entries)
    reads.clear()
    Index(store).scan()
    assert reads == [name]
    assert_same_as_reading_everything(store)


def test_lying_index_is_not_believed_when_the_file_differs(store):
    """An entry whose signature does not match its file is never used, whatever it says."""
    sessions = fill(store, 1)
    Index(store).scan()
    entries = stored_entries(store)
    (entry,) = entries.values()
    entry["row"]["topic"] = "Made up"
    entry["sig"][1] += 1
    store_entries(store, entries)
    scan = Index(store).scan()
    assert [row["topic"] for row in scan.session_rows()] == [sessions[0].topic]


def test_unreadable_file_is_reported_every_time_and_never_touched(store):
    fill(store, 2)
    bad = store.root / "20240101-000000-dead.session.toml"
    bad.write_bytes(b"this is = not [valid")
    age(bad)
    for _ in range(2):
        scan = Index(store).scan()
        assert [p.path.name for p in scan.problems] == [bad.name]
        assert len(scan.summaries) == 2
    assert bad.read_bytes() == b"this is = not [valid"


def test_fresh_files_are_not_trusted_to_the_index(store, reads):
    session = build_session()
    store.save(session)  # modified just now
    Index(store).scan()
    reads.clear()
    Index(store).scan()
    assert reads == [store.session_path(session.id).name]


def test_a_fresh_file_alone_does_not_rewrite_the_index(store, monkeypatch):
    """The session being saved right now is read on each scan, but the index (which will
    not keep it yet) is not written again for it; a change to what it keeps still is."""
    sessions = fill(store, 3)
    Index(store).scan()
    writes = []
    write_atomic = index_module.write_atomic
    monkeypatch.setattr(index_module, "write_atomic",
                        lambda path, data: (writes.append(path), write_atomic(path, data)))
    fresh = build_session(start=T0 + timedelta(days=9), topic="Just now")
    store.save(fresh)
    for _ in range(2):
        scan = Index(store).scan()
        assert "Just now" in [row["topic"] for row in scan.session_rows()]
    assert writes == []
    sessions[0].topic = "Changed"
    age(store.save(sessions[0]), 50)
    assert "Changed" in [row["topic"] for row in Index(store).scan().session_rows()]
    assert len(writes) == 1
    store.session_path(sessions[1].id).unlink()
    Index(store).scan()
    assert len(writes) == 2
    assert_same_as_reading_everything(store)


def test_scans_never_change_session_files(store):
    fill(store, 3)
    before = {p.name: p.read_bytes() for p in store.root.glob("*.session.toml")}
    for _ in range(2):
        Index(store).scan()
    after = {p.name: p.read_bytes() for p in store.root.glob("*.session.toml")}
    assert before == after


def test_works_when_the_index_cannot_be_written(store, monkeypatch):
    fill(store, 2)

    def refuse(path, data):
        raise PermissionError("read-only")

    monkeypatch.setattr(index_module, "write_atomic", refuse)
    assert_same_as_reading_everything(store)
    assert not (store.root / INDEX_FILE).exists()


def test_missing_folder(store):
    scan = Index(store).scan()
    assert scan.summaries == [] and scan.problems == []
    assert not store.root.exists()


@pytest.mark.parametrize("version, rereads", [(1, 2), (2, 0)])
def test_an_index_from_an_earlier_version(store, reads, version, rereads):
    """Version 1 entries lack what the agreements review needs, so they are never used: every
    file is read again. Version 2 held the same entries as now in one document: they are
    used as they are, and the file is rewritten line by line."""
    fill(store, 2)
    Index(store).scan()
    entries = stored_entries(store)
    (store.root / INDEX_FILE).write_text(json.dumps({"version": version, "files": entries}),
                                         encoding="utf-8")
    reads.clear()
    Index(store).scan()
    assert len(reads) == rereads
    assert stored_entries(store) == entries
    assert_same_as_reading_everything(store)


def test_due_and_next_checkin_match_the_domain(store):
    from datetime import date

    from accord.domain import lifecycle

    sessions = fill(store, 4)
    c = build_session(start=T0 + timedelta(days=5), topic="Check")
    c.kind = "check-in"
    c.next_checkin = date(2024, 5, 8)
    age(store.save(c), 7)
    sessions.append(c)
    scan = Index(store).scan()
    for today in (T0.date(), T0.date() + timedelta(days=20), T0.date() + timedelta(days=400)):
        due, upcoming = lifecycle.due(sessions, today)
        rows_due, rows_upcoming = scan.due(today)
        assert [(d.session.id, d.agreement.id) for d in due] == [
            (r["session"], r["id"]) for r in rows_due]
        assert [(d.session.id, d.agreement.id) for d in upcoming] == [
            (r["session"], r["id"]) for r in rows_upcoming]
    assert scan.next_checkin() == lifecycle.next_checkin(sessions)


def test_one_index_kept_in_memory_still_sees_changes(store, reads):
    """An app keeps one Index; a file changed by anyone else is still read again."""
    sessions = fill(store, 2)
    kept = Index(store)
    kept.scan()
    reads.clear()
    assert kept.scan().summaries and reads == []
    path = store.session_path(sessions[0].id)
    path.write_text(path.read_text(encoding="utf-8").replace("Topic 0", "Topic Y"),
                    encoding="utf-8")
    age(path, 200)
    Index(store).scan()  # another program rewrites the index meanwhile
    reads.clear()
    scan = kept.scan()
    assert reads == []  # the other program's index already has the new summary
    assert "Topic Y" in [row["topic"] for row in scan.session_rows()]
    (store.root / INDEX_FILE).write_bytes(b"{broken")
    assert_same_as_reading_everything(store)
    assert "Topic Y" in [row["topic"] for row in kept.scan().session_rows()]
