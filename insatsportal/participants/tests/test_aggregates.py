import pytest

from insatsportal.participants.aggregates import HIDDEN, suppress_row, suppress_value


def test_a_row_without_small_groups_is_shown_whole():
    row = suppress_row("x", [12, 7, 0], threshold=5)
    assert row.cells == [12, 7, 0] and row.total == 19


def test_one_small_cell_hides_a_second_so_the_total_does_not_reveal_it():
    row = suppress_row("x", [12, 3, 9], threshold=5)
    assert row.cells == [12, HIDDEN, HIDDEN]
    assert row.total == 24


def test_cells_are_hidden_until_the_hidden_cells_hold_a_whole_group():
    row = suppress_row("x", [8, 2, 0], threshold=5)
    assert row.cells == [HIDDEN, HIDDEN, HIDDEN] and row.total == 10


def test_two_small_cells_are_hidden_without_a_third():
    row = suppress_row("x", [10, 2, 3], threshold=5)
    assert row.cells == [10, HIDDEN, HIDDEN]


def test_a_small_total_hides_the_whole_row():
    row = suppress_row("x", [2, 1, 0], threshold=5)
    assert row.cells == [HIDDEN, HIDDEN, HIDDEN] and row.total is HIDDEN


@pytest.mark.parametrize("counts", [[12, 3, 9], [8, 2, 0], [6, 1], [5, 4, 0], [30, 1, 1]])
def test_no_hidden_cell_can_be_recovered_from_the_total(counts):
    row = suppress_row("x", counts, threshold=5)
    hidden = [i for i, c in enumerate(row.cells) if c is HIDDEN]
    assert len(hidden) != 1
    # What the total minus the visible cells reveals is never a small group.
    assert sum(counts[i] for i in hidden) == 0 or sum(counts[i] for i in hidden) >= 5


def test_a_statistic_over_a_small_group_is_hidden():
    assert suppress_value(1.5, 4, threshold=5) is HIDDEN
    assert suppress_value(1.5, 5, threshold=5) == 1.5
