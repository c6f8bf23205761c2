"""How the data folder is chosen; working it out never creates anything."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from accord.locations import data_dir


def test_the_flag_wins_over_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORD_DATA_DIR", str(tmp_path / "env"))
    assert data_dir(tmp_path / "flag") == tmp_path / "flag"
    assert data_dir(str(tmp_path / "flag")) == tmp_path / "flag"


def test_the_environment_wins_over_the_default(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORD_DATA_DIR", str(tmp_path / "env"))
    assert data_dir() == tmp_path / "env"


def test_the_default_is_the_users_data_directory(monkeypatch):
    monkeypatch.delenv("ACCORD_DATA_DIR")
    expected = Path(platformdirs.user_data_dir("accord", appauthor=False))
    assert data_dir() == expected
    assert data_dir().parts[-1] == "accord"
    assert str(data_dir()).startswith(str(Path.home()))  # inside this test's fake home


def test_an_empty_environment_variable_is_ignored(monkeypatch):
    monkeypatch.setenv("ACCORD_DATA_DIR", "")
    assert data_dir().parts[-1] == "accord"


def test_tilde_is_expanded(monkeypatch):
    monkeypatch.setenv("ACCORD_DATA_DIR", "~/accord-data")
    assert data_dir() == Path.home() / "accord-data"
    assert data_dir("~/flagged") == Path.home() / "flagged"


def test_nothing_is_created(tmp_path):
    folder = data_dir(tmp_path / "never")
    assert folder == tmp_path / "never"
    assert not folder.exists()
