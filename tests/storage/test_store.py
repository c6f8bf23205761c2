"""The data folder: saving, loading, scanning, and never overwriting a file it cannot read."""

from __future__ import annotations

import stat
from datetime import timedelta
from pathlib import Path

import pytest
import tomli_w

from accord.domain import rules
from accord.domain.model import SCHEMA_VERSION, Couple, Status
from accord.storage import store as store_module
from accord.storage.codec import session_to_dict
from accord.storage.store import ScanResult, Store, UnreadableFile


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def write_toml(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(tomli_w.dumps(data), encoding="utf-8")


def test_save_then_load_gives_the_same_session(store, session_factory):
    session = session_factory()
    path = store.save(session)
    assert path == store.root / f"{session.id}.session.toml"
    assert store.load(session.id) == session
    assert Store(store.root).load(session.id) == session  # a fresh store reads it too


def test_files_are_private_and_the_folders_it_creates_too(tmp_path, session_factory):
    root = tmp_path / "new" / "nested" / "data"
    store = Store(root)
    path = store.save(session_factory())
    assert mode(path) == 0o600
    for folder in (root, root.parent, root.parent.parent):
        assert mode(folder) == 0o700, folder


def test_an_existing_folder_keeps_its_mode(tmp_path, session_factory):
    root = tmp_path / "shared"
    root.mkdir()
    root.chmod(0o755)
    Store(root).save(session_factory())
    assert mode(root) == 0o755


def test_saving_again_replaces_the_file_and_leaves_nothing_else(store, session_factory):
    session = session_factory(closed=False)
    store.save(session)
    rules.close_session(session, session.updated + timedelta(minutes=5))
    store.save(session)
    assert store.load(session.id).status == Status.CLOSED
    assert [p.name for p in store.root.iterdir()] == [f"{session.id}.session.toml"]


@pytest.mark.parametrize("bad_id", ["../escape", "a/b", "", "x.y", "with space", "..", "é"])
def test_session_ids_cannot_point_outside_the_folder(store, bad_id):
    with pytest.raises(ValueError, match="is not a session id"):
        store.session_path(bad_id)


def test_nothing_is_created_until_something_is_saved(tmp_path):
    root = tmp_path / "not-yet"
    store = Store(root)
    assert store.scan() == ScanResult([], [])
    assert store.paused() == []
    assert store.load_couple() == Couple()
    assert not root.exists()


# -- files that cannot be read ------------------------------------------------------------


def unreadable(store: Store, session_id: str) -> UnreadableFile:
    with pytest.raises(UnreadableFile) as caught:
        store.load(session_id)
    return caught.value


def test_a_missing_file_is_reported_by_name(store):
    problem = unreadable(store, "20240501-200000-abcd")
    assert problem.path == store.root / "20240501-200000-abcd.session.toml"
    assert problem.reason == "file not found"
    assert str(problem) == "20240501-200000-abcd.session.toml: file not found"


def test_bad_toml_is_reported_with_line_and_column(store):
    path = store.root / "broken.session.toml"
    store.ensure()
    path.write_text('schema = 1\nid = "broken"\ntopic = "unclosed\n', encoding="utf-8")
    problem = unreadable(store, "broken")
    assert problem.reason.startswith("not valid TOML: ")
    assert "line 3, column" in problem.reason
    assert str(problem).startswith("broken.session.toml: not valid TOML")


def test_a_file_that_is_not_utf8_is_reported(store):
    store.ensure()
    (store.root / "latin.session.toml").write_bytes(b'schema = 1\ntopic = "caf\xe9"\n')
    assert unreadable(store, "latin").reason == "not UTF-8 text (bad byte on line 2)"


def test_a_permission_error_is_reported(store, monkeypatch):
    store.ensure()
    (store.root / "locked.session.toml").write_text("schema = 1\n", encoding="utf-8")

    def no_access(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store_module, "open", no_access, raising=False)
    assert unreadable(store, "locked").reason == "permission denied"


def test_wrong_types_and_missing_fields_give_every_location(store, session_factory):
    session = session_factory()
    data = session_to_dict(session)
    data["turns"][0]["statements"][0]["text"] = 7
    del data["agreements"][0]["what"]
    write_toml(store.session_path(session.id), data)
    problem = unreadable(store, session.id)
    assert problem.problems == [
        "turns[0].statements[0].text: expected text, found integer",
        "agreements[0].what: missing (required)",
    ]
    assert problem.reason == "; ".join(problem.problems)


def test_a_newer_schema_is_reported(store, session_factory):
    session = session_factory()
    data = session_to_dict(session)
    data["schema"] = SCHEMA_VERSION + 1
    write_toml(store.session_path(session.id), data)
    assert unreadable(store, session.id).reason == (
        f"written by a newer accord (schema {SCHEMA_VERSION + 1}); "
        f"this one reads up to {SCHEMA_VERSION}"
    )


def test_an_unknown_key_is_reported_with_a_suggestion(store, session_factory):
    session = session_factory()
    data = session_to_dict(session)
    data["topc"] = "typo"
    write_toml(store.session_path(session.id), data)
    assert unreadable(store, session.id).reason == "topc: unknown key (did you mean 'topic'?)"


def test_a_file_whose_id_does_not_match_its_name_is_reported(store, session_factory):
    session = session_factory()
    write_toml(store.root / "other-name.session.toml", session_to_dict(session))
    assert "does not match its file name" in unreadable(store, "other-name").reason


BAD_CONTENTS = {
    "bad toml": b"schema = 1\nid = \n",
    "not utf-8": b"schema = 1\n\xff\xfe\n",
    "wrong types": b'schema = 1\nid = 5\n',
    "newer schema": b'schema = 99\nid = "x"\n',
}


@pytest.mark.parametrize("content", BAD_CONTENTS.values(), ids=BAD_CONTENTS.keys())
def test_save_never_overwrites_a_file_it_cannot_read(store, session_factory, content):
    session = session_factory()
    path = store.session_path(session.id)
    store.ensure()
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=r"\(not overwritten\)") as caught:
        store.save(session)
    assert caught.value.path == path
    assert path.read_bytes() == content
    assert [p.name for p in store.root.iterdir()] == [path.name]


def test_save_notices_a_file_damaged_after_it_was_read(store, session_factory):
    session = session_factory()
    path = store.save(session)
    store.load(session.id)
    path.write_text("this is not toml at all", encoding="utf-8")  # someone edits it badly
    with pytest.raises(UnreadableFile):
        store.save(session)
    assert path.read_text(encoding="utf-8") == "this is not toml at all"


def test_save_overwrites_a_good_file_written_by_someone_else(store, session_factory):
    session = session_factory()
    write_toml(store.session_path(session.id), session_to_dict(session))
    session.topic = "Changed"
    store.save(session)
    assert store.load(session.id).topic == "Changed"


# -- scanning ----------------------------------------------------------------------------


def test_scan_reads_good_files_newest_first_and_reports_every_bad_one(
    store, session_factory, paused_factory
):
    older = session_factory(topic="Older")
    newer = paused_factory(start=older.updated + timedelta(days=1))
    store.save(older)
    store.save(newer)
    (store.root / "bad-toml.session.toml").write_text("x = [", encoding="utf-8")
    (store.root / "newer-schema.session.toml").write_text("schema = 7\n", encoding="utf-8")
    (store.root / "no-id.session.toml").write_text("schema = 1\n", encoding="utf-8")
    (store.root / "notes.txt").write_text("not a session", encoding="utf-8")
    (store.root / ".x.session.toml.1234.tmp").write_text("left by a crash", encoding="utf-8")
    (store.root / "sub").mkdir()
    write_toml(store.root / "sub" / "deep.session.toml", session_to_dict(older))

    result = store.scan()
    assert [s.topic for s in result.sessions] == ["Money", "Older"]
    assert sorted(p.path.name for p in result.problems) == [
        "bad-toml.session.toml", "newer-schema.session.toml", "no-id.session.toml",
    ]
    reasons = {p.path.name: p.reason for p in result.problems}
    assert reasons["bad-toml.session.toml"].startswith("not valid TOML")
    assert reasons["newer-schema.session.toml"].startswith("written by a newer accord")
    assert "id: missing (required)" in reasons["no-id.session.toml"]
    assert [s.id for s in store.paused()] == [newer.id]


# -- the couple file ---------------------------------------------------------------------


def test_the_couple_round_trips_privately(store):
    couple = Couple(names=["Sam", "Alex"], safety_notice_seen=True)
    store.save_couple(couple)
    assert Store(store.root).load_couple() == couple
    assert mode(store.root / "couple.toml") == 0o600


def test_a_missing_couple_file_gives_defaults(store):
    assert store.load_couple() == Couple()
    assert store.couple_problem is None


def test_a_damaged_couple_file_gives_defaults_and_is_never_overwritten(store):
    store.ensure()
    path = store.root / "couple.toml"
    path.write_text("names = [", encoding="utf-8")
    assert store.load_couple() == Couple()
    assert store.couple_problem is not None
    assert store.couple_problem.path == path
    with pytest.raises(UnreadableFile, match="couple.toml: not valid TOML"):
        store.save_couple(Couple(names=["A", "B"]))
    assert path.read_text(encoding="utf-8") == "names = ["


def test_save_couple_refuses_a_damaged_file_even_without_loading_first(store):
    store.ensure()
    path = store.root / "couple.toml"
    path.write_text("schema = 5\n", encoding="utf-8")
    with pytest.raises(UnreadableFile, match="newer accord"):
        Store(store.root).save_couple(Couple())
    assert path.read_text(encoding="utf-8") == "schema = 5\n"
