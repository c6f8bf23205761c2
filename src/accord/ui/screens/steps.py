"""Which screen shows which step."""

from __future__ import annotations

from accord.domain.model import Step
from accord.ui.screens.base import SessionScreen


def screen_for_step(step: Step) -> SessionScreen:
    from accord.ui.screens import paired
    from accord.ui.screens.agree import AgreeScreen
    from accord.ui.screens.checkin_plan import PlanScreen
    from accord.ui.screens.checkin_review import CheckinReviewScreen
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
        Step.APPRECIATE: paired.AppreciateScreen,
        Step.REVIEW: CheckinReviewScreen,
        Step.REFLECT: paired.ReflectScreen,
        Step.PLAN: PlanScreen,
        Step.FEELINGS: paired.FeelingsScreen,
        Step.ACCOUNTS: paired.AccountsScreen,
        Step.TRIGGERS: paired.TriggersScreen,
        Step.OWN: paired.OwnScreen,
        Step.DIFFERENTLY: paired.DifferentlyScreen,
    }
    return screens.get(step, PrepareScreen)()
