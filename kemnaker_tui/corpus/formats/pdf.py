""".pdf: a text-based press release.

pypdf reads the text layer (see the README for why pypdf and not pdfminer.six:
paragraph fidelity was equal once lines are regrouped, pypdf was 3-5x faster
and caps decompression, so a PDF bomb stops at a limit instead of eating
memory). Lines are rebuilt from the position of each piece of text, and
paragraphs from the gaps between lines. The letterhead, running headers,
page numbers and the contact footer are found by position and wording: page
numbers and repeated running lines are left out of the text, the letterhead
and contacts stay in it, marked as boilerplate.

An image-only (scanned) PDF and an encrypted one are reported.
"""
from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass

from kemnaker_tui.corpus.formats.base import FormatError
from kemnaker_tui.corpus.formats.origin import Origin
from kemnaker_tui.model import RawDocument, Span

MAX_PAGES = 200               # a press release has a handful; a 2,000-page report is not an article
MAX_TEXT_CHARS = 2_000_000
# One page's decompressed content: a press release page holds a few kB of text
# operators; a PDF bomb holds gigabytes. pypdf stops decompressing here.
MAX_STREAM_BYTES = 16 * 1024 * 1024

_PAGE_NUMBER = re.compile(r"^(?:(?:page|halaman|hal\.?)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?"
                          r"(?:\s*(?:of|dari|/)\s*\d{1,4})?$", re.IGNORECASE)
_LETTERHEAD = re.compile(
    r"""^(?:kementerian|kemente?rian|badan|biro|direktorat|sekretariat|kedutaan|konsulat|pemerintah|
          dinas|lembaga|ministry|embassy|consulate|government|agency|republik|republic)\b
      | \b(?:jl\.|jalan|gedung|kav\.|kode\s+pos|telp|telepon|tel\.|fax|faks|faksimil[ei]|e-?mail|
          laman|website|www\.|https?://)|@
      | ^(?:siaran\s+pers|press\s+release|rilis\s+(?:pers|media)|media\s+release|for\s+immediate\s+release|
          untuk\s+segera\s+(?:dipublikasikan|disiarkan)|nomor\s*:|no\.?\s*:|ref\.?\s*:)""",
    re.IGNORECASE | re.VERBOSE)
_CONTACT = re.compile(
    r"^(?:narahubung|kontak(?:\s+media)?|media\s+contacts?|contacts?|informasi\s+lebih\s+lanjut|"
    r"untuk\s+informasi\s+lebih\s+lanjut|for\s+(?:further|more)\s+information|penanggung\s+jawab|"
    r"biro\s+hubungan\s+masyarakat|hubungan\s+masyarakat|about\s+|tentang\s+)\b", re.IGNORECASE)
_CONTACT_DETAIL = re.compile(r"\b(?:telp|telepon|tel|fax|faks|hp|wa|e-?mail|email)\b\.?\s*:?|@|www\.|https?://",
                             re.IGNORECASE)
_PLACE_DATE = re.compile(
    r"^(?:[A-Z][A-Za-z.' ]{1,30},\s*)?(?:\d{1,2}\s+[A-Za-z]+\.?\s+\d{4}|[A-Za-z]+\.?\s+\d{1,2},\s+\d{4})$")
_SENTENCE_END = re.compile(r"[.!?:;…][\"”’)]*$")


@dataclass
class _Line:
    page: int
    y: float
    size: float
    text: str


def read_pdf(path: str, key: str, data: bytes, origin: Origin | None = None) -> list[RawDocument]:
    start = data.find(b"%PDF-", 0, 1024)
    if start < 0:
        raise FormatError("not a PDF (no %PDF header)")
    import pypdf

    with _limits(pypdf):
        return _read(pypdf, path, key, data[start:], origin)


def _limits(pypdf):
    """pypdf's decompression limits, lowered for the duration of one read."""
    import contextlib
    apply = getattr(pypdf, "apply_configuration", None)
    if apply is None:               # an older pypdf: its own 75 MB limits apply
        return contextlib.nullcontext()
    return apply(zlib_maximum_output_length=MAX_STREAM_BYTES, lzw_maximum_output_length=MAX_STREAM_BYTES,
                 run_length_maximum_output_length=MAX_STREAM_BYTES,
                 array_based_stream_maximum_output_length=MAX_STREAM_BYTES)


def _read(pypdf, path: str, key: str, data: bytes, origin: Origin | None) -> list[RawDocument]:
    from pypdf.errors import PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")        # an owner password alone leaves it readable
            except Exception as exc:  # noqa: BLE001 - pypdf raises several kinds (missing AES support too)
                raise FormatError(f"encrypted PDF; cannot open it ({type(exc).__name__})") from None
            if not opened:
                raise FormatError("encrypted PDF (a password is needed to read it)")
        n_pages = len(reader.pages)
        if n_pages > MAX_PAGES:
            raise FormatError(f"too many pages ({n_pages}; a press release is read up to {MAX_PAGES})")
        lines: list[_Line] = []
        heights: list[float] = []
        chars = 0
        for number, page in enumerate(reader.pages):
            contents = page.get_contents()
            if contents is not None:
                contents.get_data()      # decompressed here, within the limit (text extraction hides the error)
            page_lines = _page_lines(page, number)
            chars += sum(len(line.text) for line in page_lines)
            if chars > MAX_TEXT_CHARS:
                raise FormatError(f"too much text for one article (over {MAX_TEXT_CHARS:,} characters)")
            lines.extend(page_lines)
            heights.append(float(page.mediabox.height or 842))
    except FormatError:
        raise
    except PyPdfError as exc:      # broken xref, a decompression limit reached (a PDF bomb), ...
        name = type(exc).__name__
        if name == "LimitReachedError":
            raise FormatError(f"too large once decompressed (over {MAX_STREAM_BYTES // 2**20} MB in one "
                              f"page; a PDF bomb?)") from None
        raise FormatError(f"broken PDF ({name}: {str(exc)[:120]})") from None
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, OSError) as exc:
        raise FormatError(f"broken PDF ({type(exc).__name__}: {str(exc)[:120]})") from None
    if not any(line.text.strip() for line in lines):
        raise FormatError("no text layer (a scanned or image-only PDF); OCR is not supported")
    return [_document(path, key, lines, heights, reader, origin)]


def _page_lines(page, number: int) -> list[_Line]:
    """The page's text as lines, in content order, each with its baseline height."""
    pieces: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, _font, size):
        if not text:
            return
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) or 1.0
        pieces.append((y, float(size) * scale, text))

    page.extract_text(visitor_text=visit)
    lines: list[_Line] = []
    current: _Line | None = None
    for y, size, text in pieces:
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if i > 0 and current is not None:
                lines.append(current)
                current = None
            if not part.strip():
                continue
            if current is not None and y and abs(y - current.y) > max(size, 1.0) * 0.6:
                lines.append(current)
                current = None
            if current is None:
                current = _Line(number, y, size, part)
            else:
                current.text += part
    if current is not None:
        lines.append(current)
    for line in lines:
        line.text = re.sub(r"\s+", " ", line.text).strip()
    return [line for line in lines if line.text]


def _furniture(lines: list[_Line], heights: list[float]) -> set[int]:
    """Indexes of page numbers and running headers/footers on later pages (left out of the text)."""
    def shape(text: str) -> str:
        return re.sub(r"\d+", "#", text.lower())
    pages_of: dict[str, set[int]] = {}
    for line in lines:
        pages_of.setdefault(shape(line.text), set()).add(line.page)
    n_pages = len(heights)
    out = set()
    for i, line in enumerate(lines):
        h = heights[line.page] if line.page < len(heights) else 842
        at_edge = line.y > h * 0.92 or line.y < h * 0.08
        repeated = n_pages > 1 and len(pages_of[shape(line.text)]) == n_pages
        if _PAGE_NUMBER.match(line.text) and (at_edge or len(line.text) < 20):
            out.add(i)
        elif repeated and at_edge and line.page > 0:
            out.add(i)
    return out


@dataclass
class _Para:
    text: str
    kind: str = "body"       # "body" | "title" | "letterhead" | "contact" | "furniture"


def _paragraphs(lines: list[_Line], skip: set[int]) -> list[list[_Line]]:
    kept = [line for i, line in enumerate(lines) if i not in skip]
    gaps = [a.y - b.y for a, b in zip(kept, kept[1:]) if a.page == b.page and 0 < a.y - b.y < 3 * a.size]
    spacing = statistics.median(gaps) if gaps else 14.0
    paras: list[list[_Line]] = []
    for line in kept:
        if not paras:
            paras.append([line])
            continue
        prev = paras[-1][-1]
        if line.page != prev.page:
            # a paragraph runs on over the page break when its last line does not end a sentence
            new = bool(_SENTENCE_END.search(prev.text)) or not line.text[:1].islower()
        else:
            gap = prev.y - line.y
            new = gap > spacing * 1.35 or gap < 0 or abs(line.size - prev.size) > 0.6
        # "Jakarta, 12 Maret 2025" stands alone, however tight the spacing around it
        new = new or bool(_PLACE_DATE.match(line.text) or _PLACE_DATE.match(prev.text))
        if new:
            paras.append([line])
        else:
            paras[-1].append(line)
    return paras


def _join(lines: list[_Line]) -> str:
    out = lines[0].text
    for line in lines[1:]:
        out += line.text if out.endswith("-") and line.text[:1].islower() else " " + line.text
    return out


def _document(path: str, key: str, lines: list[_Line], heights: list[float], reader, origin) -> RawDocument:
    furniture = _furniture(lines, heights)
    groups = _paragraphs(lines, furniture)
    body_size = statistics.median([line.size for g in groups for line in g]) if groups else 11.0
    paras: list[_Para] = []
    # Letterhead: the leading paragraphs whose every line looks like one (institution, address, "SIARAN PERS").
    i = 0
    while i < len(groups) and i < 8 and all(_LETTERHEAD.search(line.text) or line.text.isupper()
                                            or (line.page == 0 and line.y > heights[0] * 0.92) for line in groups[i]):
        for line in groups[i]:
            paras.append(_Para(line.text, "letterhead"))
        i += 1
    title = None
    outlet = _outlet([p.text for p in paras])
    if i < len(groups) and not _PLACE_DATE.match(_join(groups[i])) and len(_join(groups[i])) <= 250 \
            and (groups[i][0].size > body_size + 0.5 or not _SENTENCE_END.search(_join(groups[i]))):
        title = _join(groups[i])
        paras.append(_Para(title, "title"))
        i += 1
    rest = [_join(g) for g in groups[i:]]
    # Contact footer: from a "Narahubung" / "Media contact" paragraph, or a last run of contact details.
    cut = len(rest)
    for j in range(max(0, len(rest) - 8), len(rest)):
        if _CONTACT.match(rest[j]) or (_CONTACT_DETAIL.search(rest[j]) and len(rest[j]) < 160
                                       and all(_CONTACT_DETAIL.search(r) or len(r) < 80 for r in rest[j:])):
            cut = j
            break
    paras.extend(_Para(t) for t in rest[:cut])
    paras.extend(_Para(t, "contact") for t in rest[cut:])

    published = None
    for p in paras[:12] + paras[-6:]:
        if p.kind in ("body", "letterhead") and _PLACE_DATE.match(p.text):
            published = p.text
            break
    text = ""
    marked: list[Span] = []
    for p in paras:
        if text:
            text += "\n\n"
        if p.kind in ("letterhead", "contact"):
            marked.append(Span(len(text), len(text) + len(p.text)))
        text += p.text
    text += "\n"
    info_title = None
    try:
        info = reader.metadata
        info_title = (info.title or "").strip() if info else None
        if info_title and re.search(r"^microsoft\s+\w+\s+-|\.(?:docx?|odt|pdf|rtf)$|^untitled$", info_title, re.I):
            info_title = None            # a file name left by the word processor, not a title
    except Exception:  # noqa: BLE001 - a broken info dictionary only loses a fallback
        pass
    return RawDocument(
        key=key, path=path, text=text, encoding="pdf", title=title or info_title or None,
        url=origin.best_url if origin else None, published=published, outlet=outlet,
        meta_source="PDF text: letterhead, title line, place-and-date line",
        fetched_at=origin.fetched_at if origin else None, marked=tuple(marked))


def _outlet(letterhead: list[str]) -> str | None:
    """The issuer, from the letterhead's first institution line ("KEMENTERIAN ... " -> "Kementerian ...")."""
    for line in letterhead:
        name = re.split(r"\s+[-–—|]\s+", line)[0].strip()
        if re.match(r"^(?:kementerian|badan|biro|direktorat|kedutaan|konsulat|pemerintah|dinas|lembaga|"
                    r"ministry|embassy|consulate|government|agency)\b", name, re.IGNORECASE):
            if name.isupper():
                small = {"Dan", "Of", "The", "In", "And", "Republik"}
                name = " ".join(w.lower() if w.title() in small - {"Republik"} else w.title()
                                for w in name.split())
            return name
    return None
