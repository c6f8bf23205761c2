"""The `accord` command: listings for people and scripts, exit codes, resume and launch."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from datetime import timedelta
from pathlib import Path

import pytest
from rich.cells import cell_len

from accord import __version__
from accord.cli.main import main
from accord.domain.model import Status
from accord.storage.store import Store
from accord.storage.views import agreement_rows, session_rows


@pytest.fixture
def filled(store, session_factory, paused_factory) -> Store:
    """A data folder with a closed session (two agreements) and a paused one, newer."""
    closed = session_factory(names=("[bold]Sam", "Alex"), topic="The dishes")
    store.save(closed)
    store.save(paused_factory(start=closed.updated + timedelta(hours=1)))
    return store


@pytest.fixture
def fake_app(monkeypatch):
    """Stand in for accord.ui.app, recording how the app would have been started."""
    calls = []

    class FakeApp:
        return_code = 0

        def run(self):
            calls[-1]["ran"] = True

    def make_app(data_dir, *, resume=None):
        calls.append({"data_dir": data_dir, "resume": resume, "ran": False})
        return FakeApp()

    module = types.ModuleType("accord.ui.app")
    module.make_app = make_app
    monkeypatch.setitem(sys.modules, "accord.ui.app", module)
    return calls


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- listing -----------------------------------------------------------------------------


def test_sessions_table_shows_plain_text_newest_first(filled, capsys):
    code, out, err = run(capsys, "sessions")
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0].split()[:5] == ["Session", "Updated", "Status", "Partners", "Topic"]
    assert "Money" in lines[2] and "paused" in lines[2]
    assert "[bold]Sam" in lines[3] and "closed" in lines[3]
    assert "\x1b[" not in out  # no colours when printing into a pipe


def test_tables_fit_80_columns_and_stay_one_line_per_row(store, session_factory, capsys):
    long_topic = "A very long topic\nwith a newline " + "and many words " * 20
    store.save(session_factory(topic=long_topic, names=("Sam 🙂" * 5, "Alex")))
    code, out, _ = run(capsys, "sessions")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 3  # header, rule, one row
    assert all(cell_len(line) <= 80 for line in lines)
    assert "…" in lines[2]
    code, out, _ = run(capsys, "agreements")
    assert all(cell_len(line) <= 80 for line in out.splitlines())


def test_a_wide_terminal_shows_whole_cells(filled, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, _ = run(capsys, "sessions")
    assert code == 0
    assert "[bold]Sam & Alex" in out
    assert "Where you left off" in out
    assert "…" not in out


def test_sessions_json_is_the_rows(filled, capsys):
    code, out, err = run(capsys, "sessions", "--json")
    assert code == 0 and err == ""
    assert json.loads(out) == session_rows(filled.scan().sessions)
    assert '"[bold]Sam"' in out  # not escaped to ASCII


def test_agreements_table_and_json(filled, capsys):
    code, out, _ = run(capsys, "agreements")
    assert code == 0
    body = out.splitlines()[2:]
    assert len(body) == 2  # the draft is not listed
    assert body[0].startswith("2024-05-10") and "We dry together on Sundays" in body[0]
    assert body[1].startswith("2024-05-15") and "[bold]Sam washes up on" in body[1]
    code, out, _ = run(capsys, "agreements", "--json")
    assert code == 0
    assert json.loads(out) == agreement_rows(filled.scan().sessions)


@pytest.mark.parametrize("command", ["sessions", "agreements"])
def test_json_is_a_list_with_one_row_per_line(filled, capsys, command):
    code, out, _ = run(capsys, command, "--json")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and out.endswith("]\n")
    rows = [json.loads(line.removesuffix(",")) for line in lines[1:-1]]
    assert rows == json.loads(out) and len(rows) == 2
    assert all(line.endswith(",") for line in lines[1:-2]) and not lines[-2].endswith(",")


@pytest.mark.parametrize("command", ["sessions", "agreements"])
def test_an_empty_folder_says_so_kindly(capsys, command):
    code, out, err = run(capsys, command)
    assert code == 0
    assert out == ""
    assert err.startswith(f"No {command} yet in ")
    assert err.count("\n") == 1
    code, out, err = run(capsys, command, "--json")
    assert (code, out.strip(), err) == (0, "[]", "")


def test_unreadable_files_are_reported_and_the_rest_still_printed(filled, capsys):
    (filled.root / "broken.session.toml").write_text('topic = "x"\nid = ]\n', encoding="utf-8")
    (filled.root / "future.session.toml").write_text("schema = 9\n", encoding="utf-8")
    code, out, err = run(capsys, "sessions", "--json")
    assert code == 2
    assert len(json.loads(out)) == 2
    assert err.splitlines() == [
        "accord: cannot read broken.session.toml: not valid TOML: Invalid value "
        "(at line 2, column 6)",
        "accord: cannot read future.session.toml: written by a newer accord (schema 9); "
        "this one reads up to 1",
    ]
    code, out, err = run(capsys, "agreements")
    assert code == 2
    assert "We dry together" in out
    assert err.count("accord: cannot read") == 2


def test_data_dir_works_before_and_after_the_command(tmp_path, session_factory, capsys):
    elsewhere = tmp_path / "elsewhere"
    Store(elsewhere).save(session_factory(topic="Elsewhere"))
    for argv in (["--data-dir", str(elsewhere), "sessions", "--json"],
                 ["sessions", "--data-dir", str(elsewhere), "--json"],
                 ["sessions", "--json", f"--data-dir={elsewhere}"]):
        code, out, _ = run(capsys, *argv)
        assert code == 0, argv
        assert [row["topic"] for row in json.loads(out)] == ["Elsewhere"], argv
    code, out, _ = run(capsys, "sessions", "--json")  # the environment's folder is empty
    assert json.loads(out) == []


def test_the_environment_variable_picks_the_folder(tmp_path, monkeypatch, session_factory,
                                                   capsys):
    Store(tmp_path / "via-env").save(session_factory(topic="From env"))
    monkeypatch.setenv("ACCORD_DATA_DIR", str(tmp_path / "via-env"))
    code, out, _ = run(capsys, "agreements", "--json")
    assert code == 0
    assert {row["topic"] for row in json.loads(out)} == {"From env"}


# -- version, help, mistakes -------------------------------------------------------------


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"accord {__version__}" == "accord 0.1.0"


def test_help_lists_the_commands(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("resume", "sessions", "agreements", "reflect", "--data-dir"):
        assert command in out
    assert "two partners" in out


def test_an_unknown_command_is_a_usage_error(capsys):
    code, _, err = run(capsys, "sesions")
    assert code == 2
    assert "invalid choice: 'sesions'" in err
    assert "Traceback" not in err


# -- resume and launch -------------------------------------------------------------------


def test_resume_with_nothing_paused_says_so(store, session_factory, fake_app, capsys):
    store.save(session_factory())  # closed, so not resumable
    code, out, err = run(capsys, "resume")
    assert code == 1
    assert err.startswith("accord: There is no paused session to resume")
    assert fake_app == []


def test_resume_opens_the_newest_paused_session(store, paused_factory, fake_app, capsys):
    old = paused_factory(topic="Old")
    new = paused_factory(topic="New", start=old.updated + timedelta(days=1))
    store.save(old)
    store.save(new)
    code, _, _ = run(capsys, "resume")
    assert code == 0
    assert fake_app == [{"data_dir": store.root, "resume": new.id, "ran": True}]


def test_resume_picks_up_a_session_a_crash_left_active(store, paused_factory, fake_app,
                                                       capsys):
    interrupted = paused_factory(topic="Cut off")
    interrupted.status = Status.ACTIVE  # the process died before it could pause
    store.save(interrupted)
    code, _, _ = run(capsys, "resume")
    assert code == 0
    assert fake_app[0]["resume"] == interrupted.id


def test_resume_a_named_session(store, paused_factory, fake_app, capsys):
    old = paused_factory(topic="Old")
    store.save(old)
    store.save(paused_factory(topic="New", start=old.updated + timedelta(days=1)))
    code, _, _ = run(capsys, "resume", old.id)
    assert code == 0
    assert fake_app[0]["resume"] == old.id


@pytest.mark.parametrize(
    ("session_id", "message"),
    [
        ("20990101-000000-ffff", "accord: There is no session 20990101-000000-ffff in "),
        ("../../etc/passwd", "accord: '../../etc/passwd' is not a session id"),
    ],
)
def test_resume_an_unknown_session(store, fake_app, capsys, session_id, message):
    code, _, err = run(capsys, "resume", session_id)
    assert code == 1
    assert err.startswith(message)
    assert err.count("\n") == 1
    assert fake_app == []


def test_resume_an_unreadable_or_closed_session(store, session_factory, fake_app, capsys):
    closed = session_factory()
    store.save(closed)
    code, _, err = run(capsys, "resume", closed.id)
    assert code == 1
    assert "is closed" in err
    store.session_path("damaged").write_text("schema = [", encoding="utf-8")
    code, _, err = run(capsys, "resume", "damaged")
    assert code == 1
    assert err.startswith("accord: cannot read damaged.session.toml: not valid TOML")
    assert fake_app == []


def test_no_command_launches_the_app_on_the_data_folder(tmp_path, fake_app, capsys):
    assert main(["--data-dir", str(tmp_path / "d")]) == 0
    assert fake_app == [{"data_dir": tmp_path / "d", "resume": None, "ran": True}]
    assert main([]) == 0
    assert fake_app[1]["data_dir"] == tmp_path / "data"  # from ACCORD_DATA_DIR


def test_a_missing_app_is_a_clear_message(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "accord.ui.app", None)  # makes the import fail
    code, _, err = run(capsys)
    assert code == 1
    assert err.startswith("accord: the full-screen app is not available")


# -- reflect -----------------------------------------------------------------------------


def test_reflect_hands_its_arguments_to_the_language_helper(monkeypatch, capsys):
    seen = []
    module = types.ModuleType("accord.language.cli")
    module.run = lambda argv, stdin, stdout: seen.append((argv, stdin, stdout)) or 3
    monkeypatch.setitem(sys.modules, "accord.language.cli", module)
    assert main(["--data-dir", "x", "reflect", "--help", "I feel", "-v"]) == 3
    assert seen[0][0] == ["--help", "I feel", "-v"]
    assert seen[0][1] is sys.stdin and seen[0][2] is sys.stdout


def test_reflect_without_the_helper_says_so(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "accord.language.cli", None)
    code, _, err = run(capsys, "reflect", "hello")
    assert code == 1
    assert err == "accord: `accord reflect` is not available in this version yet.\n"


# -- pipes -------------------------------------------------------------------------------


def test_a_closed_pipe_ends_quietly(filled, monkeypatch):
    class ClosedPipe:
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            raise BrokenPipeError(32, "Broken pipe")

        def isatty(self):
            return False

        def fileno(self):
            raise OSError("no file descriptor")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["sessions", "--json"]) == 1


def test_piping_into_a_reader_that_stops_early_prints_no_traceback(filled):
    for n in range(60):
        session = filled.load(filled.scan().sessions[0].id)
        session.id = f"20240601-0000{n:02d}-aaaa"
        filled.save(session)
    process = subprocess.Popen(
        [sys.executable, "-m", "accord", "--data-dir", str(filled.root), "sessions", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    process.stdout.read(10)
    process.stdout.close()
    err = process.stderr.read().decode()
    process.wait(timeout=30)
    process.stderr.close()
    assert "Traceback" not in err
    assert "Exception ignored" not in err


def test_the_console_entry_point_runs(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "accord", "--data-dir", str(tmp_path), "agreements", "--json"],
        capture_output=True, text=True, check=False,
    )
    assert (result.returncode, result.stdout.strip()) == (0, "[]")
    assert not Path(tmp_path / "couple.toml").exists()
