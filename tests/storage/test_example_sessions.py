"""The example data in sessions/ (made by sessions/regenerate.py) reads cleanly and shows what
accord keeps between hard conversations."""

from __future__ import annotations

from pathlib import Path

from accord.domain import lifecycle
from accord.domain.model import AgreementStatus, Status
from accord.storage.store import Store

EXAMPLES = Path(__file__).parents[2] / "sessions"


def test_example_sessions_read_cleanly_and_show_every_kind():
    scan = Store(EXAMPLES).scan()
    assert scan.problems == []
    kinds = {s.kind for s in scan.sessions}
    assert kinds == {"negotiation", "check-in", "repair"}
    assert any(s.status == Status.PAUSED for s in scan.sessions)
    statuses = {a.status for s in scan.sessions for a in s.agreements}
    assert {AgreementStatus.ACTIVE, AgreementStatus.KEPT, AgreementStatus.RETIRED} <= statuses
    assert any(a.kind == "ritual" for s in scan.sessions for a in s.agreements)


def test_example_renegotiation_links_both_ways():
    sessions = Store(EXAMPLES).scan().sessions
    replaced = [a for s in sessions for a in s.agreements if a.replaced_by]
    assert replaced
    for old in replaced:
        chain = lifecycle.lineage(sessions, old.id)
        assert [a.id for _s, a in chain][:2] == [old.id, old.replaced_by]
        assert chain[1][1].replaces == old.id
