"""Article texts kept as UTF-8 bytes read back as the same str everywhere."""
from __future__ import annotations

import dataclasses
import pickle
import sys

import pytest

from kemnaker_tui.corpus.article import compact_article
from kemnaker_tui.library.pickling import dumps
from kemnaker_tui.model import Article, Span, compact_text, stored_text

TEXTS = ["Menaker Budi berkata, “Kami siap.”", "plain ascii text", "日本 – Ōsaka ’quoted’", "lone \udc80 surrogate",
         ""]


def _article(text: str) -> Article:
    return Article("k", "p", text, "utf-8", "title", None, None, None, None, None, "id", None, (),
                   (Span(0, len(text)),), (Span(0, len(text)),))


@pytest.mark.parametrize("text", TEXTS)
def test_compact_text_reads_back_the_same(text):
    plain = _article(text)
    compact = compact_article(plain)
    assert compact.text == text and isinstance(compact.text, str)
    assert compact == plain and hash(compact) == hash(plain)
    assert compact.slice(Span(1, 4)) == text[1:4]
    kept = stored_text(compact)
    assert (kept is text or kept == text) if text.isascii() else kept == text.encode("utf-8", "surrogatepass")
    again = pickle.loads(dumps(compact))
    assert again == plain and type(stored_text(again)) is type(kept)
    assert dataclasses.replace(compact, title="other").text == text


def test_compact_text_is_smaller_for_news_with_curly_quotes():
    text = "Kemnaker melepas 120 peserta magang ke Jepang. " * 60 + "“Selamat jalan,” kata Menaker."
    kept = compact_text(text)
    assert isinstance(kept, bytes)
    assert sys.getsizeof(kept) * 1.8 < sys.getsizeof(text)


def test_compact_text_is_frozen_like_every_field():
    compact = compact_article(_article("“x”"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        compact.text = "y"
