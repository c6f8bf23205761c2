"""`accord reflect` and the cost of importing the engine."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from accord.language.cli import run


def test_reflect_human_output() -> None:
    out = io.StringIO()
    code = run(["He never listens to me and I feel invisible."], io.StringIO(), out)
    text = out.getvalue()
    assert code == 0
    assert "Feelings:" in text and "lonely" in text
    assert "to be heard" in text
    assert "absolute" in text
    assert "Listener could say:" in text


def test_reflect_json_lines() -> None:
    stdin = io.StringIO("You always forget.\nI feel lonely\n\nI'm not angry\n")
    out = io.StringIO()
    assert run(["--json"], stdin, out) == 0
    lines = out.getvalue().splitlines()
    assert len(lines) == 3  # the empty line is skipped
    recs = [json.loads(line) for line in lines]
    for r in recs:
        assert isinstance(r["feelings"], list)
        assert isinstance(r["needs"], list)
        assert isinstance(r["blame"], bool)
    assert recs[0]["blame"] is True
    assert recs[1]["feelings"][0] == "lonely" and recs[1]["needs"][0] == "connection"
    assert recs[1]["blame"] is False
    assert "angry" not in recs[2]["feelings"]


def test_reflect_json_with_text_argument() -> None:
    out = io.StringIO()
    assert run(["--json", "You're so selfish"], io.StringIO(""), out) == 0
    assert json.loads(out.getvalue())["blame"] is True


def test_reflect_without_text_is_a_usage_error() -> None:
    out = io.StringIO()
    assert run([], io.StringIO(""), out) == 2
    assert "accord reflect" in out.getvalue()


def test_import_loads_neither_textual_nor_rich() -> None:
    code = (
        "import sys\n"
        "import accord.language as L\n"
        "from accord.language import analyze, reflection_prompt, coaching_hint, suggest_issues\n"
        "import accord.language.cli\n"
        "a = analyze('You never listen and I feel hurt')\n"
        "reflection_prompt(a, 'Sam'); coaching_hint(a); suggest_issues(['x'])\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
        "print(','.join(bad))\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert res.stdout.strip() == ""
