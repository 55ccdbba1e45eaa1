"""Small corpora for the corrections tests: our own sentences, two ministers and
an official who share a meeting told by two articles."""
from __future__ import annotations

import pytest

A1 = """Menaker Ida Fauziyah Bahas Magang dengan Menteri Jepang

Jakarta - Menteri Ketenagakerjaan Ida Fauziyah menerima kunjungan Menteri Kesehatan, Tenaga Kerja dan Kesejahteraan Jepang Keizo Takemi di Jakarta, Senin (12/6/2023). Pertemuan itu membahas program magang ke Jepang.

"Kami ingin pemagang kita terlindungi selama bekerja di Jepang," kata Ida dalam keterangannya.

Takemi menyampaikan bahwa Jepang membutuhkan lebih banyak tenaga kerja. "Kami akan membuka lebih banyak kesempatan bagi pekerja Indonesia," ujar Takemi.

Menurut Ida, Kementerian Ketenagakerjaan (Kemnaker) menyiapkan 5.000 peserta pelatihan tahun ini. "Pelatihan bahasa menjadi kunci," tuturnya.

Ida Fauziyah juga meminta Japan International Cooperation Agency (JICA) memperluas dukungan. "JICA sudah lama menjadi mitra," kata Ida.
"""

A2 = """Kemnaker dan Jepang Sepakati Perluasan Magang

Jakarta - Kementerian Ketenagakerjaan (Kemnaker) dan Pemerintah Jepang sepakat memperluas program magang, Senin (12/6/2023). Menaker Ida Fauziyah bertemu Menteri Keizo Takemi di Jakarta.

"Kerja sama ini sudah berjalan puluhan tahun," kata Ida Fauziyah.

Kemnaker menargetkan 5.000 peserta pelatihan, kata Ida. Sekjen Kemnaker Anwar Sanusi turut hadir. "Kami siap," kata Anwar.
"""

B1 = """Ketua Dewan Anwar Usman Kunjungi Balai Pelatihan

Bandung - Ketua Dewan Pengawas Anwar Usman mengunjungi balai pelatihan kerja di Bandung, Selasa (13/6/2023). Anwar meninjau kelas bahasa Jepang.

"Lulusan balai ini harus siap bersaing," kata Anwar kepada wartawan.
"""


@pytest.fixture
def texts():
    return {"a1.txt": A1, "a2.txt": A2}


@pytest.fixture
def folder(write_corpus, texts):
    return write_corpus(texts)


@pytest.fixture
def load(folder):
    """load(corrections_file=None, alias_file=None, path=folder) -> Finished."""
    from kemnaker_tui.analysis.pipeline import analyse_paths
    from kemnaker_tui.corrections import finish

    def run(corrections_file=None, alias_file=None, path=None):
        return finish(analyse_paths([path or folder]), corrections_file, alias_file)
    return run


@pytest.fixture
def cli(capsys):
    """cli("correct", "list", …) -> (exit code, stdout, stderr)."""
    from kemnaker_tui.cli import main

    def run(*argv):
        code = main([str(a) for a in argv])
        out = capsys.readouterr()
        return code, out.out, out.err
    return run


def _entity(corpus, name):
    found = [e for e in corpus.entities if e.name == name]
    assert len(found) == 1, [e.name for e in corpus.entities]
    return found[0]


def _quote(corpus, words):
    found = [q for q in corpus.quotes if words in q.text]
    assert len(found) == 1, [q.text for q in corpus.quotes]
    return found[0]


@pytest.fixture
def entity():
    """entity(corpus, name) -> the one entity of that name."""
    return _entity


@pytest.fixture
def quote():
    """quote(corpus, words) -> the one quote holding those words."""
    return _quote


@pytest.fixture
def b1():
    """A third article, about another Anwar (the analysis reads a title into his name)."""
    return B1
