"""An article's body, wrapped to the width and drawn line by line.

Styles are spans on one ``Content`` built from offsets (entities by type,
quotes and speakers, figures, boilerplate, search hits, the sentence cursor);
only visible lines are rendered (``ScrollView.render_line``), so a long article
costs what fits on screen.
"""
from __future__ import annotations

import bisect
import re

from rich.cells import cell_len
from rich.segment import Segment
from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from kemnaker_tui.model import Article, Span
from kemnaker_tui.ui import render as R
from kemnaker_tui.ui.explorer import Explorer

_WORD = re.compile(r"\S+\s*|\s+")


def wrap_offsets(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text[start:end]`` (no newlines) into (start, end) lines."""
    if start >= end:
        return [(start, start)]
    width = max(8, width)
    lines: list[tuple[int, int]] = []
    line_start = start
    used = 0
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        stripped = word.rstrip()
        need = cell_len(stripped)
        if used and used + need > width:
            lines.append((line_start, m.start()))
            line_start, used = m.start(), 0
        while need > width:  # a token longer than the line: hard split
            cut = line_start
            cells = 0
            while cut < m.end() and cells + cell_len(text[cut]) <= width:
                cells += cell_len(text[cut])
                cut += 1
            lines.append((line_start, cut))
            line_start = cut
            stripped = text[cut:m.end()].rstrip()
            need = cell_len(stripped)
        used += cell_len(word)
    if line_start < end or not lines:
        lines.append((line_start, end))
    return lines


class ArticleBody(ScrollView, can_focus=True):
    """The body of one article with a sentence cursor."""

    COMPONENT_CLASSES = {"article-body--cursor"}
    DEFAULT_CSS = """
    ArticleBody { padding: 0 1; }
    ArticleBody > .article-body--cursor { background: $primary 20%; }
    """

    hide_boilerplate: reactive[bool] = reactive(False)

    def __init__(self, explorer: Explorer, article: Article, hits: list[tuple[int, int]] | None = None,
                 at: int | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.explorer = explorer
        self.article = article
        self.hits: list[tuple[int, int]] = sorted(set(hits or ()))
        self.current_hit: int | None = None
        sentences = list(article.sentences)
        self.sentences: list[Span] = sentences
        self.cursor: int = 0
        self._lines: list[tuple[int, int]] = []
        self._line_starts: list[int] = []
        self._pieces: list[Content | None] = []
        self._width = 0
        self._content: Content | None = None
        if at is not None:
            self.move_to_offset(at, scroll=False)

    # -- content ------------------------------------------------------------
    def _build_content(self) -> Content:
        a = self.article
        text = R.safe(a.text)
        content = Content(text, strip_control_codes=False)
        spans: list = []
        from textual.content import Span as CSpan
        if a.title_span:
            spans.append(CSpan(a.title_span.start, a.title_span.end, R.TITLE))
        for b in a.boilerplate:
            spans.append(CSpan(b.start, b.end, R.BOILERPLATE))
        for mark in self.explorer.marks.get(a.key, ()):
            spans.append(CSpan(mark.start, mark.end, R.ENTITY.get(mark.type, "")))
        for q in self.explorer.quotes_by_article.get(a.key, ()):
            spans.append(CSpan(q.start, q.end, R.QUOTE))
            mark = self.explorer.mark_of(q)
            if mark:
                spans.append(CSpan(q.start, q.end, R.CORRECTED if mark.startswith("✎") else R.UNSURE))
            if q.attribution:
                spans.append(CSpan(q.attribution.start, q.attribution.end, R.SPEAKER))
        for f in self.explorer.figures_by_article.get(a.key, ()):
            spans.append(CSpan(f.start, f.end, "underline"))
        if self.sentences:
            s = self.sentences[self.cursor]
            spans.append(CSpan(s.start, s.end, "on $primary 25%"))
        for i, (s, e) in enumerate(self.hits):
            spans.append(CSpan(s, e, R.CURRENT_HIT if i == self.current_hit else R.HIT))
        return content.add_spans([sp for sp in spans if sp.end > sp.start])

    def _visible_ranges(self) -> list[tuple[int, int]]:
        """Source lines (start, end) without their newline; boilerplate removed if hidden."""
        text = self.article.text
        out = []
        pos = 0
        for line in text.split("\n"):
            s, e = pos, pos + len(line)
            pos = e + 1
            if self.hide_boilerplate:
                pieces = [(s, e)]
                for b in self.article.boilerplate:
                    nxt = []
                    for ps, pe in pieces:
                        if b.end <= ps or b.start >= pe:
                            nxt.append((ps, pe))
                            continue
                        if ps < b.start:
                            nxt.append((ps, b.start))
                        if b.end < pe:
                            nxt.append((b.end, pe))
                    pieces = nxt
                pieces = [(ps, pe) for ps, pe in pieces if text[ps:pe].strip()]
                out.extend(pieces)
            else:
                out.append((s, e))
        return out

    def _layout(self) -> None:
        width = max(10, self.scrollable_content_region.width or self.size.width or 80)
        self._width = width
        text = self.article.text
        lines: list[tuple[int, int]] = []
        for s, e in self._visible_ranges():
            if s == e:
                continue
            lines.extend(wrap_offsets(text, s, e, width))
            lines.append((-1, -1))  # paragraph spacing
        if lines and lines[-1] == (-1, -1):
            lines.pop()
        self._lines = lines
        self._line_starts = [s if s >= 0 else -1 for s, _ in lines]
        self._restyle()
        self.virtual_size = Size(width, len(lines))

    def _restyle(self) -> None:
        self._content = self._build_content()
        cuts = sorted({o for s, e in self._lines if s >= 0 for o in (s, e)})
        pieces = self._content.divide(cuts) if cuts else [self._content]
        index = {c: i + 1 for i, c in enumerate(cuts)}
        self._pieces = [pieces[index[s]] if s >= 0 and s < e else None for s, e in self._lines]
        self.refresh()

    def on_resize(self) -> None:
        anchor = self.sentences[self.cursor].start if self.sentences else 0
        self._layout()
        self.scroll_to_offset(anchor, animate=False)

    def on_mount(self) -> None:
        self._layout()

    def watch_hide_boilerplate(self) -> None:
        if self._width:
            self._layout()
            self.scroll_to_offset(self.sentences[self.cursor].start if self.sentences else 0)

    # -- drawing -------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base = self.visual_style
        if index >= len(self._pieces) or self._pieces[index] is None:
            return Strip.blank(width, base.rich_style)
        piece = self._pieces[index].rstrip()
        segments = [Segment(text, style.rich_style if style else None)
                    for text, style in piece.render(base, end="", parse_style=self._get_style)]
        strip = Strip(segments)
        return strip.crop_extend(0, width, base.rich_style)

    # -- movement ------------------------------------------------------------
    def line_of(self, offset: int) -> int:
        """The display line showing ``offset`` (or the nearest one after it)."""
        best = 0
        for i, (s, e) in enumerate(self._lines):
            if s < 0:
                continue
            if s <= offset < max(e, s + 1):
                return i
            if s <= offset:
                best = i
        return best

    def scroll_to_offset(self, offset: int, animate: bool = False) -> None:
        if not self._lines:
            return
        line = self.line_of(offset)
        height = self.scrollable_content_region.height or 10
        if not (self.scroll_offset.y <= line < self.scroll_offset.y + height - 1):
            self.scroll_to(y=max(0, line - height // 3), animate=animate)

    def move_to_offset(self, offset: int, scroll: bool = True) -> None:
        if self.sentences:
            starts = [s.start for s in self.sentences]
            self.cursor = max(0, bisect.bisect_right(starts, offset) - 1)
        if scroll and self._width:
            self._restyle()
            self.scroll_to_offset(offset)

    def move_cursor(self, delta: int) -> None:
        if not self.sentences:
            self.scroll_relative(y=delta)
            return
        self.cursor = max(0, min(len(self.sentences) - 1, self.cursor + delta))
        self._restyle()
        self.scroll_to_offset(self.sentences[self.cursor].start)

    def goto_hit(self, forward: bool = True) -> tuple[int, int] | None:
        if not self.hits:
            return None
        pos = self.hits[self.current_hit][0] if self.current_hit is not None else (
            self.sentences[self.cursor].start - 1 if self.sentences else -1)
        if forward:
            nxt = next((i for i, (s, _e) in enumerate(self.hits) if s > pos), 0)
        else:
            nxt = next((i for i in range(len(self.hits) - 1, -1, -1) if self.hits[i][0] < pos),
                       len(self.hits) - 1)
        self.current_hit = nxt
        start, end = self.hits[nxt]
        self.move_to_offset(start, scroll=False)
        self._restyle()
        self.scroll_to_offset(start)
        return start, end

    def cursor_span(self) -> Span | None:
        return self.sentences[self.cursor] if self.sentences else None
