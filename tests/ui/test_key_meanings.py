"""One key, one meaning: a key does the same kind of thing on every screen it works on."""

from __future__ import annotations

import importlib
import pkgutil

from textual.binding import Binding

import accord.ui.screens as screens
import accord.ui.widgets as widgets
from accord.ui.app import AccordApp

HELP = "help"

#: The keys bound on more than one screen, each with every binding it may stand for and the
#: one meaning they share. Any other key bound twice is a clash.
SHARED: dict[str, tuple[str, set[str]]] = {
    "ctrl+n": ("go on to the next step", {"session.next", "talk.onward"}),
    "ctrl+g": ("add a new item", {"agree.new", "checkin.ritual", "sort.add"}),
    "ctrl+s": ("done with what is written: save it, or hand it over",
               {"talk.submit", "profiles.save", "AgreementForm:save"}),
    "f3": ("pause the session", {"session.pause", "timeout.pause"}),
    "f1": ("help, and again to close it", {"accord.help", "HelpScreen:close"}),
    "question_mark": ("help, and again to close it", {HELP, "HelpScreen:close"}),
    "escape": ("back, close or cancel: leave without changing anything", {
        "AgreementForm:cancel", "Confirm:answer(False)", "HelpScreen:close", "KeptPrompt:cancel",
        "Notice:close", "SettingsScreen:close", "TextPrompt:cancel", "TimeoutRequest:cancel",
        "agreements.home", "profiles.back", "review.back", "readonly.home"}),
    "h": ("home", {"agreements.home", "done.home", "readonly.home"}),
    "b": ("back one step", {"agree.back", "close.back", "sort.back"}),
    "r": ("resume", {"home.resume", "timeout.resume", "readonly.open"}),
    "k": ("kept", {"checkin.kept", "review.kept"}),
    "x": ("take it off the active list", {"checkin.retire", "review.retire", "sort.remove"}),
    "n": ("start a new session", {"home.new", "review.renegotiate"}),
    # In a list, the row before or after; in a colour choice, the colour before or after.
    "up": ("the one before, in a list or a choice", {"RowTable:cursor_up",
                                                     "ColourChoice:step(-1)"}),
    "down": ("the one after, in a list or a choice", {"RowTable:cursor_down",
                                                      "ColourChoice:step(1)"}),
    # Digits choose the numbered option the screen shows beside them.
    "1": ("the option numbered 1", {"talk.yes", "sort.layer1", "TimeoutRequest:call('a')"}),
    "2": ("the option numbered 2", {"talk.partly", "sort.layer2", "TimeoutRequest:call('b')"}),
    "3": ("the option numbered 3", {"talk.no", "sort.layer3"}),
}


def every_binding() -> list[tuple[str, Binding]]:
    """(class name, binding) for the app and every screen, modal and widget of accord."""
    classes: list[type] = [AccordApp]
    for package in (screens, widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            classes += [value for value in vars(module).values()
                        if isinstance(value, type) and value.__module__ == module.__name__]
    return [(cls.__name__, binding) for cls in classes for binding in vars(cls).get("BINDINGS", [])
            if isinstance(binding, Binding)]


def meanings() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for owner, binding in every_binding():
        meaning = binding.id or (HELP if binding.action == "app.help"
                                 else f"{owner}:{binding.action}")
        for key in binding.key.split(","):
            found.setdefault(key.strip(), set()).add(meaning)
    return found


def test_no_key_means_two_different_things():
    clashes = {key: sorted(found) for key, found in meanings().items()
               if len(found) > 1 and not found <= SHARED.get(key, ("", set()))[1]}
    assert clashes == {}


def test_the_letters_keep_their_one_meaning():
    found = meanings()
    assert found["r"] == {"home.resume", "timeout.resume", "readonly.open"}
    assert found["p"] == {"home.repair"}
    assert found["c"] == {"home.checkin"}
    assert found["a"] == {"home.agreements"}
    assert found["o"] == {"sort.note"}
    assert found["ctrl+g"] == {"agree.new", "checkin.ritual", "sort.add"}


async def test_labels_name_the_keys_the_settings_file_chose(tmp_path, data_dir):
    """Rebound in settings.toml, a key shows on its button and in the words that name it."""
    from accord.domain.model import Couple
    from accord.storage.store import Store
    from accord.ui.app import make_app
    from accord.ui.screens.home import HomeScreen
    from accord.ui.screens.paired import DifferentlyScreen
    from tests.snapshots.scenes import COLORS, NAMES, repairing
    from tests.ui.helpers import FakeClock

    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text(
        '[keymap]\n"repair.agreements" = "f6"\n"home.repair" = "f7"\n'
        '"session.pause" = "f8"\n"accord.timeout" = "ctrl+b,f9"\n', encoding="utf-8")
    store = Store(data_dir)
    store.save_couple(Couple(names=list(NAMES), colors=list(COLORS), safety_notice_seen=True))
    session = repairing()
    store.save(session)
    app = make_app(data_dir, resume=session.id, clock=FakeClock(), config_dir=config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DifferentlyScreen)
        label = str(screen.query_one("#agreements").label)
        assert label == "Make them agreements  F6"
        lead = str(screen.query_one("#paired-lead").render())
        assert "F6 turns them into agreements" in lead and "Ctrl+L" not in lead
        assert str(screen.query_one("#pause-button").label) == "Pause  F8"
        assert str(screen.query_one("#timeout-button").label) == "Time-out  ^B"
        await pilot.press("f6")  # the rebound key does what its label says
        await pilot.pause()
        assert [a.what for a in app.session.agreements] == ["say when I need a minute"]
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert str(app.screen.query_one("#repair").label) == "Repair  F7"
        assert str(app.screen.query_one("#checkin").label) == "Check-in  c"  # not rebound
