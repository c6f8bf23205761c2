"""The examples in docs/data-format.md are real files this accord reads."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from accord.domain.model import AgreementStatus, Couple, Layer, Status
from accord.storage.codec import session_from_dict
from accord.storage.couple_codec import couple_from_dict, profiles_from_dict

DOC = Path(__file__).parents[2] / "docs" / "data-format.md"


def toml_blocks() -> list[str]:
    return re.findall(r"```toml\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_the_documented_session_is_valid():
    session = session_from_dict(tomllib.loads(toml_blocks()[0]))
    assert session.status == Status.CLOSED
    assert session.partners["a"].name == "Sam"
    assert session.preparation["a"].boundaries[0].enforcement == "I leave the room"
    text = session.turns[0].statements[0].text
    assert text == "I feel tired when the sink is full.\nI need rest."
    assert session.issues[1].layer == Layer.NEGOTIABLE
    assert session.agreements[0].status == AgreementStatus.ACTIVE


def test_the_documented_session_can_be_dropped_into_a_data_folder(store):
    store.ensure()
    text = toml_blocks()[0]
    session_id = tomllib.loads(text)["id"]
    store.session_path(session_id).write_text(text, encoding="utf-8")
    result = store.scan()
    assert result.problems == []
    assert [s.id for s in result.sessions] == [session_id]


def test_the_documented_couple_file_is_valid():
    couple = couple_from_dict(tomllib.loads(toml_blocks()[1]))
    assert couple == Couple(names=["Sam", "Alex"], safety_notice_seen=True)



def test_the_documented_checkin_is_valid():
    session = session_from_dict(tomllib.loads(toml_blocks()[2]))
    assert session.kind == "check-in"
    assert session.friction["b"].startswith("Mornings are rushed")
    assert session.reviewed == {"20240501-200000-0cdd-a1": "kept"}
    ritual = session.agreements[0]
    assert ritual.kind == "ritual" and ritual.rhythm == "weekly"
    assert ritual.status == AgreementStatus.ACTIVE


def test_the_documented_fragments_fit_a_session():
    base = tomllib.loads(toml_blocks()[0])
    fragment = tomllib.loads(toml_blocks()[3])
    base["agreements"] = fragment["agreements"]
    base["kind"], base["step"] = "repair", "done"
    base["repair"] = fragment["repair"]
    session = session_from_dict(base)
    assert [r.outcome for r in session.agreements[0].reviews] == ["kept", "kept"]
    assert session.repair["a"].reflected.startswith("You felt left alone")


def test_the_documented_profiles_are_valid():
    profiles = profiles_from_dict(tomllib.loads(toml_blocks()[4]))
    assert [p.name for p in profiles] == ["Sam", "Alex"]
    assert profiles[0].boundaries[0].enforcement.startswith("I leave the room")
    assert profiles[1].boundaries[0].is_preference
