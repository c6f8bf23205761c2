"""Fuzz the loader with broken and hostile files (hypothesis).

Every case is written to a data folder and read the way the app reads it. The loader must
either load it or raise its own :class:`UnreadableFile` naming the file and the problem; never
any other exception. A file it refused must then survive a save of a session with the same id,
byte for byte, and a scan of the folder must still list the good sessions beside it.

The cases: the example sessions in ``sessions/`` with one or more values replaced (wrong types,
huge strings, control characters, dates at the ends of the calendar, unknown schema versions),
keys deleted or added, ids duplicated; and raw bytes: truncated files, flipped bytes, invalid
UTF-8, random bytes.

Quick (CI): ``pytest tests/reliability/test_fuzz.py``. Full: ``python -m tests.reliability.fuzz
--full --report`` (10,000 cases and more, figures into docs/reliability.md).
"""

from __future__ import annotations

import argparse
import copy
import re
import shutil
import tempfile
import time
import tomllib
from collections import Counter
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.storage.codec import session_to_dict
from accord.storage.store import Store, UnreadableFile

EXAMPLES = Path(__file__).resolve().parents[2] / "sessions"
SESSION_FILES = sorted(EXAMPLES.glob("*.session.toml"))
BASES = [tomllib.loads(p.read_text(encoding="utf-8")) for p in SESSION_FILES]
COUPLE_BASE = tomllib.loads((EXAMPLES / "couple.toml").read_text(encoding="utf-8"))

OUTCOMES: Counter = Counter()
REASONS: Counter = Counter()

HOSTILE_TEXT = st.sampled_from([
    "", " ", "[bold]x[/bold]", "[link=https://example.com]x[/link]", "\x1b[31mred\x1b[0m",
    "\x00", "\u202eevil", "\u200b", "../../etc/passwd", "a" * 100_000, "é" * 20_000,
    "👩‍❤️‍👨", "\ud7ff", "line\nbreak", "tab\there", "\x7f\x9b",
])
HOSTILE_VALUE = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    HOSTILE_TEXT,
    st.text(max_size=50),
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31),
                 timezones=st.sampled_from([UTC, timezone(timedelta(hours=14)),
                                            timezone(timedelta(hours=-12))])),
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),  # no zone
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.just([]),
    st.just({}),
)


def _paths(data, prefix=()):
    """Every (path, value) in a nested dict/list, parents before children."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield prefix + (key,), value
            yield from _paths(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield prefix + (index,), value
            yield from _paths(value, prefix + (index,))


def _parent(data, path):
    for key in path[:-1]:
        data = data[key]
    return data


@st.composite
def mutated_dicts(draw, bases=BASES):
    data = copy.deepcopy(draw(st.sampled_from(bases)))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        paths = [p for p, _ in _paths(data)]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _parent(data, path)
        kind = draw(st.sampled_from(["replace", "replace", "replace", "delete", "add",
                                     "duplicate", "schema"]))
        if kind == "replace":
            parent[path[-1]] = draw(HOSTILE_VALUE)
        elif kind == "delete":
            del parent[path[-1]]
        elif kind == "add" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=10))] = draw(HOSTILE_VALUE)
        elif kind == "duplicate" and isinstance(parent, list) and parent:
            parent.append(copy.deepcopy(parent[path[-1]]))  # same id twice
        elif kind == "schema":
            data["schema"] = draw(st.one_of(st.integers(min_value=-5, max_value=10**6),
                                            HOSTILE_VALUE))
    return data


def _dump(data: dict) -> bytes | None:
    try:
        return tomli_w.dumps(data).encode("utf-8", "surrogatepass")
    except (TypeError, ValueError):
        return None  # not representable as TOML: nothing a file could hold


@st.composite
def broken_bytes(draw):
    good = draw(st.sampled_from(SESSION_FILES)).read_bytes()
    kind = draw(st.sampled_from(["truncate", "flip", "insert", "random", "bad-utf8"]))
    if kind == "truncate":
        return good[: draw(st.integers(min_value=0, max_value=len(good) - 1))]
    if kind == "flip":
        data = bytearray(good)
        for _ in range(draw(st.integers(min_value=1, max_value=8))):
            at = draw(st.integers(min_value=0, max_value=len(data) - 1))
            data[at] = draw(st.integers(min_value=0, max_value=255))
        return bytes(data)
    if kind == "insert":
        at = draw(st.integers(min_value=0, max_value=len(good)))
        return good[:at] + draw(st.binary(min_size=1, max_size=40)) + good[at:]
    if kind == "bad-utf8":
        at = draw(st.integers(min_value=0, max_value=len(good)))
        return good[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xc0\xaf"]))\
            + good[at:]
    return draw(st.binary(max_size=2000))


def check_session_file(data: bytes, session_id: str) -> str:
    """Load one session file the way the app does; return 'loaded' or 'refused'."""
    folder = Path(tempfile.mkdtemp(prefix="accord-fuzz-"))
    try:
        store = Store(folder)
        path = folder / f"{session_id}{Store.SESSION_SUFFIX}"
        path.write_bytes(data)
        try:
            session = store.load_path(path)
        except UnreadableFile as problem:
            assert problem.path == path
            assert problem.reason and isinstance(problem.reason, str)
            assert path.name in str(problem)
            reason = problem.reason.split(":")[0][:60]
            REASONS[re.sub(r"(?<=[ \[(])\d+", "N", reason)] += 1
            # Never overwritten: a save of a session with this id must refuse and leave it.
            good = Store(folder).load_path(_write_good(folder, path))
            good.id = session_id
            try:
                store.save(good)
            except UnreadableFile:
                pass
            else:
                raise AssertionError("a file that could not be read was overwritten")
            assert path.read_bytes() == data
            # The app starts with the rest: a scan lists the good file and names the bad one.
            scan = Store(folder).scan()
            assert [p.path.name for p in scan.problems] == [path.name]
            assert len(scan.sessions) == 1
            return "refused"
        # Loaded: saving it again must work and load back the same (to the second).
        store.save(session)
        again = Store(folder).load_path(path)
        # (Compared as TOML text, where a NaN in a free-form table equals itself.)
        assert tomli_w.dumps(session_to_dict(again)) == tomli_w.dumps(session_to_dict(session))
        return "loaded"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _write_good(folder: Path, bad: Path) -> Path:
    """A good example session beside the bad file (a different one, never the bad file)."""
    source = next(p for p in SESSION_FILES if p.name != bad.name)
    target = folder / source.name
    if not target.exists():
        shutil.copyfile(source, target)
    return target


def check_couple_file(data: bytes) -> str:
    folder = Path(tempfile.mkdtemp(prefix="accord-fuzz-"))
    try:
        store = Store(folder)
        store.couple_path.write_bytes(data)
        couple = store.load_couple()  # never raises: defaults, and the reason kept
        if store.couple_problem is None:
            store.save_couple(couple)
            return "loaded"
        assert store.couple_problem.path == store.couple_path
        try:
            store.save_couple(couple)
        except UnreadableFile:
            pass
        else:
            raise AssertionError("couple.toml that could not be read was overwritten")
        assert store.couple_path.read_bytes() == data
        return "refused"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _session_id(data: dict) -> str:
    value = data.get("id")
    if isinstance(value, str):
        from accord.storage.codec import SESSION_ID

        if SESSION_ID.fullmatch(value):
            return value
    return "20261121-120000-f00d"


def _settings(examples: int) -> settings:
    return settings(max_examples=max(1, examples), deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))


def make_tests(total: int):
    """The three fuzz tests, sharing ``total`` cases: 60 % values, 30 % bytes, 10 % couple."""
    values_n, bytes_n = total * 6 // 10, total * 3 // 10

    @_settings(values_n)
    @given(mutated_dicts())
    def fuzz_session_values(data):
        raw = _dump(data)
        if raw is None:
            OUTCOMES["not representable in TOML (skipped)"] += 1
            return
        OUTCOMES["session values: " + check_session_file(raw, _session_id(data))] += 1

    @_settings(bytes_n)
    @given(broken_bytes())
    def fuzz_session_bytes(data):
        OUTCOMES["session bytes: " + check_session_file(data, "20261114-193000-c2c6")] += 1

    @_settings(total - values_n - bytes_n)
    @given(mutated_dicts(bases=[COUPLE_BASE]))
    def fuzz_couple(data):
        raw = _dump(data)
        if raw is None:
            OUTCOMES["not representable in TOML (skipped)"] += 1
            return
        OUTCOMES["couple: " + check_couple_file(raw)] += 1

    return fuzz_session_values, fuzz_session_bytes, fuzz_couple


def run(total: int) -> float:
    began = time.monotonic()
    for test in make_tests(total):
        test()
    return time.monotonic() - began


def report(seconds: float, command: str) -> str:
    tried = sum(OUTCOMES.values())
    lines = [
        f"Command: `{command}`, {seconds:.0f} s on this machine.",
        "",
        "| cases | value |",
        "|---|---|",
    ]
    lines += [f"| {name} | {count} |" for name, count in sorted(OUTCOMES.items())]
    lines += [
        f"| **all cases** | **{tried}** |",
        "| **other exceptions (crashes)** | **0** |",
        "| **refused files overwritten** | **0** |",
        "",
        "Most common reasons given for refusing a file: "
        + "; ".join(f"{reason!r} {count}" for reason, count in REASONS.most_common(8)) + ".",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.reliability.fuzz")
    parser.add_argument("--full", action="store_true", help="12,000 cases")
    parser.add_argument("--cases", type=int)
    parser.add_argument("--report", action="store_true")
    args = parser.parse_args(argv)
    total = args.cases or (12_000 if args.full else 500)
    seconds = run(total)  # any failure raises, with hypothesis's minimal example
    command = "python -m tests.reliability.fuzz" + (" --full" if args.full else "") + (
        f" --cases {args.cases}" if args.cases else "")
    text = report(seconds, command)
    print(text)
    if args.report:
        from tests.reliability.doc import update_section

        update_section("fuzz", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
