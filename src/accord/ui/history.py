"""The summary index of the app's data folder, shared by the screens that list history.

One :class:`~accord.storage.index.Index` per app keeps its entries in memory, so the home
screen and the agreements review rescan by ``stat`` alone while nothing changed. The last scan
is kept too: a screen can show it at once and replace it when a fresh scan is done.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from textual import work

from accord.lasting import made_to_last

if TYPE_CHECKING:
    from accord.storage.index import Index, IndexScan

BACKGROUND_SCAN_FILES = 100  # folders with more session files than this are read in a thread


def many_files(folder) -> bool:
    """Whether the folder holds more sessions than can be read before the screen appears."""
    count = 0
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                count += entry.name.endswith(".session.toml")
                if count > BACKGROUND_SCAN_FILES:
                    return True  # enough: thousands of names need not be listed at start-up
    except OSError:
        return False
    return False


def long_history(app) -> bool:
    """Whether the app's folder is best scanned in a thread (judged by the last scan, if any,
    so that thousands of names need not be listed on the UI thread)."""
    last = last_scan(app)
    if last is not None:
        return len(last.summaries) + len(last.problems) > BACKGROUND_SCAN_FILES
    return many_files(app.store.root)


def shared_index(app) -> Index:
    index = getattr(app, "_history_index", None)
    if index is None or index.store is not app.store:
        # Imported here: with a long history, the first scan is made in a thread, after the
        # home screen is drawn, and the index brings in every session class with it.
        from accord.storage.index import Index

        index = Index(app.store)
        app._history_index = index
    return index


def scan(app) -> IndexScan:
    """A fresh scan (only changed files are read); safe to call from a thread."""
    result = shared_index(app).scan()
    app._history_last = result
    return result


def last_scan(app) -> IndexScan | None:
    """The most recent scan of this app's folder, if there was one."""
    index = getattr(app, "_history_index", None)
    if index is None or index.store is not app.store:
        return None
    return getattr(app, "_history_last", None)


class FollowsHistory:
    """For a screen that lists the folder's history (mixed into a Screen).

    A small folder is scanned at once; a long one in a thread, so the screen is there at once
    and its lists follow. A scan asked for while one is under way runs when that one ends
    (something may have changed meanwhile). The screen shows a scan in :meth:`show_scan`.
    """

    _scanning = False  # a background scan is under way
    _rescan = False  # and another is wanted when it ends

    def show_scan(self, scan: IndexScan) -> None:
        raise NotImplementedError

    def scanning_started(self) -> None:
        """A background scan has started: the screen may say its lists are on their way."""

    def follow_history(self, delay: float = 0) -> None:
        """Scan and show the result; a background scan starts after ``delay`` seconds."""
        if not long_history(self.app):
            self.show_scan(scan(self.app))
        elif self._scanning:
            self._rescan = True
        else:
            self._scanning = True
            self.scanning_started()
            if delay:
                self.set_timer(delay, self._scan_in_background)
            else:
                self._scan_in_background()

    @work(thread=True, group="history-scan", exit_on_error=False)
    def _scan_in_background(self) -> None:
        try:
            # Thousands of summaries that live as long as the app: see accord.lasting.
            with made_to_last():
                earlier = last_scan(self.app)
                result = scan(self.app)
                # The agreements review's list, made here, off the UI thread, before it is
                # needed.
                from accord.ui.screens.agreements import entries_for

                entries_for(result, earlier)
        except BaseException:
            self.app.call_from_thread(self._scanned, None)
            raise
        self.app.call_from_thread(self._scanned, result)

    def _scanned(self, result: IndexScan | None) -> None:
        self._scanning = False
        if result is not None:
            self.show_scan(result)
        if self._rescan:
            self._rescan = False
            self.follow_history()

