"""``accord forget SESSION``: remove what was said in a session, for privacy.

By default the agreements both partners confirmed stay (with their history), in a stripped
file under the same name: everything else — turns, reflections, preparation, notes,
appreciations, time-outs — is gone. With ``--all`` the file is deleted outright. A session
that was renegotiating an agreement, forgotten before it closed, gives that agreement back
its *active* status.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TextIO

from accord.cli.load import load_session
from accord.domain import lifecycle
from accord.domain.model import Status
from accord.domain.rules import RuleError
from accord.storage.store import Store, UnreadableFile

EXIT_OK = 0
EXIT_FAILED = 1


class ForgetError(Exception):
    """The session could not be forgotten; the message says why, in one line."""


def _agreements(n: int) -> str:
    return f"{n} confirmed agreement{'s' if n != 1 else ''}"


def _describe(session) -> str:
    names = " & ".join(p.name for p in session.partners.values())
    topic = f"“{session.topic}”, " if session.topic else ""
    return f"{topic}{names}, {session.created:%Y-%m-%d}"


def forget(folder: Path, session_id: str, *, everything: bool, yes: bool,
           ask: Callable[[str], str], out: TextIO, now: datetime | None = None) -> int:
    store = Store(folder)
    session = load_session(folder, session_id, ForgetError,
                           unreadable_note=". Nothing was changed; fix or move the file by hand.")

    left = None if everything else lifecycle.stripped(session)
    kept = len(left.agreements) if left else 0
    if left is None:
        plan = "The whole file will be deleted"
        if session.agreed:
            plan += f", including its {_agreements(len(session.agreed))}"
        plan += "."
    else:
        these = "the one agreement you both confirmed stays (add --all to delete it too)" \
            if kept == 1 else \
            f"the {kept} agreements you both confirmed stay (add --all to delete those too)"
        plan = f"What was said will be deleted; {these}."
    if not yes:
        out.write(f"Forget session {session.id} ({_describe(session)})?\n{plan}\n")
        out.flush()
        try:
            answer = ask("Type 'yes' to forget it: ")
        except EOFError:
            out.write("\nNothing was changed (add --yes to forget without being asked).\n")
            return EXIT_FAILED
        if answer.strip().casefold() not in ("yes", "y"):
            out.write("Nothing was changed.\n")
            return EXIT_FAILED

    _release_renegotiation(store, session, now or datetime.now().astimezone())
    path = store.session_path(session.id)
    if left is None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        out.write(f"Forgotten: {path.name} is deleted.\n")
    else:
        store.save(left)
        out.write(f"Forgotten: what was said is deleted; the {_agreements(kept)} "
                  f"{'remains' if kept == 1 else 'remain'} in {path.name}.\n")
    out.write("Copies in backups or synced folders are not touched.\n")
    return EXIT_OK


def _release_renegotiation(store: Store, session, now: datetime) -> None:
    """An unfinished renegotiation, forgotten: the agreement it started from is active again."""
    if not session.seeded_from or session.status == Status.CLOSED:
        return
    try:
        owner = store.load(lifecycle.owner_session_id(session.seeded_from))
        lifecycle.cancel_renegotiation(owner, session.seeded_from, now)
    except (ValueError, KeyError, UnreadableFile, RuleError):
        return
    store.save(owner)
