"""Which screen shows which step."""

from __future__ import annotations

from importlib import import_module

from accord.domain.model import Step
from accord.ui.screens.base import SessionScreen

#: Each step's screen as (module, class); only the module needed is imported.
SCREENS = {
    Step.PREPARE: ("prepare", "PrepareScreen"),
    Step.TALK: ("talk", "TalkScreen"),
    Step.SORT: ("sort", "SortScreen"),
    Step.AGREE: ("agree", "AgreeScreen"),
    Step.CLOSE: ("close", "CloseScreen"),
    Step.DONE: ("close", "DoneScreen"),
    Step.APPRECIATE: ("paired", "AppreciateScreen"),
    Step.REVIEW: ("checkin_review", "CheckinReviewScreen"),
    Step.REFLECT: ("paired", "ReflectScreen"),
    Step.PLAN: ("checkin_plan", "PlanScreen"),
    Step.FEELINGS: ("paired", "FeelingsScreen"),
    Step.ACCOUNTS: ("paired", "AccountsScreen"),
    Step.TRIGGERS: ("paired", "TriggersScreen"),
    Step.OWN: ("paired", "OwnScreen"),
    Step.DIFFERENTLY: ("paired", "DifferentlyScreen"),
}


def screen_for_step(step: Step) -> SessionScreen:
    module, name = SCREENS.get(step, SCREENS[Step.PREPARE])
    return getattr(import_module(f"accord.ui.screens.{module}"), name)()
