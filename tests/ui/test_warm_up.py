"""The word lists loaded in the background are set aside from the garbage collector, which
would otherwise look through all of them again in the middle of a key press."""

from __future__ import annotations

import gc


async def test_the_loaded_word_lists_are_set_aside(app_factory):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        gc.unfreeze()
        before = gc.get_freeze_count()
        app.warm_up_language()
        await app.workers.wait_for_complete()
        assert gc.get_freeze_count() > before
