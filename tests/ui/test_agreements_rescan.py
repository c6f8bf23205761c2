"""A rescan of an unchanged folder reuses the review's list instead of making it again; a
changed file still gives a new one."""

from __future__ import annotations

import os

from accord.storage.index import Index
from accord.ui.screens.agreements import entries_for
from tests.ui.test_agreements_index import change_outside, fill


def test_a_rescan_of_unchanged_files_reuses_the_list_and_a_change_makes_a_new_one(store):
    sessions = fill(store, 3)
    index = Index(store)
    first = index.scan()
    entries = entries_for(first)
    again = index.scan()
    assert again is not first and entries_for(again, first) is entries
    assert entries_for(again) is entries  # kept with the scan it was made for

    text = change_outside(store, sessions[1])
    changed = index.scan()
    fresh = entries_for(changed, again)
    assert fresh is not entries and text in [e.what for e in fresh]
    assert len(fresh) == len(entries)

    os.remove(store.session_path(sessions[0].id))
    fewer = index.scan()
    assert len(entries_for(fewer, changed)) == len(entries) - 2  # two agreements a session
