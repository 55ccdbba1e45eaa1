"""Looking things up by position (analysis/positions.py)."""
from kemnaker_tui.analysis.positions import ByStart
from kemnaker_tui.model import Span


def test_between_covering_overlapping():
    spans = ByStart([Span(30, 40), Span(0, 10), Span(12, 20)])
    assert spans.between(0, 12) == [Span(0, 10)]
    assert spans.between(11, 31) == [Span(12, 20), Span(30, 40)]
    assert spans.covering(15) == Span(12, 20) and spans.covering(10) is None and spans.covering(39) == Span(30, 40)
    assert spans.overlapping(15, 35) == [Span(12, 20), Span(30, 40)]
    assert spans.overlapping(20, 30) == [] and spans.overlapping(9, 11) == [Span(0, 10)]
    assert ByStart([]).covering(3) is None and ByStart([]).overlapping(0, 5) == []


def test_a_long_article_stays_linear(analyse_texts):
    import time
    line = ("“Kami menargetkan 300 peserta,” kata Menteri Budi Santoso usai rapat koordinasi di Jakarta, "
            "Senin (4/3/2024). Pertemuan dengan 20 perusahaan digelar pada 5 Maret 2024.\n")
    t = time.process_time()
    corpus = analyse_texts({"long.txt": "Judul Berita Yang Cukup Panjang\n\n" + line * 1500})
    assert time.process_time() - t < 60                      # seconds: quadratic work would take far longer
    assert corpus.meetings and corpus.figures
