"""The data folder: one TOML file per session, plus couple.toml.

Every save is atomic and private to the user (see :mod:`accord.storage.atomic`). A file that
cannot be read is reported as :class:`UnreadableFile` with its name and the reason, and is
never overwritten: a damaged file may be the only copy of what two people said.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from accord.domain.model import SCHEMA_VERSION, Couple, Profile, Status
from accord.storage import upgrades
from accord.storage.atomic import write_atomic
from accord.storage.codec_parts import SESSION_ID, SchemaError
from accord.storage.couple_codec import (
    couple_from_dict,
    couple_to_dict,
    profiles_from_dict,
    profiles_to_dict,
)

if TYPE_CHECKING:
    from accord.domain.session import Session
    from accord.storage.render import TurnCache

# A session's classes, its codec and its renderer are imported where a session is first read
# or written: the app's first screen needs only the couple's file (see accord.domain.session).

FOLDER_MODE = 0o700
COUPLE_FILE = "couple.toml"
PROFILES_FILE = "profiles.toml"


class UnreadableFile(Exception):
    """A file accord cannot read (or will not overwrite), with the reason in plain words."""

    def __init__(self, path: Path, reason: str, problems: list[str] | None = None) -> None:
        self.path = Path(path)
        self.reason = reason
        #: Every schema problem, when the reason is a :class:`SchemaError`.
        self.problems = list(problems or [])
        super().__init__(f"{self.path.name}: {reason}")

    def __str__(self) -> str:
        return f"{self.path.name}: {self.reason}"


@dataclass
class ScanResult:
    sessions: list[Session] = field(default_factory=list)  # newest ``updated`` first
    problems: list[UnreadableFile] = field(default_factory=list)


def _signature(stat: os.stat_result) -> tuple[int, int, int]:
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def file_signature(path) -> tuple[int, int, int] | None:
    """What tells one version of a file from the next (time, size, inode), or None if it
    is not there: a file whose signature is unchanged need not be read again."""
    try:
        return _signature(os.stat(path))
    except OSError:
        return None


def _read_toml(path: Path) -> tuple[dict, tuple[int, int, int]]:
    """Parse a TOML file; any failure becomes an :class:`UnreadableFile` with a clear reason."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
            signature = _signature(os.fstat(handle.fileno()))
    except FileNotFoundError:
        raise UnreadableFile(path, "file not found") from None
    except PermissionError:
        raise UnreadableFile(path, "permission denied") from None
    except IsADirectoryError:
        raise UnreadableFile(path, "is a folder, not a file") from None
    except OSError as error:
        raise UnreadableFile(path, error.strerror or str(error)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise UnreadableFile(path, f"not UTF-8 text (bad byte on line {line})") from None
    import tomllib  # here, not at the top: a first start has no file to read

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UnreadableFile(path, f"not valid TOML: {error}") from None
    return data, signature


class Store:
    """Sessions and the couple file in one data folder."""

    SESSION_SUFFIX = ".session.toml"

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        # Files this store has read or written, with their (mtime, size, inode) at that time:
        # a file that still matches is known to be readable, so saving need not re-read it.
        self._known_good: dict[Path, tuple[int, int, int]] = {}
        # Files loaded from an older schema, with that version: backed up before re-saving.
        self._upgraded: dict[Path, int] = {}
        #: Why couple.toml could not be read at the last :meth:`load_couple`, if it couldn't.
        self.couple_problem: UnreadableFile | None = None
        # The text of each turn of the session saved last, reused while a turn is unchanged.
        self._turns: tuple[str, TurnCache] | None = None

    # -- folders and names ---------------------------------------------------------------

    def ensure(self) -> None:
        """Create the data folder (and any missing parents) readable only by the user."""
        missing = []
        folder = self.root
        while not folder.exists():
            missing.append(folder)
            if folder.parent == folder:
                break
            folder = folder.parent
        for folder in reversed(missing):
            try:
                folder.mkdir(mode=FOLDER_MODE)
            except FileExistsError:
                continue
            os.chmod(folder, FOLDER_MODE)

    def session_path(self, session_id: str) -> Path:
        """Where a session lives. Ids are letters, digits and '-', so no path tricks."""
        if not isinstance(session_id, str) or not SESSION_ID.fullmatch(session_id):
            raise ValueError(f"{session_id!r} is not a session id")
        return self.root / f"{session_id}{self.SESSION_SUFFIX}"

    @property
    def couple_path(self) -> Path:
        return self.root / COUPLE_FILE

    # -- sessions ------------------------------------------------------------------------

    def save(self, session: Session) -> Path:
        """Write the session atomically. Refuses to replace a file it cannot read."""
        from accord.storage.render import TurnCache, render_session

        path = self.session_path(session.id)
        self.ensure()
        self._check_overwritable(path, self.load_path)
        if self._turns is None or self._turns[0] != session.id:
            self._turns = (session.id, TurnCache())
        data = render_session(session, self._turns[1]).encode("utf-8")
        if path in self._upgraded:  # keep the older file once, before it is first rewritten
            upgrades.back_up(path, self._upgraded.pop(path))
        write_atomic(path, data)
        self._remember(path)
        return path

    def warm(self, session: Session) -> None:
        """Render a session just read, without writing it, so that its next save reuses the
        text of every unchanged turn (the first save of a long session is otherwise slow)."""
        from accord.storage.render import TurnCache, render_session

        cache = TurnCache()
        path = self.session_path(session.id)
        known = self._known_good.get(path)
        try:  # the turns' text straight from the file, if it is still the one just read
            with open(path, "rb") as handle:
                raw = handle.read()
                same = known is not None and _signature(os.fstat(handle.fileno())) == known
            primed = same and cache.prime(session, raw.decode("utf-8"))
        except (OSError, UnicodeDecodeError):
            primed = False
        if not primed:
            render_session(session, cache)
        self._turns = (session.id, cache)

    def load(self, session_id: str) -> Session:
        return self.load_path(self.session_path(session_id))

    def load_path(self, path: Path) -> Session:
        from accord.storage.codec import session_from_dict

        path = Path(path)
        data, signature = _read_toml(path)
        try:
            session = session_from_dict(data)
        except SchemaError as error:
            raise UnreadableFile(path, str(error), error.problems) from None
        expected = path.name.removesuffix(self.SESSION_SUFFIX)
        if path.name.endswith(self.SESSION_SUFFIX) and session.id != expected:
            raise UnreadableFile(
                path, f"its id {session.id!r} does not match its file name; rename one of them"
            )
        self._known_good[path] = signature
        version = upgrades.file_version(data)
        if version is not None and version < SCHEMA_VERSION:
            self._upgraded[path] = version
        return session

    def scan(self) -> ScanResult:
        """Every session file in the folder. A bad file is reported, never raised."""
        result = ScanResult()
        try:
            paths = sorted(self.root.glob(f"*{self.SESSION_SUFFIX}"))
        except OSError:
            return result
        for path in paths:
            try:
                result.sessions.append(self.load_path(path))
            except UnreadableFile as problem:
                result.problems.append(problem)
        result.sessions.sort(key=lambda s: s.updated, reverse=True)
        return result

    def paused(self) -> list[Session]:
        return [s for s in self.scan().sessions if s.status == Status.PAUSED]

    # -- the couple ----------------------------------------------------------------------

    def load_couple(self) -> Couple:
        """What the couple set up last time; a missing or unreadable file gives defaults.

        If the file exists but cannot be read, :attr:`couple_problem` says why and
        :meth:`save_couple` will refuse to replace it.
        """
        self.couple_problem = None
        try:
            return self._load_couple_path(self.couple_path)
        except UnreadableFile as problem:
            if problem.reason != "file not found":
                self.couple_problem = problem
            return Couple()

    def save_couple(self, couple: Couple) -> None:
        import tomli_w

        if self.couple_problem is not None:
            raise UnreadableFile(
                self.couple_problem.path, f"{self.couple_problem.reason} (not overwritten)"
            )
        path = self.couple_path
        self.ensure()
        self._check_overwritable(path, self._load_couple_path)
        write_atomic(path, tomli_w.dumps(couple_to_dict(couple)).encode("utf-8"))
        self._remember(path)

    def _load_couple_path(self, path: Path) -> Couple:
        data, signature = _read_toml(path)
        try:
            couple = couple_from_dict(data)
        except SchemaError as error:
            raise UnreadableFile(path, str(error), error.problems) from None
        self._known_good[path] = signature
        return couple

    # -- needs and boundaries profiles ---------------------------------------------------

    @property
    def profiles_path(self) -> Path:
        return self.root / PROFILES_FILE

    def load_profiles(self) -> list[Profile]:
        """Both partners' profiles; [] if there is no file yet. A file that exists but cannot
        be read raises :class:`UnreadableFile` (and is never overwritten)."""
        try:
            return self._load_profiles_path(self.profiles_path)
        except UnreadableFile as problem:
            if problem.reason == "file not found":
                return []
            raise

    def save_profiles(self, profiles: list[Profile]) -> Path:
        import tomli_w

        path = self.profiles_path
        self.ensure()
        self._check_overwritable(path, self._load_profiles_path)
        data = tomli_w.dumps(profiles_to_dict(profiles), multiline_strings=True)
        write_atomic(path, data.encode("utf-8"))
        self._remember(path)
        return path

    def _load_profiles_path(self, path: Path) -> list[Profile]:
        data, signature = _read_toml(path)
        try:
            profiles = profiles_from_dict(data)
        except SchemaError as error:
            raise UnreadableFile(path, str(error), error.problems) from None
        self._known_good[path] = signature
        return profiles

    # -- never overwrite what cannot be read ---------------------------------------------

    def _check_overwritable(self, path: Path, load) -> None:
        """Raise :class:`UnreadableFile` if ``path`` exists and cannot be read."""
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            return
        except OSError as error:
            raise UnreadableFile(path, f"{error.strerror} (not overwritten)") from None
        if self._known_good.get(path) == _signature(stat):
            return
        try:
            load(path)
        except UnreadableFile as problem:
            raise UnreadableFile(
                path, f"{problem.reason} (not overwritten)", problem.problems
            ) from None

    def _remember(self, path: Path) -> None:
        try:
            self._known_good[path] = _signature(os.stat(path))
        except OSError:
            self._known_good.pop(path, None)
