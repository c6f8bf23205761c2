"""Which screen shows which step."""

from __future__ import annotations

from accord.domain.model import Step
from accord.ui.screens.base import SessionScreen


def screen_for_step(step: Step) -> SessionScreen:
    from accord.ui.screens.agree import AgreeScreen
    from accord.ui.screens.close import CloseScreen, DoneScreen
    from accord.ui.screens.prepare import PrepareScreen
    from accord.ui.screens.sort import SortScreen
    from accord.ui.screens.talk import TalkScreen

    screens = {
        Step.PREPARE: PrepareScreen,
        Step.TALK: TalkScreen,
        Step.SORT: SortScreen,
        Step.AGREE: AgreeScreen,
        Step.CLOSE: CloseScreen,
        Step.DONE: DoneScreen,
    }
    return screens.get(step, PrepareScreen)()
