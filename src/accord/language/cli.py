"""`accord reflect`: try the language engine from the command line.

    accord reflect "You never ask how my day was."      # for people
    accord reflect --json < statements.txt              # one JSON object per input line
"""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from .engine import analyze
from .prompts import coaching_hint, reflection_prompt
from .vocab import NEED_LABELS


def _record(text: str) -> dict[str, object]:
    a = analyze(text)
    rec: dict[str, object] = {
        "text": text,
        "feelings": list(a.feelings),
        "stated_feelings": list(a.stated_feelings),
        "needs": list(a.needs),
        "blame": a.has_blame,
        "blame_spans": [b.to_dict() for b in a.blame],
        "safety": a.safety,
        "topics": list(a.topics),
        "request": a.request.to_dict() if a.request else None,
        "reflection": reflection_prompt(a, ""),
        "coaching": coaching_hint(a),
    }
    return rec


def _human(text: str, out: TextIO) -> None:
    a = analyze(text)
    stated = set(a.stated_feelings)
    feel = ", ".join(f if f in stated else f"{f} (a guess)" for f in a.feelings) or "none found"
    needs = ", ".join(f"{NEED_LABELS.get(n, n)} [{n}]" for n in a.needs) or "none found"
    out.write(f"Statement: {text}\n")
    out.write(f"Feelings:  {feel}\n")
    out.write(f"Needs:     {needs}\n")
    if a.blame:
        found = "; ".join(f"{b.kind}: \u201c{b.text}\u201d" for b in a.blame)
        out.write(f"Blame:     {found}\n")
    else:
        out.write("Blame:     none\n")
    if a.request:
        kind = [
            "concrete" if a.request.concrete else "vague",
            "positive" if a.request.positive else "negative",
        ]
        out.write(f"Request:   \u201c{a.request.text}\u201d ({', '.join(kind)})\n")
    if a.topics:
        out.write(f"Topics:    {', '.join(a.topics)}\n")
    if a.safety:
        out.write("Safety:    this mentions fear, threats or violence; see the care notice.\n")
    out.write(f"Listener could say: {reflection_prompt(a, '')}\n")
    hint = coaching_hint(a)
    if hint:
        out.write(f"Coaching:  {hint}\n")


def run(argv: list[str], stdin: TextIO, stdout: TextIO) -> int:
    """Entry point for `accord reflect ...` (argv excludes "accord reflect")."""
    parser = argparse.ArgumentParser(
        prog="accord reflect",
        description="Show the feelings, needs and attacking words accord finds in a statement.",
    )
    parser.add_argument("text", nargs="*", help="the statement (omit to read standard input)")
    parser.add_argument(
        "--json",
        action="store_true",
        help="read one statement per line from standard input (or use TEXT) and write one"
        " JSON object per line",
    )
    args = parser.parse_args(argv)
    text = " ".join(args.text).strip()
    if args.json:
        lines = [text] if text else (line.rstrip("\r\n") for line in stdin)
        for line in lines:
            if not line.strip():
                continue
            stdout.write(json.dumps(_record(line), ensure_ascii=False) + "\n")
        stdout.flush()
        return 0
    if not text:
        text = stdin.read().strip() if stdin is not None else ""
    if not text:
        parser.print_usage(stdout)
        stdout.write("accord reflect: give a statement, e.g. accord reflect \"I feel alone\"\n")
        return 2
    _human(text, stdout)
    return 0


def main() -> int:  # pragma: no cover - convenience for `python -m accord.language.cli`
    import sys

    return run(sys.argv[1:], sys.stdin, sys.stdout)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
