"""The model, the rules and storage never import Textual or Rich (checked in a fresh Python)."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = [
    "accord.domain.model",
    "accord.domain.rules",
    "accord.domain.summary",
    "accord.domain.lifecycle",
    "accord.domain.checkin",
    "accord.domain.repair",
    "accord.domain.profiles",
    "accord.storage.store",
    "accord.storage.codec",
    "accord.storage.views",
    "accord.storage.atomic",
    "accord.locations",
]

PROBE = """
import sys
for name in {modules!r}:
    __import__(name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
print(",".join(loaded))
"""


def test_core_modules_do_not_import_textual_or_rich():
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(modules=CORE_MODULES)],
        capture_output=True, text=True, check=True,
    )
    assert result.stdout.strip() == ""


def test_the_probe_would_notice_rich():
    """Guard against a probe that can never fail."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(modules=["rich.text"])],
        capture_output=True, text=True, check=True,
    )
    assert "rich.text" in result.stdout.strip().split(",")


def test_listing_from_the_command_line_does_not_load_textual(tmp_path):
    probe = (
        "import sys\n"
        "from accord.cli.main import main\n"
        f"code = main(['--data-dir', {str(tmp_path)!r}, 'sessions', '--json'])\n"
        "print('|' + ','.join(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip().endswith("|")
