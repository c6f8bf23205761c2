"""The ``accord`` command: start the app, resume a session, or list sessions and agreements.

Listing never imports Textual, so ``accord sessions`` answers quickly; the full-screen app is
imported only when it is about to run. The data model and the store are imported by the
commands that use them: for the app, once the garbage collector is held off (see _launch).
"""

from __future__ import annotations

import gc
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from accord import __version__
from accord.locations import DATA_DIR_ENV, data_dir

if TYPE_CHECKING:
    import argparse

    from accord.storage.store import ScanResult

DESCRIPTION = (
    "accord helps two partners at one keyboard work through a disagreement: taking turns, "
    "reflecting back, time-outs, and agreements you both confirm. Run it with no command to "
    "open the full-screen app."
)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_UNREADABLE = 2  # listing worked, but some files could not be read


class CliError(Exception):
    """Something the user should be told in one line; the command then exits with 1."""


# -- parsing -----------------------------------------------------------------------------


def _data_dir_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="PATH",
        default=default,
        help=f"the folder for accord's files (default: ${DATA_DIR_ENV}, else your user "
        "data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="accord",
        description=DESCRIPTION,
        usage="%(prog)s [-h] [--version] [--data-dir PATH] [--config-dir PATH] [COMMAND ...]",
    )
    parser.add_argument("--version", action="version", version=f"accord {__version__}")
    _data_dir_option(parser, None)
    parser.add_argument("--config-dir", metavar="PATH", default=None,
                        help="the folder with settings.toml (default: $ACCORD_CONFIG_DIR, else "
                        "your user config folder; see docs/settings.md)")
    # Sub-commands accept --data-dir too; SUPPRESS keeps them from erasing a value given
    # before the sub-command.
    common = argparse.ArgumentParser(add_help=False)
    _data_dir_option(common, argparse.SUPPRESS)

    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    resume = commands.add_parser(
        "resume", parents=[common], help="resume a paused session (the newest, or SESSION_ID)",
        description="Open a paused session where you left off.",
    )
    resume.add_argument("session_id", nargs="?", metavar="SESSION_ID",
                        help="the session to resume (see `accord sessions`)")
    for name, what in (("sessions", "sessions"), ("agreements", "agreements you both confirmed")):
        sub = commands.add_parser(name, parents=[common], help=f"list {what}",
                                  description=f"List {what}, as a table or as JSON.")
        formats = sub.add_mutually_exclusive_group()
        formats.add_argument("--json", action="store_true", help="print JSON for scripts")
        if name == "agreements":
            sub.description = ("List agreements you both confirmed: as a table, as JSON, as "
                               "a printable Markdown list, or as an iCalendar file.")
            _agreement_options(sub, formats)
    export = commands.add_parser(
        "export", parents=[common], help="print one session's summary as Markdown",
        description="Print a session's summary as Markdown: topic, who, time-outs, what was "
        "heard (if the transcript was kept) and the agreements.",
    )
    export.add_argument("session_id", metavar="SESSION_ID", help="see `accord sessions`")
    export.add_argument("--markdown", action="store_true", help="Markdown (the default)")
    forget = commands.add_parser(
        "forget", parents=[common], help="delete what was said in a session",
        description="Delete a session's file for privacy. The agreements you both confirmed "
        "stay (in a stripped file) unless you add --all. Asks first unless you add --yes.",
    )
    forget.add_argument("session_id", metavar="SESSION_ID", help="see `accord sessions`")
    forget.add_argument("--all", action="store_true", dest="everything",
                        help="delete the confirmed agreements too")
    forget.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    commands.add_parser(
        "reflect", add_help=False,
        help="try the reflection helper on some text (`accord reflect --help`)",
    )
    return parser


def _agreement_options(sub: argparse.ArgumentParser, formats) -> None:
    formats.add_argument("--markdown", action="store_true",
                         help="a printable list grouped by status (for the fridge)")
    formats.add_argument("--ics", action="store_true",
                         help="review dates, daily/weekly/monthly rituals and the next "
                         "check-in as an iCalendar file for your calendar")
    sub.add_argument("--status", action="append", metavar="STATUS",
                     choices=["active", "kept", "renegotiating", "retired"],
                     help="only agreements with this status (active, kept, renegotiating, "
                     "retired); may be given more than once")
    sub.add_argument("--due", action="store_true",
                     help="only agreements whose review date has come")


def _split_reflect(argv: Sequence[str]) -> list[str] | None:
    """The arguments after ``reflect``, if that is the command; they are not ours to parse."""
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg in ("--data-dir", "--config-dir"):
            index += 2
            continue
        if arg.startswith("-"):
            index += 1
            continue
        return list(argv[index + 1 :]) if arg == "reflect" else None
    return None


# -- commands ----------------------------------------------------------------------------


def _report_problems(scan: ScanResult) -> None:
    for problem in scan.problems:
        print(f"accord: cannot read {problem.path.name}: {problem.reason}", file=sys.stderr)


def _launch(folder: Path, resume: str | None = None) -> int:
    # Starting makes many objects and next to no garbage: the garbage collector waits until
    # the first screen is drawn (the app turns it back on then), and what is loaded by then,
    # which lives as long as the program, is set aside so it is not looked through again.
    gc.disable()
    try:
        try:
            from accord.ui.app import make_app
        except ImportError as error:
            raise CliError(f"the full-screen app is not available ({error})") from None
        app = make_app(folder, resume=resume)
        gc.freeze()
        app.run()
    finally:
        gc.enable()
    code = getattr(app, "return_code", None)
    return code if isinstance(code, int) else EXIT_OK


def _resume(folder: Path, session_id: str | None) -> int:
    from accord.cli.load import load_session
    from accord.domain.model import Status
    from accord.storage.store import Store

    store = Store(folder)
    if session_id is None:
        from accord.storage.index import Index

        scan = Index(store).scan()
        _report_problems(scan)
        # A session a crash left "active" is as resumable as one that was paused.
        paused = scan.resumable()
        if not paused:
            raise CliError(
                f"There is no paused session to resume in {folder}. "
                "`accord sessions` lists them all; `accord` starts a new one."
            )
        return _launch(folder, resume=_not_locked(folder, paused[0]["row"]["id"]))
    session = load_session(folder, session_id, CliError)
    if session.status == Status.CLOSED:
        raise CliError(
            f"Session {session_id} is closed; its agreements are in `accord agreements`."
        )
    return _launch(folder, resume=_not_locked(folder, session.id))


def _not_locked(folder: Path, session_id: str) -> str:
    """The id to open. If another accord has that session open, say so: the app then shows
    it read-only."""
    from accord.storage.lock import READ_ONLY_MESSAGE, is_locked

    if is_locked(folder, session_id):
        print(f"accord: {READ_ONLY_MESSAGE}", file=sys.stderr)
    return session_id


def _list(folder: Path, as_json: bool, what: str, args: argparse.Namespace | None = None) -> int:
    from accord.storage.store import ScanResult, Store

    if what == "agreements" and args is not None and args.ics:
        scan = Store(folder).scan()  # a calendar needs whole sessions
    else:  # rows are all it needs, and the summary index has them
        from accord.storage.index import Index

        scan = Index(Store(folder)).scan()
    _report_problems(scan)
    if what == "sessions":
        rows, show = scan.session_rows(), _print_sessions
    else:
        from accord.storage.views import agreement_rows

        rows = (agreement_rows(scan.sessions) if isinstance(scan, ScanResult)
                else scan.agreement_rows())
        show = _print_agreements
        if args is not None:
            return _agreements(folder, scan, rows, args)
    if as_json:
        _print_json(rows, sys.stdout)
    elif rows:
        show(rows, sys.stdout)
    else:
        empty = {
            "sessions": f"No sessions yet in {folder}. Run `accord` to start one.",
            "agreements": f"No agreements yet in {folder}. They appear here once you both "
            "confirm them at the end of a session.",
        }[what]
        print(empty, file=sys.stderr)
    sys.stdout.flush()
    return EXIT_UNREADABLE if scan.problems else EXIT_OK


def _print_json(rows: list[dict], out: TextIO) -> None:
    """A JSON list with one row per line: still easy to read and to grep, and written by
    json's C encoder (``indent`` and ``json.dump`` both use the slow pure-Python one)."""
    import json  # here: launching the app does not need it

    encode = json.JSONEncoder(ensure_ascii=False).encode
    if not rows:
        out.write("[]\n")
        return
    out.write("[\n")
    for n, row in enumerate(rows):  # row by row: the whole text is never held at once
        out.write(("" if n == 0 else ",\n") + encode(row))
    out.write("\n]\n")


def today() -> date:
    """Today, where the user is (tests replace this)."""
    return datetime.now().astimezone().date()


def _agreements(folder: Path, scan, everything: list[dict],
                args: argparse.Namespace) -> int:
    from accord.cli import export

    rows = everything
    if args.status:
        rows = [row for row in rows if row["status"] in args.status]
    if args.due:
        day = today().isoformat()
        rows = [row for row in rows if row["status"] in ("active", "kept")
                and row["review_on"] and row["review_on"] <= day]
    if args.json:
        _print_json(rows, sys.stdout)
    elif args.markdown:
        sys.stdout.write(export.agreements_markdown(rows, today(), everything=everything))
    elif args.ics:
        sys.stdout.flush()
        sys.stdout.buffer.write(export.agreements_ics(rows, scan.sessions))
    elif rows:
        _print_agreements(rows, sys.stdout)
    elif everything:
        print("No agreements match.", file=sys.stderr)
    else:
        print(f"No agreements yet in {folder}. They appear here once you both confirm them "
              "at the end of a session.", file=sys.stderr)
    sys.stdout.flush()
    return EXIT_UNREADABLE if scan.problems else EXIT_OK


def _export(folder: Path, session_id: str) -> int:
    from accord.cli import export
    from accord.cli.load import load_session
    from accord.storage.store import Store

    session = load_session(folder, session_id, CliError)
    whats = {}
    if session.reviewed or session.seeded_from:
        whats = {a.id: a.what for s in Store(folder).scan().sessions for a in s.agreements}
    sys.stdout.write(export.session_markdown(session, whats=whats))
    sys.stdout.flush()
    return EXIT_OK


def _forget(folder: Path, args: argparse.Namespace) -> int:
    from accord.cli.forget import ForgetError, forget

    try:
        return forget(folder, args.session_id, everything=args.everything, yes=args.yes,
                      ask=input, out=sys.stdout)
    except ForgetError as error:
        raise CliError(str(error)) from None


# -- tables for people -------------------------------------------------------------------


def _local_day(iso: str) -> str:
    try:
        return f"{datetime.fromisoformat(iso).astimezone():%Y-%m-%d}"
    except ValueError:
        return iso


def _table_width(out: TextIO) -> int:
    """The terminal's width (honouring $COLUMNS); 80 when printing into a pipe or a file."""
    if out.isatty():
        return max(40, shutil.get_terminal_size((80, 24)).columns)
    return 80


def _print_table(
    out: TextIO,
    columns: list[tuple[str, dict]],
    rows: list[dict],
    cells: Callable[[dict], list[str]],
) -> None:
    """Plain aligned columns, every cell printed as typed (``[bold]Sam`` stays as it is).

    Fixed columns (ids, dates, statuses) keep their full width; the others share what is
    left of the terminal, and text that does not fit is cut short with an ellipsis.
    """
    from rich.cells import cell_len

    gap = "  "
    headers = [header for header, _options in columns]
    body = [[_one_line(value) for value in cells(row)] for row in rows]
    natural = [
        max([cell_len(headers[i])] + [cell_len(line[i]) for line in body])
        for i in range(len(columns))
    ]
    fixed = [bool(options.get("fixed")) for _header, options in columns]
    room = _table_width(out) - len(gap) * (len(columns) - 1)
    room -= sum(width for width, is_fixed in zip(natural, fixed, strict=True) if is_fixed)
    flexible = [i for i, is_fixed in enumerate(fixed) if not is_fixed]
    shared = iter(_share(room, [natural[i] for i in flexible],
                         [columns[i][1].get("weight", 1) for i in flexible]))
    widths = [w if f else next(shared) for w, f in zip(natural, fixed, strict=True)]
    right = [options.get("justify") == "right" for _header, options in columns]

    def line(values: list[str]) -> str:
        return gap.join(
            _fit(value, width, align_right)
            for value, width, align_right in zip(values, widths, right, strict=True)
        ).rstrip()

    out.write(line(headers) + "\n")
    out.write(gap.join("─" * width for width in widths) + "\n")
    for values in body:
        out.write(line(values) + "\n")


def _fit(text: str, width: int, align_right: bool = False) -> str:
    """``text`` padded or cut to exactly ``width`` terminal cells."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) > width:
        text = set_cell_size(text, max(0, width - 1)) + "…" if width > 0 else ""
    padding = " " * (width - cell_len(text))
    return padding + text if align_right else text + padding


def _share(room: int, wanted: list[int], weights: list[int], least: int = 6) -> list[int]:
    """Split ``room`` cells between flexible columns by weight: a column that needs less
    than its share gets just what it needs and leaves the rest to the others (none gets
    below ``least``, even if the table then overflows)."""
    widths = [0] * len(wanted)
    pending = sorted(range(len(wanted)), key=lambda i: wanted[i] / weights[i])
    weight_left = sum(weights)
    for i in pending:
        fair = max(least, room * weights[i] // weight_left)
        widths[i] = min(wanted[i], fair)
        room -= widths[i]
        weight_left -= weights[i]
    return widths


def _one_line(text: str) -> str:
    """Table cells are one line: newlines and other control characters become spaces."""
    return "".join(" " if ch < " " or ch == "\x7f" else ch for ch in text)


def _print_sessions(rows: list[dict], out: TextIO) -> None:
    columns = [
        ("Session", {"fixed": True}),
        ("Updated", {"fixed": True}),
        ("Status", {"fixed": True}),
        ("Partners", {}),
        ("Topic", {}),
        ("Where you left off", {}),
    ]
    _print_table(out, columns, rows, lambda r: [
        r["id"], _local_day(r["updated"]), r["status"], " & ".join(r["partners"]), r["topic"],
        r["where"],
    ])


def _print_agreements(rows: list[dict], out: TextIO) -> None:
    columns = [
        ("Review", {"fixed": True}),
        ("What", {"weight": 3}),
        ("Who", {}),
        ("When", {}),
        ("Status", {"fixed": True}),
        ("Issue", {}),
    ]
    _print_table(out, columns, rows, lambda r: [
        r["review_on"], r["what"], r["who"], r["when"] or r.get("rhythm", ""), r["status"],
        r["issue"],
    ])


# -- entry point -------------------------------------------------------------------------


def _run(argv: list[str]) -> int:
    reflect_args = _split_reflect(argv)
    if reflect_args is not None:
        try:
            from accord.language.cli import run
        except ImportError:
            raise CliError("`accord reflect` is not available in this version yet.") from None
        return run(reflect_args, sys.stdin, sys.stdout)
    if not argv:  # plain `accord`, as people open it: no options to read, straight to the app
        folder = data_dir(None)
        _check_folder(folder, write=True)
        return _launch(folder)

    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error argparse has printed
        return stop.code if isinstance(stop.code, int) else EXIT_OK
    folder = data_dir(args.data_dir)
    if args.config_dir:  # read by the app when it loads its settings
        os.environ["ACCORD_CONFIG_DIR"] = str(args.config_dir)
    _check_folder(folder, write=args.command in (None, "resume"))
    if args.command is None:
        return _launch(folder)
    if args.command == "resume":
        return _resume(folder, args.session_id)
    if args.command == "export":
        return _export(folder, args.session_id)
    if args.command == "forget":
        return _forget(folder, args)
    if args.command == "agreements":
        return _list(folder, args.json, args.command, args)
    return _list(folder, args.json, args.command)


def _check_folder(folder: Path, *, write: bool) -> None:
    """Stop with a clear message if the folder cannot be used (the app itself warns when
    others could read it)."""
    from accord.storage.privacy import folder_problem

    problem = folder_problem(folder, write=write)
    if problem:
        raise CliError(problem)


def main(argv: list[str] | None = None) -> int:
    """Run the ``accord`` command; returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        return _run(argv)
    except CliError as error:
        print(f"accord: {error}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        # The reader went away (`accord sessions | head`): stop quietly, and keep Python
        # from complaining while it flushes stdout on the way out.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except UnicodeEncodeError:
        print("accord: this terminal cannot show some of the text; try --json, or set "
              "PYTHONIOENCODING=utf-8", file=sys.stderr)
        return EXIT_FAILED
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        print(f"accord: {error.strerror or error}{where}", file=sys.stderr)
        return EXIT_FAILED
