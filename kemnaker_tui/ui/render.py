"""Corpus text to styled ``Content``: every style comes from an offset.

Corpus text is never parsed as markup (an article may contain ``[bold]`` or an
escape sequence). ``safe`` replaces control characters one-for-one so offsets
into ``Article.text`` stay valid in what is displayed.
"""
from __future__ import annotations

import re

from textual.content import Content

# Styles (Textual style strings; $variables follow the theme).
HIT = "bold $text on $warning 45%"
CURRENT_HIT = "bold $background on $warning"
QUOTE = "italic $text-success"
SPEAKER = "bold $text-success"
BOILERPLATE = "dim"
CORRECTED = "bold underline"      # a fact you corrected (✎)
UNSURE = "underline"              # a fact the rules are unsure of (?)
DIM = "$text-muted"
TITLE = "bold $text-primary"
ENTITY = {
    "person": "bold $text-warning",
    "organisation": "$text-accent",
    "program": "$text-success",
    "place": "$text-secondary",
}
TYPE_ICON = {"person": "●", "organisation": "■", "program": "◆", "place": "▲"}

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"[\n\t\r]")


def safe(text: str, one_line: bool = False) -> str:
    """Same length as ``text``; control characters shown as '�'."""
    text = _CONTROL.sub("\ufffd", text) if _CONTROL.search(text) else text
    return _LINE_BREAKS.sub(" ", text) if one_line else text


def plain(text: str, style: str = "", one_line: bool = True) -> Content:
    content = Content(safe(text, one_line), strip_control_codes=False)
    return content.stylize(style) if style else content


def highlighted(text: str, highlights, style: str = HIT, one_line: bool = True) -> Content:
    """``text`` with ``(start, end)`` pairs (relative to text) styled."""
    content = Content(safe(text, one_line), strip_control_codes=False)
    for start, end in highlights:
        content = content.stylize(style, max(0, start), end)
    return content


def join(*parts: Content | str | tuple[str, str]) -> Content:
    """Join plain labels, (text, style) pairs and Content; strings are not markup."""
    out = Content("")
    for part in parts:
        if isinstance(part, tuple):
            out = out + plain(part[0], part[1])
        elif isinstance(part, str):
            out = out + plain(part)
        else:
            out = out + part
    return out


def kwic(text: str, start: int, end: int, spans, left: int = 38, right: int = 60) -> Content:
    """A key-word-in-context line: ``left`` chars, the hit, then context right.

    ``spans`` are (start, end) pairs in ``text`` to highlight (the hit and any
    other matched terms within reach).
    """
    lo = max(0, start - left)
    hi = min(len(text), end + right)
    left_text = safe(text[lo:start], True)
    if lo > 0:
        left_text = "…" + left_text[1:] if left_text else left_text
    body = safe(text[start:hi], True)
    if hi < len(text) and body:
        body = body[:-1] + "…"
    pad = " " * (left - len(left_text))
    line = Content(pad + left_text + body, strip_control_codes=False)
    shift = len(pad) - lo
    for s, e in spans:
        if e <= lo or s >= hi:
            continue
        line = line.stylize(HIT, max(s, lo) + shift, min(e, hi) + shift)
    return line


def clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def clip_middle(text: str, width: int) -> str:
    """Keep the beginning and the end: names that share their first words
    ("Kementerian Ketenagakerjaan … Bidang A" / "… Bidang B") still differ."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    if width < 12:
        return clip(text, width)
    tail = (width - 1) // 3
    head = width - 1 - tail
    return text[:head].rstrip() + "…" + text[len(text) - tail:].lstrip()


def entity_label(name: str, acronym: str | None, width: int, middle: bool = False) -> str:
    """An entity's name in ``width`` cells: the acronym first when the whole
    does not fit (it is what tells two long organisation names apart), then
    the name, clipped at its end (``middle``: keeping its beginning and end)."""
    cut = clip_middle if middle else clip
    acronym = acronym if acronym and acronym != name else None
    full = f"{name} ({acronym})" if acronym else name
    if len(full) <= width:
        return full
    if acronym:
        rest = width - len(acronym) - 1
        return f"{acronym} {cut(name, rest)}" if rest >= 6 else clip(acronym, width)
    return cut(name, width)


def distinct_labels(entities, width: int) -> dict[str, str]:
    """Entity id -> its label in ``width`` cells, such that two different
    entities never look the same: a clipped name that another one shares keeps
    its end instead ("Kementerian Ketenagakerja…Bidang A" / "…Bidang B")."""
    labels = {e.id: entity_label(e.name, e.acronym, width) for e in entities}
    seen: dict[str, list] = {}
    for e in entities:
        seen.setdefault(labels[e.id], []).append(e)
    for same in seen.values():
        if len(same) > 1:
            for e in same:
                labels[e.id] = entity_label(e.name, e.acronym, width, middle=True)
    return labels


def bar(count: int, top: int, width: int = 24) -> str:
    if top <= 0 or count <= 0:
        return ""
    cells = count * width / top
    full = int(cells)
    rest = cells - full
    return "█" * full + ("▌" if rest >= 0.5 else "") or "▏"


SPARK = " ▁▂▃▄▅▆▇█"


def sparkline(values: list[int]) -> str:
    top = max(values, default=0)
    if top <= 0:
        return " " * len(values)
    return "".join(SPARK[0 if v == 0 else max(1, round(v * 8 / top))] for v in values)
