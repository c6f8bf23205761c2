"""`accord agreements --markdown/--ics/--status/--due`, `accord export` and `accord forget`:
outputs compared with the expected files in tests/cli/expected/.

Set ACCORD_WRITE_EXPECTED=1 to rewrite those files after a deliberate change, then read the
diff before committing it."""

from __future__ import annotations

import io
import json
import os
from datetime import date, timedelta
from itertools import count
from pathlib import Path

import pytest
from icalendar import Calendar
from tests.conftest import T0, build_session

from accord.cli import main as cli
from accord.cli.export import md
from accord.cli.forget import forget
from accord.domain import checkin, lifecycle, repair, rules
from accord.domain.model import AgreementStatus, Step
from accord.storage.store import Store

EXPECTED = Path(__file__).parent / "expected"
TODAY = date(2024, 5, 22)


@pytest.fixture
def fixed_ids(monkeypatch):
    numbers = count(1)
    monkeypatch.setattr(rules, "new_id", lambda now: f"{now:%Y%m%d-%H%M%S}-{next(numbers):04x}")
    monkeypatch.setattr(cli, "today", lambda: TODAY)


@pytest.fixture
def history(store, fixed_ids):
    """A first negotiation (one agreement kept, one renegotiated and replaced), a check-in
    with a ritual, and a repair session, all saved."""
    first = build_session(names=("Sam", "*Alex*"))
    washes, dries = first.agreed

    day14 = T0 + timedelta(days=14)  # 2024-05-15: both reviews are due
    c = checkin.new_checkin(day14, ("Sam", "*Alex*"))
    rules.set_appreciation(c, "a", "You made tea every morning.", day14)
    rules.set_appreciation(c, "b", "You asked how my day was.", day14)
    rules.go_to_step(c, Step.REVIEW, day14)
    assert [d.agreement for d in checkin.to_review(c, [first], day14)] == [dries, washes]
    checkin.record_review(c, first, dries.id, "kept", day14, "Easy, and we talk while drying")
    new = checkin.record_review(c, first, washes.id, "adjusted", day14, "Fridays are too much")
    rules.go_to_step(c, Step.REFLECT, day14)
    checkin.set_meaningful(c, "a", "The walk on Sunday", day14)
    checkin.set_friction(c, "b", "Mornings are rushed", day14)
    rules.go_to_step(c, Step.PLAN, day14)
    checkin.set_next_checkin(c, date(2024, 5, 29), day14)
    walk = checkin.add_ritual(c, "A walk after dinner", "weekly", day14, who="both",
                              review_on=date(2024, 5, 22))
    checkin.add_ritual(c, "A morning intention", "on workdays", day14)  # never confirmed
    rules.go_to_step(c, Step.CLOSE, day14)
    for pid in "ab":
        rules.confirm(c, walk.id, pid, day14)
    rules.close_session(c, day14 + timedelta(minutes=30))

    later = day14 + timedelta(hours=1)
    rules.resume(new, later)
    rules.go_to_step(new, Step.TALK, later)
    rules.go_to_step(new, Step.AGREE, later)
    item = rules.add_agreement(new, rules.SEEDED_ISSUE_ID, "Sam washes up Monday to Thursday",
                               later, who="Sam", when="Mon-Thu", review_on=date(2024, 6, 1))
    rules.go_to_step(new, Step.CLOSE, later)
    for pid in "ab":
        rules.confirm(new, item.id, pid, later)
    rules.close_session(new, later + timedelta(minutes=40))
    lifecycle.finish_renegotiation(first, new, later + timedelta(minutes=40))

    day15 = T0 + timedelta(days=15)
    r = repair.new_repair(day15, ("Sam", "*Alex*"), "Saturday's party")
    repair.set_repair(r, "a", "feelings", "hurt, lonely", day15)
    repair.set_repair(r, "b", "feelings", "embarrassed", day15)
    rules.go_to_step(r, Step.ACCOUNTS, day15)
    repair.set_repair(r, "a", "account", "I was left alone with people I didn't know.", day15)
    repair.set_repair(r, "b", "account", "I thought you were having fun.", day15)
    # "reflected" is the other partner's reflection of this partner's account
    repair.set_repair(r, "a", "reflected", "You felt alone among strangers.", day15)
    repair.set_repair(r, "b", "reflected", "You thought I was fine.", day15)
    rules.go_to_step(r, Step.DIFFERENTLY, day15)
    repair.set_repair(r, "b", "differently", "Check in with Sam at parties", day15)
    promise = repair.differently_to_agreement(r, "b", day15)
    rules.go_to_step(r, Step.CLOSE, day15)
    for pid in "ab":
        rules.confirm(r, promise.id, pid, day15)
    rules.close_session(r, day15 + timedelta(minutes=45))

    for session in (first, c, new, r):
        store.save(session)
    return {"first": first, "checkin": c, "renegotiation": new, "repair": r}


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def check(name: str, text: str) -> None:
    path = EXPECTED / name
    if os.environ.get("ACCORD_WRITE_EXPECTED"):
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    with open(path, encoding="utf-8", newline="") as handle:
        assert text == handle.read()


# -- agreements --------------------------------------------------------------------------


def test_statuses_in_the_history(history):
    first = history["first"]
    assert [a.status for a in first.agreed] == [AgreementStatus.RETIRED, AgreementStatus.KEPT]


def test_agreements_markdown(history, capsys):
    code, out, err = run(capsys, "agreements", "--markdown")
    assert code == 0 and err == ""
    check("agreements.md", out)


def test_agreements_ics(history, capsysbinary):
    code = cli.main(["agreements", "--ics"])
    out, err = capsysbinary.readouterr()
    assert code == 0 and err == b""
    check("agreements.ics", out.decode("utf-8"))
    calendar = Calendar.from_ical(out)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert str(events["A walk after dinner"]["rrule"].to_ical(), "ascii") == "FREQ=WEEKLY"
    assert events["Check-in together"].decoded("dtstart") == date(2024, 5, 29)
    assert "A morning intention" not in events  # never confirmed
    assert not any("Monday to Friday" in s for s in events)


def test_filters(history, capsys):
    code, out, _ = run(capsys, "agreements", "--json", "--status", "retired")
    rows = json.loads(out)
    assert code == 0 and [r["status"] for r in rows] == ["retired"]
    assert rows[0]["replaced_by"] == history["renegotiation"].agreements[0].id
    code, out, _ = run(capsys, "agreements", "--json", "--status", "kept", "--status", "active")
    assert sorted(r["status"] for r in json.loads(out)) == ["active", "active", "active", "kept"]
    code, out, _ = run(capsys, "agreements", "--json", "--due")
    assert [r["what"] for r in json.loads(out)] == ["A walk after dinner"]  # review 2024-05-22
    code, out, err = run(capsys, "agreements", "--due", "--status", "retired")
    assert code == 0 and out == "" and err == "No agreements match.\n"
    code, out, err = run(capsys, "agreements", "--status", "gone")
    assert code == 2 and "invalid choice" in err
    code, out, err = run(capsys, "agreements", "--markdown", "--ics")
    assert code == 2 and "not allowed with" in err


def test_the_table_shows_a_ritual_rhythm(history, capsys):
    code, out, _ = run(capsys, "agreements", "--status", "active")
    line = next(line for line in out.splitlines() if "A walk after dinner" in line)
    assert "weekly" in line


def test_markdown_with_no_agreements(store, capsys, fixed_ids):
    code, out, _ = run(capsys, "agreements", "--markdown")
    assert code == 0
    assert out == "# Our agreements\n\n2024-05-22\n\nNothing here yet.\n"


def test_markdown_escapes_what_people_typed():
    assert md("*bold* [link](x) <b>\n# head_1 `code` a|b") == \
        "\\*bold\\* \\[link\\](x) \\<b\\> \\# head\\_1 \\`code\\` a\\|b"


# -- one session -------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["first", "checkin", "renegotiation", "repair"])
def test_export_session_markdown(history, capsys, which):
    code, out, err = run(capsys, "export", history[which].id, "--markdown")
    assert code == 0 and err == ""
    check(f"session-{which}.md", out)


def test_export_without_transcript(store, fixed_ids, capsys):
    session = build_session(closed=False)
    session.settings.keep_transcript = False
    rules.close_session(session, T0 + timedelta(hours=1))
    store.save(session)
    code, out, _ = run(capsys, "export", session.id)
    assert code == 0
    assert "Only the agreements were kept; what was said was not saved." in out
    assert "I feel tired" not in out and "Sam washes up on weekdays" in out


def test_export_of_a_missing_or_bad_session(store, capsys):
    code, _, err = run(capsys, "export", "20240101-000000-dead")
    assert code == 1 and "There is no session 20240101-000000-dead" in err
    code, _, err = run(capsys, "export", "../../etc/passwd")
    assert code == 1 and "is not a session id" in err
    store.ensure()
    (store.root / "20240101-000000-beef.session.toml").write_text("schema = ", encoding="utf-8")
    code, _, err = run(capsys, "export", "20240101-000000-beef")
    assert code == 1 and "cannot read 20240101-000000-beef.session.toml: not valid TOML" in err


# -- forget ------------------------------------------------------------------------------


def test_forget_keeps_confirmed_agreements_in_a_stripped_file(history, capsys):
    first = history["first"]
    code, out, _ = run(capsys, "forget", first.id, "--yes")
    assert code == 0
    assert out == (f"Forgotten: what was said is deleted; the 2 confirmed agreements remain in "
                   f"{first.id}.session.toml.\nCopies in backups or synced folders are not "
                   "touched.\n")
    left = Store(cli.data_dir(None)).load(first.id)
    assert left.turns == [] and left.timeouts == [] and left.appreciations == {}
    assert left.preparation == {} and left.transcript_removed
    assert [a.what for a in left.agreements] == [a.what for a in first.agreed]
    assert left.agreements[0].replaced_by and left.agreements[1].reviews
    assert [i.title for i in left.issues] == ["Who does the dishes"]
    text = (cli.data_dir(None) / f"{first.id}.session.toml").read_text(encoding="utf-8")
    assert "I feel tired" not in text and "Thank you for staying" not in text
    assert "a calm evening" not in text and "no shouting" not in text


def test_forget_asks_first(history, capsys, monkeypatch):
    repair_id = history["repair"].id
    path = cli.data_dir(None) / f"{repair_id}.session.toml"
    before = path.read_bytes()
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    code, out, _ = run(capsys, "forget", repair_id)
    assert code == 1
    assert out == (f"Forget session {repair_id} (“Saturday's party”, Sam & *Alex*, "
                   "2024-05-16)?\nWhat was said will be deleted; the one agreement you both "
                   "confirmed stays (add --all to delete it too).\nNothing was changed.\n")
    assert path.read_bytes() == before

    def eof(prompt):
        raise EOFError

    monkeypatch.setattr("builtins.input", eof)
    code, out, _ = run(capsys, "forget", repair_id, "--all")
    assert code == 1 and "add --yes" in out and "including its 1 confirmed agreement" in out
    assert path.read_bytes() == before
    monkeypatch.setattr("builtins.input", lambda prompt: " YES ")
    code, out, _ = run(capsys, "forget", repair_id, "--all")
    assert code == 0 and not path.exists()
    assert out.splitlines()[-2] == f"Forgotten: {repair_id}.session.toml is deleted."


def test_forget_an_unfinished_renegotiation_gives_the_agreement_back(store, fixed_ids):
    first = build_session()
    washes = first.agreed[0]
    new = lifecycle.start_renegotiation(first, washes.id, T0 + timedelta(days=14))
    store.save(first)
    store.save(new)
    out = io.StringIO()
    assert forget(store.root, new.id, everything=False, yes=True, ask=input, out=out,
                  now=T0 + timedelta(days=15)) == 0
    assert not store.session_path(new.id).exists()  # nothing was confirmed in it
    again = Store(store.root).load(first.id)
    assert again.agreements[0].status == AgreementStatus.ACTIVE
    assert [r.outcome for r in again.agreements[0].reviews] == ["adjusted"]


def test_forget_refuses_what_it_cannot_read(store, capsys):
    store.ensure()
    path = store.root / "20240101-000000-beef.session.toml"
    path.write_text("schema = 1\nid = 3\n", encoding="utf-8")
    code, _, err = run(capsys, "forget", "20240101-000000-beef", "--yes")
    assert code == 1 and "Nothing was changed" in err
    assert path.read_text(encoding="utf-8") == "schema = 1\nid = 3\n"
    code, _, err = run(capsys, "forget", "20240101-000000-0000", "--yes")
    assert code == 1 and "There is no session" in err
