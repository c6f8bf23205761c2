"""Sessions to TOML and back: exact round trips, readable layout, and strict, located errors."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, timedelta

import pytest
import tomli_w
from tests.conftest import pretend_schema_version

from accord.domain import rules
from accord.domain.model import SCHEMA_VERSION, Couple, Layer, Step
from accord.storage.codec import UPGRADES, SchemaError, session_from_dict, session_to_dict
from accord.storage.couple_codec import COUPLE_UPGRADES, couple_from_dict, couple_to_dict


def through_toml(session):
    """What a session looks like after being written to TOML text and read back."""
    text = tomli_w.dumps(session_to_dict(session), multiline_strings=True)
    return session_from_dict(tomllib.loads(text))


def dumped(session) -> dict:
    """A session's file contents as freshly parsed TOML, ready to be damaged by a test."""
    return tomllib.loads(tomli_w.dumps(session_to_dict(session)))


def problems_of(data: dict) -> list[str]:
    with pytest.raises(SchemaError) as caught:
        session_from_dict(data)
    return caught.value.problems


def test_a_whole_session_survives_the_round_trip(session_factory):
    session = session_factory(closed=False)
    assert through_toml(session) == session


def test_a_closed_session_survives_the_round_trip(session_factory):
    session = session_factory(closed=True)
    back = through_toml(session)
    assert back == session
    assert [a.status.value for a in back.agreements] == ["active", "active", "draft"]
    assert back.turns[0].reflections[1].said_aloud is True
    assert back.issues[0].layer is Layer.FOUNDATION


def test_a_paused_session_keeps_its_draft_and_floor(paused_factory):
    session = paused_factory()
    back = through_toml(session)
    assert back == session
    assert back.floor.draft == "You worry ab"
    assert back.floor.holder == "b"
    assert back.paused_at == session.paused_at


def test_a_session_with_removed_transcript_round_trips(session_factory):
    session = session_factory(closed=False)
    session.settings.keep_transcript = False
    rules.close_session(session, session.updated + timedelta(minutes=1))
    back = through_toml(session)
    assert back == session
    assert back.transcript_removed is True
    assert back.turns[0].statements[0].text == ""


HOSTILE = [
    "[bold]Sam[/bold]",
    "[link=https://example.com]click[/link] :smile:",
    'She said "no" and \'maybe\' \\ back\\slash',
    "line one\nline two\n\nline four",
    "tab\there, lone carriage return\r, DEL\x7f, bell\x07, nul\x00, escape\x1b[31m",
    "emoji 💔🫶🏽 and combining é and RTL שלום and wide 漢字",
    '"""triple quotes""" and \'\'\'triple singles\'\'\'',
    "key = \"value\"\n[table]\n[[array]]",
    "   leading and trailing spaces   ",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_comes_back_exactly(session_factory, text):
    session = session_factory(names=(text, "Alex"), topic=text, closed=False, text=text)
    session.floor.draft = text
    session.appreciations["b"] = text
    back = through_toml(session)
    assert back.partners["a"].name == text.strip()  # the rules trim names and topics
    assert back.topic == text.strip()
    assert back.turns[0].statements[0].text == text.strip()
    assert back.floor.draft == text
    assert back.appreciations["b"] == text
    assert back == session


def test_windows_line_endings_are_stored_as_plain_newlines(session_factory):
    session = session_factory(closed=False)
    session.floor.draft = "one\r\ntwo"
    assert through_toml(session).floor.draft == "one\ntwo"


def test_a_one_megabyte_statement_round_trips(session_factory):
    big = ("All of this matters to me. " * 40_000)[:1_000_000] + "🙂"
    session = session_factory(closed=False, text=big)
    back = through_toml(session)
    assert back.turns[0].statements[0].text == big.strip()


def test_layout_is_readable_and_in_order(session_factory):
    text = tomli_w.dumps(session_to_dict(session_factory(closed=True)))
    keys = [line.split(" =")[0] for line in text.splitlines()[:11]]
    assert keys == ["schema", "id", "kind", "status", "step", "topic", "created", "updated",
                    "closed_at", "transcript_removed", ""]
    for header in ("[partners.a]", "[partners.b]", "[settings]", "[preparation.a]", "[floor]",
                   "[[turns]]", "[[turns.statements]]", "[[timeouts]]", "[[issues]]",
                   "[[agreements]]", "[appreciations]"):
        assert f"\n{header}\n" in text, header
    assert text.index("[partners.a]") < text.index("[[turns]]") < text.index("[[agreements]]")


def test_none_and_empty_optional_values_are_left_out_but_schema_never(paused_factory):
    data = session_to_dict(paused_factory())
    assert data["schema"] == SCHEMA_VERSION
    assert "closed_at" not in data
    assert "since" not in data["floor"]  # the clock is stopped while paused
    assert "fighting_for" not in data["partners"]["a"]
    assert "agreements" not in data and "appreciations" not in data
    assert "analysis" not in data["turns"][0]["statements"][0]
    assert "landed" not in data["turns"][0].get("reflections", [{}])[0]


def test_enums_layers_and_dates_are_plain_values(session_factory):
    data = session_to_dict(session_factory(closed=True))
    assert data["status"] == "closed" and type(data["status"]) is str
    assert [i.get("layer") for i in data["issues"]] == [1, 2, 3, None]
    assert type(data["issues"][0]["layer"]) is int
    assert str(data["agreements"][1]["starts"]) == "2024-05-05"
    assert data["turns"][0]["reflections"][0]["landed"] == "partly"


def test_datetimes_are_written_with_an_offset_and_whole_seconds(session_factory):
    session = session_factory(closed=False)
    session.updated = datetime(2024, 5, 1, 22, 30, 15, 987654)  # naive: taken as local time
    session.created = datetime(2024, 5, 1, 20, 0, 1, 500, tzinfo=UTC)
    data = session_to_dict(session)
    assert data["updated"].tzinfo is not None
    assert data["updated"].microsecond == 0
    assert data["updated"] == session.updated.astimezone().replace(microsecond=0)
    assert data["created"] == datetime(2024, 5, 1, 20, 0, 1, tzinfo=UTC)
    assert "2024-05-01 20:00:01+00:00" in tomli_w.dumps(data)


def test_analysis_is_kept_as_is_without_nulls(session_factory):
    session = session_factory(closed=False)
    statement = session.turns[0].statements[0]
    statement.analysis = {"feelings": ["hurt", "tired"], "count": 3, "absolute": True,
                          "nested": {"a": [1, 2]}, "nothing": None}
    back = through_toml(session).turns[0].statements[0].analysis
    assert back == {"feelings": ["hurt", "tired"], "count": 3, "absolute": True,
                    "nested": {"a": [1, 2]}}


# -- reading strictly ---------------------------------------------------------------------


def test_a_wrong_type_deep_inside_is_reported_with_its_location(session_factory):
    data = dumped(session_factory())
    data["turns"][1]["statements"][0]["text"] = 42
    assert problems_of(data) == ["turns[1].statements[0].text: expected text, found integer"]


def test_every_problem_is_collected_before_raising(session_factory):
    data = dumped(session_factory())
    del data["id"]
    data["created"] = "yesterday"
    data["step"] = "tlk"
    data["stpe"] = "talk"
    data["partners"]["b"]["name"] = True
    data["agreements"][0]["review_on"] = data["created"]
    data["issues"][2]["layer"] = 4
    data["settings"]["turn_seconds"] = 1.5
    problems = problems_of(data)
    assert "id: missing (required)" in problems
    assert "created: expected date-time (like 2024-05-01T20:15:00+02:00), found text" in problems
    assert ("step: unknown value 'tlk'; expected one of setup, prepare, talk, sort, agree, "
            "close, done (did you mean 'talk'?)") in problems
    assert "stpe: unknown key (did you mean 'step'?)" in problems
    assert "partners.b.name: expected text, found true/false" in problems
    assert "agreements[0].review_on: expected date (like 2024-05-01), found text" in problems
    assert "issues[2].layer: unknown value 4; expected one of 1, 2, 3" in problems
    assert "settings.turn_seconds: expected integer, found decimal number" in problems
    assert len(problems) == 8


def test_unknown_keys_in_nested_tables_suggest_a_near_match(session_factory):
    data = dumped(session_factory())
    data["turns"][0]["reflections"][0]["landd"] = "yes"
    data["floor"]["holdr"] = "a"
    data["agreements"][1]["colour"] = "red"
    problems = problems_of(data)
    assert "turns[0].reflections[0].landd: unknown key (did you mean 'landed'?)" in problems
    assert "floor.holdr: unknown key (did you mean 'holder'?)" in problems
    assert "agreements[1].colour: unknown key" in problems


def test_missing_required_fields_are_named(session_factory):
    data = dumped(session_factory())
    del data["partners"]["b"]
    del data["turns"][0]["speaker"]
    del data["agreements"][0]["what"]
    problems = problems_of(data)
    assert "partners.b: missing (required)" in problems
    assert "turns[0].speaker: missing (required)" in problems
    assert "agreements[0].what: missing (required)" in problems


def test_partner_ids_and_references_are_checked(session_factory):
    data = dumped(session_factory())
    data["turns"][0]["speaker"] = "c"
    data["partners"]["c"] = {"name": "Eve", "color": "#fff"}
    data["agreements"][0]["issue_id"] = "i99"
    data["agreements"][1]["confirmed_by"] = ["a", "z"]
    problems = problems_of(data)
    assert "turns[0].speaker: expected 'a' or 'b', found 'c'" in problems
    assert "partners.c: unknown partner; expected 'a' or 'b'" in problems
    assert "agreements[0].issue_id: no issue has the id 'i99'" in problems
    assert "agreements[1].confirmed_by: expected 'a' or 'b', found 'z'" in problems


def test_a_table_where_a_list_belongs_is_reported(session_factory):
    data = dumped(session_factory())
    data["turns"] = {"speaker": "a"}
    data["issues"][0] = "just text"
    problems = problems_of(data)
    assert "turns: expected a list of tables, found table" in problems
    assert "issues[0]: expected table, found text" in problems


def test_a_session_id_that_could_escape_the_folder_is_refused(session_factory):
    data = dumped(session_factory())
    data["id"] = "../../etc/passwd"
    assert problems_of(data) == [
        "id: '../../etc/passwd' is not a session id (letters, digits and '-' only)"
    ]


def test_a_file_from_a_newer_accord_is_refused_clearly(session_factory):
    data = dumped(session_factory())
    data["schema"] = SCHEMA_VERSION + 2
    assert problems_of(data) == [
        f"written by a newer accord (schema {SCHEMA_VERSION + 2}); "
        f"this one reads up to {SCHEMA_VERSION}"
    ]


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        (None, "schema: missing (required); every accord file has a schema version"),
        ("1", "schema: expected integer, found text"),
        (0, "schema: 0 is not a schema version"),
    ],
)
def test_a_missing_or_bad_schema_is_refused(session_factory, schema, message):
    data = dumped(session_factory())
    if schema is None:
        del data["schema"]
    else:
        data["schema"] = schema
    assert problems_of(data) == [message]


def test_older_files_are_upgraded_one_step_at_a_time(session_factory, monkeypatch):
    """Pretend the current version is 3, with upgrades 1->2 and 2->3, and read a v1 file."""
    steps = []

    def one_to_two(data):
        steps.append(1)
        data["topic"] = data.pop("subject")
        return data

    def two_to_three(data):
        steps.append(2)
        assert data["schema"] == 2
        data["kind"] = "negotiation"
        return data

    pretend_schema_version(monkeypatch, 3)
    monkeypatch.setitem(UPGRADES, 1, one_to_two)
    monkeypatch.setitem(UPGRADES, 2, two_to_three)
    data = dumped(session_factory())
    data["schema"] = 1
    data["subject"] = data.pop("topic")
    del data["kind"]
    session = session_from_dict(data)
    assert steps == [1, 2]
    assert session.topic == "The dishes"
    assert session.schema == 3


def test_an_older_file_with_no_upgrade_is_refused(session_factory, monkeypatch):
    pretend_schema_version(monkeypatch, 2)
    data = dumped(session_factory())
    data["schema"] = 1
    assert problems_of(data) == ["schema 1 is too old for this accord to upgrade"]


def test_every_older_schema_has_an_upgrade():
    for version in range(1, SCHEMA_VERSION):
        assert version in UPGRADES, f"session files need an upgrade from schema {version}"
        assert version in COUPLE_UPGRADES, f"couple.toml needs an upgrade from schema {version}"


def test_a_schema_error_message_joins_every_problem():
    error = SchemaError(["a: one", "b: two"])
    assert str(error) == "a: one; b: two"
    assert error.problems == ["a: one", "b: two"]


# -- the couple file ----------------------------------------------------------------------


def test_the_couple_round_trips():
    couple = Couple(names=["[i]Sam", "Alex"], colors=["#111111", "#222222"],
                    safety_notice_seen=True)
    data = tomllib.loads(tomli_w.dumps(couple_to_dict(couple)))
    assert data["schema"] == SCHEMA_VERSION
    assert couple_from_dict(data) == couple


def test_a_couple_file_with_missing_fields_takes_the_defaults():
    assert couple_from_dict({"schema": SCHEMA_VERSION}) == Couple()


def test_a_bad_couple_file_is_refused_with_every_problem():
    with pytest.raises(SchemaError) as caught:
        couple_from_dict({"schema": 1, "names": ["Sam"], "colours": [], "safety_notice_seen": 1})
    assert caught.value.problems == [
        "colours: unknown key (did you mean 'colors'?)",
        "names: expected 2 entries (one per partner), found 1",
        "safety_notice_seen: expected true or false, found integer",
    ]


def test_talk_step_session_with_a_running_clock_round_trips(session_factory):
    s = rules.new_session(datetime(2024, 1, 1, 9, 0, tzinfo=UTC), ("A", "B"), "x")
    rules.go_to_step(s, Step.TALK, datetime(2024, 1, 1, 9, 1, tzinfo=UTC))
    back = through_toml(s)
    assert back.floor.since == datetime(2024, 1, 1, 9, 1, tzinfo=UTC)
    assert back == s
