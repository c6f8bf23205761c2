"""Write measured figures into docs/reliability.md, each in its own marked section."""

from __future__ import annotations

from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "reliability.md"


def update_section(name: str, text: str) -> None:
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    doc = DOC.read_text(encoding="utf-8")
    head, found, rest = doc.partition(start)
    if not found:
        raise SystemExit(f"{DOC} has no {start} marker")
    _, found, tail = rest.partition(end)
    DOC.write_text(f"{head}{start}\n{text.rstrip()}\n{end}{tail}", encoding="utf-8")
