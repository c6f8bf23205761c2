"""made_to_last and held_off: the collector is off inside, back on after the last hold ends, and
what made_to_last made is set aside only when its block ends well."""

from __future__ import annotations

import gc
import threading

import pytest

from accord.lasting import held_off, made_to_last


def test_off_inside_on_after_and_set_aside():
    gc.unfreeze()
    assert gc.isenabled()
    with made_to_last():
        assert not gc.isenabled()
        kept = [[n] for n in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(kept)


def test_a_failure_sets_nothing_aside_and_still_turns_it_back_on():
    gc.unfreeze()
    with pytest.raises(ValueError), made_to_last():
        raise ValueError("bad file")
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_left_off_if_it_was_off_before():
    gc.disable()
    try:
        with made_to_last():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_two_threads_overlapping_keep_it_off_until_both_end():
    inside, release = threading.Event(), threading.Event()
    seen = []

    def other() -> None:
        with made_to_last():
            inside.set()
            release.wait(5)
            seen.append(gc.isenabled())

    thread = threading.Thread(target=other)
    with made_to_last():
        thread.start()
        assert inside.wait(5)
    assert not gc.isenabled()  # the other block is still under way
    release.set()
    thread.join(5)
    assert seen == [False]
    assert gc.isenabled()


def test_held_off_until_released_once_and_nothing_set_aside():
    gc.unfreeze()
    release = held_off()
    assert not gc.isenabled()
    with made_to_last():
        pass
    assert not gc.isenabled()  # still held
    gc.unfreeze()
    release()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    with made_to_last():
        release()  # a second call does not let go of this block's hold
        assert not gc.isenabled()
    assert gc.isenabled()
