"""Typing on narrows the earlier result instead of looking through every agreement again:
the list it gives is always the one a search from scratch gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from accord.ui.screens.agreements import Entry, filtered, narrowed

STATUSES = ("active", "kept", "retired")
# A small alphabet, so words often match part of a text, and some letters that case-fold
# to more than one (ß → ss) or that change under case-folding (Σ, İ).
LETTERS = "abcßsΣσİi "


def entries_from(texts: list[tuple[str, int]]) -> list[Entry]:
    return [Entry({"status": STATUSES[status], "id": str(n)}, text.casefold())
            for n, (text, status) in enumerate(texts)]


texts = st.lists(st.tuples(st.text(LETTERS, max_size=12), st.integers(0, 2)), max_size=40)
searches = st.text(LETTERS, max_size=10)
statuses = st.sampled_from(("all", *STATUSES))


@settings(max_examples=300, deadline=None)
@given(texts, searches, st.integers(0, 10), statuses)
def test_narrowing_an_earlier_result_gives_what_a_full_search_gives(rows, search, cut, status):
    entries = entries_from(rows)
    earlier_search = search[:cut]
    earlier = filtered(entries, status, earlier_search)
    assert narrowed(earlier, earlier_search, search) == filtered(entries, status, search)


@settings(max_examples=150, deadline=None)
@given(texts, searches, statuses)
def test_typing_letter_by_letter_keeps_the_full_search_result(rows, search, status):
    entries = entries_from(rows)
    shown = filtered(entries, status, "")
    for end in range(1, len(search) + 1):
        shown = narrowed(shown, search[:end - 1], search[:end])
        assert shown == filtered(entries, status, search[:end])


def test_only_new_words_are_looked_for():
    entries = entries_from([("mara walks", 0), ("mara cooks", 0), ("teo walks", 0)])
    mara = filtered(entries, "all", "mara")
    assert narrowed(mara, "mara", "mara ") is mara  # the same words: the same list
    assert [e.row["id"] for e in narrowed(mara, "mara w", "mara wa")] == ["0"]
    # "mara" is not looked for again: the list given is taken to have it already.
    assert [e.row["id"] for e in narrowed(entries, "mara w", "mara wa")] == ["0", "2"]
