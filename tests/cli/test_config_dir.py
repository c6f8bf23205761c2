"""`--config-dir` points the app at another settings file."""

from __future__ import annotations

import os

from accord import settings
from accord.cli.main import main


def test_config_dir_flag_reaches_the_settings(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(settings.CONFIG_DIR_ENV, "")  # restored after the test
    folder = tmp_path / "conf"
    folder.mkdir()
    (folder / "settings.toml").write_text('theme = "light"\n', encoding="utf-8")
    assert main(["--config-dir", str(folder), "sessions"]) == 0
    assert os.environ[settings.CONFIG_DIR_ENV] == str(folder)
    assert settings.load().settings.theme == "light"


def test_config_dir_before_reflect_is_not_taken_for_its_text(monkeypatch):
    from accord.cli.main import _split_reflect

    assert _split_reflect(["--config-dir", "x", "reflect", "--json"]) == ["--json"]
