"""The accord application: owns the open session, saves it after every step, routes screens."""

from __future__ import annotations

import signal
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App
from textual.binding import Binding

from accord.domain.model import Couple, Status, Step
from accord.settings import Loaded
from accord.storage.lock import SessionLock, lock_path
from accord.storage.store import Store, UnreadableFile
from accord.ui.text import printable

if TYPE_CHECKING:
    from accord.domain.session import Session

Clock = Callable[[], datetime]
WARM_UP_DELAY = 8.0  # seconds after start-up, if no session was opened before
SESSION_WARM_UP_DELAY = 0.3  # seconds after a session is opened or started
PRIVACY_CHECK_DELAY = 0.5  # seconds after start-up: the first screen and keys come first
#: The smallest window every screen is laid out for; smaller still works, with a notice.
MIN_COLUMNS, MIN_ROWS = 80, 24


def system_clock() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


class AccordApp(App[None]):
    """Two partners, one keyboard, one disagreement at a time."""

    TITLE = "accord"
    # The home screen's style sheet too: read with the app's, it is not parsed a second time
    # when the first screen opens.
    CSS_PATH = ["accord.tcss", "screens/home.tcss"]
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("ctrl+t", "timeout", "Time-out", priority=True, id="accord.timeout"),
        Binding("f1", "help", "Help", priority=True, id="accord.help"),
        Binding("f2", "safety", "Safety", priority=True, id="accord.safety"),
        Binding("f4", "settings", "Settings", priority=True, show=False, id="accord.settings"),
        Binding("ctrl+q", "quit", "Quit", priority=True, id="accord.quit"),
        # Ctrl+C copies selected text; with nothing selected it pauses and closes, like Ctrl+Q.
        Binding("ctrl+c", "interrupt", "Pause and quit", priority=True, show=False,
                id="accord.interrupt"),
    ]

    def __init__(self, store: Store, *, resume: str | None = None, clock: Clock = system_clock,
                 settings: Loaded | None = None):
        super().__init__()
        self.store = store
        if settings is None:
            from accord import settings as settings_file

            settings = settings_file.load()
        self.loaded_settings = settings
        # The theme is chosen before the style sheet is first read, so it is not read again for it.
        from accord.ui.themes import DARK, LIGHT, THEMES

        self.register_theme(DARK)
        self.register_theme(LIGHT)
        theme = THEMES[self.settings.theme]
        if self.get_theme(theme).dark == self.current_theme.dark:
            # Quietly, with the style sheet told its colours: setting `theme` would parse the
            # whole style sheet a second time as the app starts (about 10 ms, and every
            # widget's styles parsed again after it).
            self.set_reactive(App.theme, theme)
            self.stylesheet.set_variables(self.get_css_variables())
        else:
            self.theme = theme
        self.clock = clock
        self.session: Session | None = None
        self.couple: Couple = store.load_couple()
        self._resume_id = resume
        self._unsaved = False
        self._lock: SessionLock | None = None
        self._language_warm = False  # the word lists are loaded (warm_up_language)
        self._quit_asked = False
        self._size_notice = False

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Paste):
            # Pasted escape and control characters would reach the terminal: drop them here,
            # before any text box sees them.
            event.text = printable(event.text)
        await super().on_event(event)

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        """Below the size the screens are made for, say so (once) until the window grows."""
        small = width < MIN_COLUMNS or height < MIN_ROWS
        if small and not self._size_notice:
            self._size_notice = True
            self.notify(
                f"accord needs at least {MIN_COLUMNS}×{MIN_ROWS}; this window is "
                f"{width}×{height}. Make it bigger: everything is still here.",
                title="Small window", severity="warning", timeout=24 * 3600,
            )
        elif not small and self._size_notice:
            self._size_notice = False
            self.clear_notifications()

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """accord's own colour: hints in empty fields (each theme sets its own)."""
        return {"accord-hint": "#9a9ca1"}

    def notify(self, message: str, *, title: str = "", severity="information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notification is plain text: they often carry names and file names."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    # -- start-up ------------------------------------------------------------------------

    @property
    def settings(self):
        return self.loaded_settings.settings

    def on_mount(self) -> None:
        from accord.ui.themes import THEMES

        self.theme = THEMES[self.settings.theme]  # nothing to do unless the settings changed
        if self.settings.keymap:
            self.set_keymap(dict(self.settings.keymap))
        if not self.couple.safety_notice_seen:
            from accord.ui.screens.notices import WelcomeScreen

            # The welcome covers the whole window: the home screen (and a session to resume)
            # follow when it closes, so it is drawn without building them first.
            first, callback = WelcomeScreen(), self._welcomed
        else:
            from accord.ui.screens.home import HomeScreen

            first, callback = HomeScreen(), None
        # Shown once start-up is over: pushed during it, Textual would lay the first screen out
        # and draw it while drawing is still held back, throw that away, and draw it again.
        self.call_later(self.push_screen, first, callback)
        if self._resume_id and callback is None:
            self.call_later(self.open_session, self._resume_id)
        self._install_signal_handlers()
        # Loading the word lists is real work that only sessions need: it starts once a
        # session is opened (or a while after start-up), so neither start-up nor a look
        # through the history shares the processor with it.
        self.set_timer(WARM_UP_DELAY, self.warm_up_language)
        if self.loaded_settings.problems:
            self.notify(
                "\n".join(self.loaded_settings.problems),
                title=f"Some settings in {self.loaded_settings.path} were not used",
                severity="warning",
                timeout=15,
            )
        self._check_size(self.size.width, self.size.height)
        # Looking at every file's permissions takes a while with years of sessions: after the
        # first screen is drawn, off the UI thread. On a first run, once the welcome is closed:
        # a warning would sit over the names the couple is typing.
        if callback is None:
            self.set_timer(PRIVACY_CHECK_DELAY, self.check_privacy)
        self.call_after_refresh(self._first_frame_drawn)

    def _first_frame_drawn(self) -> None:
        import gc

        # The command line turns the collector off while the first screen is built. What is
        # alive now (the app, its first screen, its styles: some 15,000 objects) mostly lives
        # as long as the app, and the collector's first passes would look through all of it
        # while the first key waits (8 ms, then 4 ms more): it is set aside first, as the
        # command line did with what was loaded before the app started. The few cycles of
        # garbage among it (about 1,500 small objects) are kept rather than looked for.
        gc.freeze()
        gc.enable()

    @work(thread=True, group="privacy", exit_on_error=False)
    def check_privacy(self) -> None:
        """Warn if others on this computer could read the data folder or its files."""
        from accord.storage.privacy import loose_permissions

        for warning in loose_permissions(self.store.root):
            self.call_from_thread(self.notify, warning, title="Private?", severity="warning",
                                  timeout=15)

    @work(thread=True, exclusive=True, group="warm-up", exit_on_error=False)
    def warm_up_language(self) -> None:
        """Load the word lists in the background, so the first pause in typing is instant
        (once: later calls find them loaded)."""
        if self._language_warm:
            return
        from accord import language
        from accord.lasting import made_to_last

        # What it loads lives as long as the app (over 100,000 objects): see accord.lasting.
        with made_to_last():
            language.warm_up()
        self._language_warm = True

    def _welcomed(self, _: object = None) -> None:
        self.couple.safety_notice_seen = True
        self.save_couple()
        self.set_timer(PRIVACY_CHECK_DELAY, self.check_privacy)
        from accord.ui.screens.home import HomeScreen

        self.push_screen(HomeScreen())
        if self._resume_id:
            self.open_session(self._resume_id)

    def _install_signal_handlers(self) -> None:
        """A closed terminal or a polite kill pauses the session instead of losing it."""
        import asyncio

        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            try:
                loop.add_signal_handler(sig, self.pause_and_exit, True)
            except (NotImplementedError, RuntimeError, ValueError):
                pass  # not on this platform or not the main thread (as in tests)

    # -- the open session ----------------------------------------------------------------

    def now(self) -> datetime:
        return self.clock()

    def _take_lock(self, session_id: str) -> bool:
        """Hold the session's lock while it is open here; False if another accord has it."""
        self._release_lock()
        lock = SessionLock(lock_path(self.store.root, session_id))
        if not lock.acquire():
            return False
        self._lock = lock
        return True

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def start_session(self, session: Session) -> None:
        self._take_lock(session.id)
        self._enter(session)

    def _enter(self, session: Session) -> None:
        """Make ``session`` the open one: saved, its step on screen, and the word lists its
        talk will need loading in the background."""
        self.session = session
        self.save()
        self.show_step()
        self.set_timer(SESSION_WARM_UP_DELAY, self.warm_up_language)

    def open_session(self, session_id: str) -> None:
        """Resume a paused (or interrupted) session exactly where it stopped."""
        from accord.ui import preload

        try:
            session = preload.take(self, session_id)
            if session is None:  # not read ahead (asked for at once, or its file changed)
                session = self.store.load(session_id)
                self.store.warm(session)  # so its first save reuses the file's text
        except (UnreadableFile, ValueError) as error:
            self.notify(str(error), title="Could not open that session", severity="error")
            return
        if session.status == Status.CLOSED:
            self.notify("That session is closed; its agreements are in the review.")
            return
        if not self._take_lock(session.id):
            # Open in another accord: show it here to read, never to change.
            from accord.ui.screens.readonly import ReadOnlyScreen

            self.push_screen(ReadOnlyScreen(session))
            return
        from accord.domain import rules

        rules.resume(session, self.now())  # a running time-out keeps its own clock
        self._enter(session)
        from accord.domain.summary import where_we_left_off

        self.notify(where_we_left_off(session), title="Where we left off", timeout=8)

    def save(self) -> bool:
        """Write the session now. On failure, keep everything in memory and try again soon."""
        if self.session is None:
            return True
        try:
            self.store.save(self.session)
        except (OSError, UnreadableFile) as error:
            self._save_failed(error)
            return False
        self._save_worked()
        return True

    def _save_failed(self, error: Exception) -> None:
        if not self._unsaved:
            self.notify(
                f"Could not save ({error}). Everything is kept here and saving will be "
                "retried.",
                title="Not saved yet",
                severity="error",
                timeout=10,
            )
            self.set_interval(5, self._retry_save, name="retry-save")
        self._unsaved = True

    def _save_worked(self) -> None:
        if self._unsaved:
            self._unsaved = False
            self.notify("Saved again. Nothing was lost.")

    def _retry_save(self) -> None:
        if self._unsaved:
            self.save()

    def save_couple(self) -> None:
        try:
            self.store.save_couple(self.couple)
        except (OSError, UnreadableFile) as error:
            self.notify(f"Could not remember your names: {error}", severity="warning")

    def collect_drafts(self) -> None:
        """Ask every open session screen to hand over text that is typed but not yet sent."""
        from accord.ui.screens.base import SessionScreen

        for screen in self.screen_stack:
            if isinstance(screen, SessionScreen):
                screen.collect_draft()

    def show_step(self) -> None:
        """Show the screen for the session's current step (and its time-out, if one runs)."""
        from accord.ui.screens.base import SessionScreen
        from accord.ui.screens.steps import screen_for_step
        from accord.ui.screens.timeout import TimeoutScreen

        assert self.session is not None
        while isinstance(self.screen, TimeoutScreen) or (
            len(self.screen_stack) > 2 and not isinstance(self.screen, SessionScreen)
        ):
            self.pop_screen()
        screen = screen_for_step(self.session.step)
        if isinstance(self.screen, SessionScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        if self.session.active_timeout is not None:
            self.push_screen(TimeoutScreen())

    def leave_session(self, *, pause: bool = True) -> None:
        """Back to the home screen; an unfinished session is paused, never lost."""
        from accord.ui.screens.home import HomeScreen

        self.collect_drafts()
        if self.session is not None and pause and self.session.status == Status.ACTIVE:
            from accord.domain import rules

            rules.pause(self.session, self.now())
        if not self.save():
            self.notify("Not saved yet, so this session stays open here until it can be.",
                        severity="error")
            return
        if not self._unsaved:
            self._release_lock()
        self.session = None
        while not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    def pause_and_exit(self, force: bool = False) -> None:
        """Pause, save and close. If saving fails, stay open (unless ``force``d by a signal)
        so nothing is lost; asking a second time closes anyway."""
        self.collect_drafts()
        if self.session is not None and self.session.status == Status.ACTIVE:
            from accord.domain import rules

            rules.pause(self.session, self.now())
        if not self.save() and not force and not self._quit_asked:
            self._quit_asked = True
            self.notify("Not saved yet, so accord stays open and keeps trying. Quit again to "
                        "close without saving.", title="Not saved", severity="error",
                        timeout=15)
            return
        self._release_lock()
        self.exit()

    # -- actions available everywhere ----------------------------------------------------

    async def action_quit(self) -> None:
        self.call_after_keys(self.pause_and_exit)

    def action_interrupt(self) -> None:
        focused = self.focused
        if getattr(focused, "selected_text", "") and hasattr(focused, "action_copy"):
            focused.action_copy()
            return
        self.call_after_keys(self.pause_and_exit)

    def call_after_keys(self, callback: Callable[[], object], *args: object) -> None:
        """Run ``callback`` once the focused widget has handled the keys typed before.

        A priority key (Ctrl+S, Ctrl+Q…) is handled by the app at once, while the characters
        typed just before it may still wait in the focused widget's queue: acting at once would
        miss them.
        """
        target = self.focused if self.focused is not None else self.screen
        target.call_later(callback, *args)

    @work(exclusive=True, group="timeout")
    async def action_timeout(self) -> None:
        """Stop everything: one key, from any screen, even mid-sentence."""
        from accord.ui.screens.timeout import TimeoutRequest, TimeoutScreen

        if isinstance(self.screen, (TimeoutRequest, TimeoutScreen)):
            return
        from accord.ui.screens.notices import HelpScreen, SafetyScreen
        from accord.ui.screens.settings import SettingsScreen

        while isinstance(self.screen, (HelpScreen, SafetyScreen, SettingsScreen)):
            self.pop_screen()  # reading can wait; the time-out can't
        self.collect_drafts()
        session = self.session
        if session is not None and session.step == Step.DONE:
            session = None
        if session is not None:
            self.save()
            names = (session.name("a"), session.name("b"))
            minutes = session.settings.timeout_minutes
        else:
            names = tuple(n or f"Partner {i + 1}" for i, n in enumerate(self.couple.names))
            minutes = self.settings.timeout_minutes
        result = await self.push_screen_wait(TimeoutRequest(names, minutes))
        if result is None:
            return
        by, minutes = result
        now = self.now()
        if session is not None:
            from accord.domain import rules

            rules.call_timeout(session, by, minutes, now)
            self.save()
            self.push_screen(TimeoutScreen())
        else:
            from datetime import timedelta

            self.push_screen(TimeoutScreen(planned_return=now + timedelta(minutes=minutes)))

    def action_help(self) -> None:
        from accord.ui.screens.notices import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        topic = getattr(self.screen, "HELP_TOPIC", "home")
        self.push_screen(HelpScreen(topic, self.screen_keys(self.screen)))

    def get_key_display(self, binding) -> str:
        """Keys written the same way in the footer, the help and on buttons: ^N, F3, Esc."""
        from accord.ui.keys import key_display

        return binding.key_display or key_display(binding.key)

    def screen_keys(self, screen) -> list[tuple[str, str]]:
        """The keys a screen shows in its footer, as (key, what it does), for the help."""
        from accord.ui.keys import key_display

        keys: list[tuple[str, str]] = []
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.show and active.node is not self and binding.description:
                pair = (binding.key_display or key_display(binding.key, long=True),
                        binding.description)
                if pair not in keys:
                    keys.append(pair)
        return keys

    def action_safety(self) -> None:
        from accord.ui.screens.notices import SafetyScreen

        if not isinstance(self.screen, SafetyScreen):
            self.push_screen(SafetyScreen())

    def action_settings(self) -> None:
        from accord.ui.screens.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

    def use_theme(self, name: str) -> None:
        """Switch to the dark or the light theme, and remember it in the settings file."""
        from dataclasses import replace

        from accord import settings as settings_file
        from accord.ui.themes import THEMES

        self.theme = THEMES[name]
        self.loaded_settings.settings = replace(self.settings, theme=name)
        try:
            settings_file.remember(self.loaded_settings.path, "theme", name)
        except (OSError, ValueError) as error:
            self.notify(f"Using the {name} theme for now; could not remember it: {error}",
                        severity="warning")

    def get_system_commands(self, screen):
        """Every action in the palette: the ones for this screen, then the ones for everywhere."""
        from textual.app import SystemCommand

        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            # Every action of this screen, even those the footer has no room for (not the
            # widgets' own editing keys); the app's own actions are offered below.
            if (active.node is not screen or not binding.description or binding.system
                    or binding.action in seen or not active.enabled
                    or binding.action.startswith("app.")):
                continue
            seen.add(binding.action)
            key = self.get_key_display(binding)
            yield SystemCommand(
                binding.description, f"On this screen · key: {key}",
                lambda node=active.node, action=binding.action: self.run_action(action, node),
            )
        from accord.ui.keys import key_for

        def named(binding_id: str) -> str:
            return key_for(self, binding_id, long=True)

        yield SystemCommand("Time-out", f"Stop now and breathe ({named('accord.timeout')}, from "
                            "anywhere)", self.action_timeout)
        yield SystemCommand("Help", f"What to do on this step, and the keys "
                            f"({named('accord.help')} or ?)", self.action_help)
        yield SystemCommand("Safety notice", "Is accord the right tool? Where to find help "
                            f"({named('accord.safety')})", self.action_safety)
        yield SystemCommand("Settings", "Theme, and where the settings file is "
                            f"({named('accord.settings')})", self.action_settings)
        other = "light" if self.settings.theme == "dark" else "dark"
        yield SystemCommand(f"Use the {other} theme", "Remembered for next time",
                            lambda: self.use_theme(other))
        yield SystemCommand("Quit", f"Pause anything open and quit ({named('accord.quit')})",
                            self.action_quit)


def make_app(
    data_dir: Path, *, resume: str | None = None, clock: Clock = system_clock,
    config_dir: Path | None = None,
) -> AccordApp:
    """The one factory that builds the app, for the command line and the tests alike."""
    from accord import settings as settings_file

    return AccordApp(Store(Path(data_dir)), resume=resume, clock=clock,
                     settings=settings_file.load(config_dir))
