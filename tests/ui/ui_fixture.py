"""A small hand-made corpus for the UI tests: articles, entities, meetings,
quotes and figures with exact offsets, independent of the analysis rules (so
snapshots change only when the UI does). One article contains text that would
break markup (``[bold]``, an escape character) on purpose."""
from __future__ import annotations

import datetime as dt
import re

SIZE = (120, 36)   # the terminal size of every UI test and snapshot

from kemnaker_tui.model import (Article, Corpus, Entity, Figure, Meeting, Mention, Quote,
                                SkippedFile, Span)

TEXTS = {
    "kompas_2025.txt": dict(
        title="Kemnaker dan JCCI Perkuat Pelatihan Kerja",
        outlet="kompas.com", published=dt.date(2025, 2, 4), dateline="Jakarta",
        body=(
            "Kemnaker dan JCCI Perkuat Pelatihan Kerja\n"
            "Jakarta, 4 Februari 2025 – Direktur Jenderal Binalavotas Yassierli menerima kunjungan "
            "Ben Kobayashi, Chairman of JCCI, di kantor Kemnaker, Jakarta, pada Jumat (24/1/2025). "
            "Sejak 1993, lebih dari 24.000 peserta magang Indonesia telah dikirim ke Jepang.\n"
            "“Kami ingin program magang ini memberi manfaat bagi kedua negara,” ujar Yassierli. "
            "Kedua pihak sepakat memperluas pelatihan kerja [bold]intensif[/bold] dan sertifikasi.\n"
            "Baca juga: Menteri UMKM Dukung Pesantren Jadi Pusat Ekonomi Rakyat\n"
            "Kerja sama ini menargetkan 5.000 pemagang baru pada 2026.\n"
        ),
    ),
    "jpnn_2023.txt": dict(
        title="Lewat Forum Ini, Kemnaker Membangun Jejaring dengan Jepang",
        outlet="jpnn.com", published=dt.date(2023, 11, 29), dateline="Tokyo",
        body=(
            "Lewat Forum Ini, Kemnaker Membangun Jejaring dengan Jepang\n"
            "Tokyo – Sekretaris Jenderal Kemnaker Anwar Sanusi bertemu Gubernur Miyagi Yoshihiro Murai "
            "di Sendai pada Senin (27/11). Pertemuan membahas program magang dan penempatan \x1b[31mpekerja\x1b[0m.\n"
            "“Miyagi membutuhkan 3.000 tenaga kerja terampil setiap tahun,” kata Yoshihiro Murai. "
            "Anwar Sanusi menyambut baik tawaran itu.\n"
            "Baca juga: Harga Cabai Naik Jelang Natal\n"
        ),
    ),
    "antara_2024.txt": dict(
        title="IM Japan Kirim Peserta Magang Gelombang Baru",
        outlet="antaranews.com", published=dt.date(2024, 6, 12), dateline="Bekasi",
        body=(
            "IM Japan Kirim Peserta Magang Gelombang Baru\n"
            "Bekasi – Kemnaker bersama IM Japan melepas 1.200 peserta magang ke Jepang. "
            "Anwar Sanusi hadir dalam pelepasan di Bekasi pada 10 Juni 2024.\n"
            "“Peserta magang adalah duta bangsa,” tutur Anwar Sanusi.\n"
        ),
    ),
}

ENTITIES = [
    ("person:yassierli", "person", "Yassierli", None, (), ("Direktur Jenderal Binalavotas",)),
    ("person:ben-kobayashi", "person", "Ben Kobayashi", None, ("Kobayashi",), ("Chairman of JCCI",)),
    ("person:anwar-sanusi", "person", "Anwar Sanusi", None, (), ("Sekretaris Jenderal Kemnaker",)),
    ("person:yoshihiro-murai", "person", "Yoshihiro Murai", None, (), ("Gubernur Miyagi",)),
    ("organisation:kemnaker", "organisation", "Kementerian Ketenagakerjaan", "Kemnaker", ("Kemnaker",), ()),
    ("organisation:jcci", "organisation", "Japan Chamber of Commerce and Industry", "JCCI", ("JCCI",), ()),
    ("organisation:im-japan", "organisation", "IM Japan", None, (), ()),
    ("program:magang", "program", "Program Magang ke Jepang", None, ("magang",), ()),
    ("place:jakarta", "place", "Jakarta", None, (), ()),
    ("place:jepang", "place", "Jepang", None, (), ()),
    ("place:miyagi", "place", "Miyagi", None, (), ()),
    ("place:bekasi", "place", "Bekasi", None, (), ()),
]


def _sentences(text: str, start: int, end: int) -> list[Span]:
    out = []
    pos = start
    for m in re.finditer(r"(?<=[.!?”])\s+(?=[“A-Z])", text[start:end]):
        cut = start + m.start()
        out.append(Span(pos, cut))
        pos = start + m.end()
    if pos < end:
        out.append(Span(pos, end))
    return out


def _article(key: str, spec: dict) -> Article:
    text = spec["body"]
    title_span = Span(0, len(spec["title"]))
    boilerplate = tuple(Span(m.start(), m.end()) for m in re.finditer(r"^Baca juga:.*$", text, re.M))
    paragraphs = []
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        if s == e or s == 0 or any(b.start <= s < b.end for b in boilerplate):
            continue
        paragraphs.append(Span(s, e))
    sentences = [s for p in paragraphs for s in _sentences(text, p.start, p.end)]
    return Article(key=key, path=f"/fixture/{key}", text=text, encoding="utf-8", title=spec["title"],
                   title_span=title_span, outlet=spec["outlet"], dateline=spec["dateline"],
                   published=spec["published"], published_text=spec["published"].isoformat(),
                   language="id", url=f"https://{spec['outlet']}/{key[:-4]}", boilerplate=boilerplate,
                   paragraphs=tuple(paragraphs), sentences=tuple(sentences))


def _find(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    i = text.index(needle, after)
    return i, i + len(needle)


def make_corpus(skipped: bool = True) -> Corpus:
    articles = [_article(k, v) for k, v in TEXTS.items()]
    by_key = {a.key: a for a in articles}
    entities = []
    for eid, etype, name, acronym, aliases, roles in ENTITIES:
        mentions = []
        forms = sorted({name, *(aliases or ()), *((acronym,) if acronym else ())}, key=len, reverse=True)
        for a in articles:
            taken: list[tuple[int, int]] = []
            for form in forms:
                for m in re.finditer(r"\b" + re.escape(form) + r"\b", a.text):
                    if a.title_span and m.start() < a.title_span.end:
                        continue
                    if a.is_boilerplate(m.start(), m.end()):
                        continue
                    if any(s < m.end() and m.start() < e for s, e in taken):
                        continue
                    taken.append((m.start(), m.end()))
                    mentions.append(Mention(a.key, m.start(), m.end(), m.group()))
        mentions.sort(key=lambda m: (m.article, m.start))
        entities.append(Entity(eid, etype, name, acronym, tuple(aliases), tuple(roles), tuple(mentions)))

    k, j, a = (by_key["kompas_2025.txt"], by_key["jpnn_2023.txt"], by_key["antara_2024.txt"])
    meetings = [
        Meeting("m1", k.key, "courtesy call", dt.date(2025, 1, 24), "Jumat (24/1/2025)", False, "Jakarta",
                ("Yassierli", "Ben Kobayashi"), ("person:yassierli", "person:ben-kobayashi"),
                ("Kemnaker", "JCCI"), "Yassierli receives Ben Kobayashi (JCCI)",
                *_span_of_sentence(k, "Direktur Jenderal")),
        Meeting("m2", j.key, "meeting", dt.date(2023, 11, 27), "Senin (27/11)", True, "Sendai",
                ("Anwar Sanusi", "Yoshihiro Murai"), ("person:anwar-sanusi", "person:yoshihiro-murai"),
                ("Kemnaker",), "Anwar Sanusi meets the Governor of Miyagi",
                *_span_of_sentence(j, "Sekretaris Jenderal")),
        Meeting("m3", a.key, "visit", None, None, False, "Bekasi",
                ("Anwar Sanusi",), ("person:anwar-sanusi",), ("Kemnaker", "IM Japan"),
                "Send-off of 1,200 interns", *_span_of_sentence(a, "Anwar Sanusi hadir")),
    ]
    quotes = []
    for art, speaker, sid in ((k, "Yassierli", "person:yassierli"), (j, "Yoshihiro Murai", "person:yoshihiro-murai"),
                              (a, "Anwar Sanusi", "person:anwar-sanusi")):
        s = art.text.index("“") + 1
        e = art.text.index("”", s)
        verb = re.search(r"(ujar|kata|tutur) " + re.escape(speaker), art.text[e:])
        attribution = Span(e + verb.start(), e + verb.end()) if verb else None
        quotes.append(Quote(f"q-{art.key[:-4]}", art.key, art.text[s:e], s, e, speaker, sid, attribution))
    figures = []
    for art, printed, value, unit in ((k, "24.000 peserta magang", 24000, "peserta magang"),
                                      (k, "5.000 pemagang", 5000, "pemagang"),
                                      (j, "3.000 tenaga kerja", 3000, "tenaga kerja"),
                                      (a, "1.200 peserta magang", 1200, "peserta magang")):
        s, e = _find(art.text, printed)
        sentence = next(x for x in art.sentences if x.start <= s < x.end)
        figures.append(Figure(f"f-{art.key[:-4]}-{value}", art.key, float(value), unit, printed, s, e, sentence))
    skipped_files = (SkippedFile("/fixture/broken.pdf", "not a text file (binary content)"),
                     SkippedFile("/fixture/empty.txt", "empty file")) if skipped else ()
    return Corpus(articles=tuple(articles), entities=tuple(entities), meetings=tuple(meetings),
                  quotes=tuple(quotes), figures=tuple(figures), skipped=skipped_files)


def _span_of_sentence(article: Article, needle: str) -> tuple[int, int]:
    i = article.text.index(needle)
    s = next(x for x in article.sentences if x.start <= i < x.end)
    return s.start, s.end


# -- Pilot helpers --------------------------------------------------------------

async def settle(app, pilot, delay: float = 0.0, timeout: float = 10.0) -> None:
    """Wait for workers (loading, searching, copying) and the messages they post."""
    import asyncio
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        await pilot.pause(delay)
        if all(w.is_finished for w in app.workers) or loop.time() > deadline:
            break
        await asyncio.sleep(0.005)
    await pilot.pause()


async def press(app, pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(app, pilot)
