"""Shared fixtures for the clipboard, citation and basket tests.

Every test gets its own KEMNAKER_TUI_HOME, so nothing touches the real home.
"""
from __future__ import annotations

import datetime as dt

import pytest

from kemnaker_tui.model import Article, Corpus, Entity, Meeting, Mention, Quote, Span

SEED_TITLE = "Lewat Forum Ini, Kemnaker Membangun Jejaring Pengembangan SDM Indonesia dengan Jepang"
SEED_QUOTE = ("Kami berharap Human Resources Forum Indonesia-Japan 2023 dapat memediasi "
              "terdistribusinya informasi antara semua pihak")


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("KEMNAKER_TUI_HOME", str(home))
    return home


def _article(key, text, title, outlet, published, url=None, language="id"):
    return Article(key=key, path=f"/corpus/{key}", text=text, encoding="utf-8", title=title,
                   title_span=None, outlet=outlet, dateline="Jakarta", published=published,
                   published_text=None, language=language, url=url, boilerplate=(),
                   paragraphs=(Span(0, len(text)),), sentences=(Span(0, len(text)),))


@pytest.fixture
def hand_corpus() -> Corpus:
    return build_hand_corpus()


def build_hand_corpus() -> Corpus:
    """Built by hand: one dated article (like seed 004), one undated with an event."""
    text1 = (f"{SEED_TITLE}\n\nSekretaris Jenderal Kementerian Ketenagakerjaan Anwar Sanusi hadir.\n"
             f"\"{SEED_QUOTE},\" ujar Sekjen Anwar Sanusi.\n"
             "Duta Besar Jepang untuk Indonesia Kanasugi Kenji menambahkan.\n"
             "\"Saya berharap sektor swasta [dan] pejabat publik *hadir*,\" pesan Dubes Kanasugi Kenji.\n")
    qs = text1.index(SEED_QUOTE)
    ks = text1.index("Saya berharap")
    ke = text1.index(",\" pesan")
    a1 = _article("004_seed.txt", text1, SEED_TITLE, "jpnn.com", dt.date(2023, 11, 29),
                  url="https://www.jpnn.com/news/lewat-forum-ini")
    text2 = ("Kemnaker dan Jepang Bahas Pemagangan\n\nPada Jumat (24/1), Menaker Yassierli bertemu "
             "delegasi Jepang. \"Kita perkuat kerja sama,\" kata Menaker Yassierli.\n")
    ys = text2.index("Kita perkuat")
    a2 = _article("002_undated.txt", text2, "Kemnaker dan Jepang Bahas Pemagangan", "surabayapagi.com", None)
    anwar = Entity(id="person:anwar-sanusi", type="person", name="Anwar Sanusi", acronym=None,
                   aliases=("Sekjen Anwar", "Anwar"),
                   roles=("Sekjen", "Sekretaris Jenderal Kementerian Ketenagakerjaan",
                          "Sekretaris Jenderal Kementerian Ketenagakerjaan Republik Indonesia"),
                   mentions=(Mention("004_seed.txt", 0, 1, "Anwar Sanusi"),))
    kanasugi = Entity(id="person:kanasugi-kenji", type="person", name="Kanasugi Kenji", acronym=None,
                      aliases=("Dubes Kanasugi Kenji",), roles=("Duta Besar Jepang untuk Indonesia",),
                      mentions=())
    yassierli = Entity(id="person:yassierli", type="person", name="Yassierli", acronym=None,
                       aliases=(), roles=("Menaker",), mentions=())
    quotes = (
        Quote(id="q1", article="004_seed.txt", text=SEED_QUOTE, start=qs, end=qs + len(SEED_QUOTE),
              speaker="Anwar Sanusi", speaker_id=anwar.id, attribution=None),
        Quote(id="q2", article="004_seed.txt", text=text1[ks:ke], start=ks, end=ke,
              speaker="Kanasugi Kenji", speaker_id=kanasugi.id, attribution=None),
        Quote(id="q3", article="002_undated.txt", text="Kita perkuat kerja sama", start=ys, end=ys + 23,
              speaker="Yassierli", speaker_id=yassierli.id, attribution=None),
    )
    meeting = Meeting(id="m1", article="002_undated.txt", kind="meeting", date=dt.date(2025, 1, 24),
                      date_text="Jumat (24/1)", year_inferred=True, place="Jakarta",
                      participants=("Yassierli",), participant_ids=(yassierli.id,), organisations=(),
                      summary="", start=0, end=len(text2))
    return Corpus(articles=(a1, a2), entities=(anwar, kanasugi, yassierli), meetings=(meeting,),
                  quotes=quotes, figures=())
