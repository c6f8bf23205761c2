"""The settings file: defaults, every kind of mistake reported by key, never a crash."""

from __future__ import annotations

import tomllib

from accord import settings
from accord.settings import Settings, load, parse, remember


def write(folder, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.toml").write_text(text, encoding="utf-8")


def test_no_file_means_the_defaults(tmp_path):
    loaded = load(tmp_path / "config")
    assert loaded.settings == Settings()
    assert loaded.problems == []
    assert loaded.path == tmp_path / "config" / "settings.toml"


def test_a_good_file_is_used(tmp_path):
    write(tmp_path, 'turn_minutes = 3\ntimeout_minutes = 30\nkeep_transcript = false\n'
                    'theme = "light"\n[keymap]\n"accord.timeout" = "ctrl+t,f9"\n')
    loaded = load(tmp_path)
    assert loaded.problems == []
    assert loaded.settings == Settings(turn_minutes=3, timeout_minutes=30,
                                       keep_transcript=False, theme="light",
                                       keymap={"accord.timeout": "ctrl+t,f9"})


def test_a_misspelt_key_is_named_with_a_suggestion():
    result, problems = parse({"turn_minuts": 5, "theme": "drak"})
    assert result == Settings()
    assert problems == [
        "'turn_minuts' is not a setting; did you mean 'turn_minutes'? Ignored.",
        "theme: 'drak' is not a theme (dark or light); did you mean 'dark'? Using 'dark'.",
    ]


def test_wrong_kinds_and_ranges_fall_back_to_defaults():
    result, problems = parse({"turn_minutes": "two", "timeout_minutes": 5,
                              "keep_transcript": "yes", "turn_minutes_": 1})
    assert result == Settings()
    assert "turn_minutes: expected a whole number of minutes, found text. Using 2." in problems
    assert "timeout_minutes: 5 is outside 20 to 1440 minutes. Using 20." in problems
    assert "keep_transcript: expected true or false, found text. Using true." in problems


def test_keymap_problems_keep_the_good_bindings():
    result, problems = parse({"keymap": {"accord.timout": "f9", "talk.submit": "ctrl+enter",
                                         "sort.layer1": "", "accord.help": 5}})
    assert result.keymap == {"talk.submit": "ctrl+enter"}
    assert problems[0] == ("keymap: 'accord.timout' is not a binding id; did you mean "
                           "'accord.timeout'? Ignored.")
    assert problems[1].startswith("keymap.sort.layer1: '' is not a key")
    assert problems[2].startswith("keymap.accord.help: a number is not a key")


def test_a_file_that_is_not_toml_is_reported_not_raised(tmp_path):
    write(tmp_path, "theme = \n")
    loaded = load(tmp_path)
    assert loaded.settings == Settings()
    assert len(loaded.problems) == 1 and "is not valid TOML" in loaded.problems[0]


def test_remember_changes_one_key_and_keeps_the_rest(tmp_path):
    write(tmp_path, 'turn_minutes = 4\n[keymap]\n"accord.help" = "f10"\n')
    remember(tmp_path / "settings.toml", "theme", "light")
    data = tomllib.loads((tmp_path / "settings.toml").read_text(encoding="utf-8"))
    assert data == {"turn_minutes": 4, "theme": "light", "keymap": {"accord.help": "f10"}}
    assert load(tmp_path).settings.theme == "light"


def test_the_config_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(settings.CONFIG_DIR_ENV, str(tmp_path / "elsewhere"))
    assert settings.settings_path() == tmp_path / "elsewhere" / "settings.toml"
    assert settings.config_dir(tmp_path / "flag") == tmp_path / "flag"


def test_every_binding_id_in_the_app_can_be_set():
    """The list the settings file checks against is exactly the app's bindings with ids."""
    import importlib
    import pkgutil

    from textual.binding import Binding

    import accord.ui.screens as screens
    from accord.ui.app import AccordApp

    found: set[str] = {b.id for b in AccordApp.BINDINGS if isinstance(b, Binding) and b.id}
    for info in pkgutil.iter_modules(screens.__path__):
        module = importlib.import_module(f"accord.ui.screens.{info.name}")
        for value in vars(module).values():
            for binding in getattr(value, "BINDINGS", []) if isinstance(value, type) else []:
                if isinstance(binding, Binding) and binding.id:
                    found.add(binding.id)
    assert found == set(settings.BINDING_IDS)


def test_the_documented_example_is_valid_and_every_id_is_documented():
    import re
    from pathlib import Path

    doc = (Path(__file__).parents[1] / "docs" / "settings.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", doc, re.S).group(1)
    result, problems = parse(tomllib.loads(example))
    assert problems == []
    assert result.theme == "light" and result.keymap["accord.timeout"] == "ctrl+t,f9"
    for binding_id in settings.BINDING_IDS:
        assert f"| `{binding_id}` |" in doc
