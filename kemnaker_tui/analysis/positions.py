"""Things found in a text (mentions, quotes, dates), looked up by position with
bisection: the extractors ask "which of them stand in this sentence?" once per
sentence, and a long article must not make that a scan of every item each time."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class ByStart(Generic[T]):
    """Items with ``start`` (and, for :meth:`covering`, ``end``), sorted by start."""

    __slots__ = ("items", "_starts")

    def __init__(self, items: Iterable[T]) -> None:
        self.items: list[T] = sorted(items, key=lambda item: item.start)
        self._starts = [item.start for item in self.items]

    def between(self, lo: int, hi: int) -> list[T]:
        """The items that start in [lo, hi)."""
        return self.items[bisect_left(self._starts, lo):bisect_left(self._starts, hi)]

    def covering(self, pos: int) -> T | None:
        """The item whose [start, end) holds ``pos``, for items that do not overlap (quotes)."""
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and self.items[i].start <= pos < self.items[i].end:
            return self.items[i]
        return None

    def overlapping(self, lo: int, hi: int) -> list[T]:
        """The non-overlapping items that share a character with [lo, hi)."""
        i = bisect_right(self._starts, lo) - 1
        first = i if i >= 0 and self.items[i].end > lo else i + 1
        return self.items[first:bisect_left(self._starts, hi)]

    def __len__(self) -> int:
        return len(self.items)
