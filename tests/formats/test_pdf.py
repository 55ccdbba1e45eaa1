"""Press releases as PDFs made at test time: text in reading order with
paragraphs, letterhead and contacts marked, title/outlet/date right; scanned,
encrypted, broken and bomb PDFs reported."""
import zlib

import pytest

from kemnaker_tui.corpus.article import build_article
from kemnaker_tui.corpus.reader import read_paths
from press_pdfs import all_releases, encrypted_pdf, image_only_pdf

pytest.importorskip("fpdf")




@pytest.fixture(params=[0, 1], ids=["kemnaker", "embassy"])
def release(request):
    return all_releases()[request.param]


def test_release_body_paragraphs_and_marked_furniture(tmp_path, release):
    (tmp_path / release.name).write_bytes(release.data)
    result = read_paths([tmp_path])
    assert not result.skipped, result.skipped
    [doc] = result.documents
    article = build_article(doc)
    for sentence in release.body:
        assert sentence in article.text, sentence            # whole: lines joined, no stray breaks
        start = article.text.index(sentence)
        assert not article.is_boilerplate(start, start + len(sentence)), sentence
    for line in release.boilerplate:
        if line in article.text:                              # page furniture of later pages is left out
            start = article.text.index(line)
            assert article.is_boilerplate(start, start + len(line)), line
    assert "Page 2 of 2" not in article.text
    # paragraphs: each a blank-line-separated block; body sentences in reading order
    positions = [article.text.index(s) for s in release.body]
    assert positions == sorted(positions)
    assert article.title == release.title
    assert article.outlet == release.outlet
    assert article.published.isoformat() == release.published


def test_paragraph_breaks_follow_the_layout(tmp_path):
    release = all_releases()[0]
    (tmp_path / release.name).write_bytes(release.data)
    [doc] = read_paths([tmp_path]).documents
    paras = [p for p in doc.text.split("\n\n") if p.strip()]
    # the first body paragraph holds sentences 0 and 1, the next starts with sentence 2
    assert any(p.startswith(release.body[0]) and release.body[1] in p for p in paras)
    assert any(p.startswith(release.body[2]) for p in paras)
    assert not any(release.body[1] in p and release.body[2] in p for p in paras)


def test_image_only_pdf_is_reported(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(image_only_pdf())
    result = read_paths([tmp_path])
    assert not result.documents
    assert result.skipped[0].reason == "no text layer (a scanned or image-only PDF); OCR is not supported"


def test_encrypted_pdf_is_reported(tmp_path):
    (tmp_path / "locked.pdf").write_bytes(encrypted_pdf())
    result = read_paths([tmp_path])
    assert not result.documents
    assert "encrypted PDF" in result.skipped[0].reason


@pytest.mark.parametrize("data", [b"%PDF-1.7\n", b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>",
                                  b"not a pdf at all"])
def test_broken_pdfs_are_reported(tmp_path, data):
    (tmp_path / "bad.pdf").write_bytes(data)
    result = read_paths([tmp_path])
    assert not result.documents and result.skipped


def test_pdf_bomb_stops_at_the_decompression_limit(tmp_path):
    """100 kB that inflate to 100 MB: refused by the decompression limit, not read into memory."""
    payload = zlib.compress(b"0" * (100 * 1024 * 1024), 9)
    objs = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>",
            b"<</Length %d/Filter/FlateDecode>>stream\n" % len(payload) + payload + b"\nendstream"]
    out = b"%PDF-1.4\n"
    offsets = []
    for n, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    (tmp_path / "bomb.pdf").write_bytes(out)
    result = read_paths([tmp_path])
    assert not result.documents
    assert result.skipped[0].reason.startswith("too large once decompressed"), result.skipped


def test_pdf_named_txt_is_read_as_pdf(tmp_path):
    release = all_releases()[0]
    (tmp_path / "release.txt").write_bytes(release.data)
    result = read_paths([tmp_path])
    assert [d.key for d in result.documents] == ["release.txt"]
    assert any("holds PDF" in w for w in result.warnings)


def test_pdf_without_letterhead_takes_no_body_sentence_for_a_title(tmp_path):
    from fpdf import FPDF
    pdf = FPDF()
    pdf.set_title("Microsoft Word - rilis_final.docx")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    first = "Balai pelatihan di Bandung membuka kelas bahasa Jepang baru."
    second = ("Kelas ini menampung empat puluh peserta yang akan mengikuti seleksi magang pada bulan depan "
              "dan dibiayai oleh pemerintah daerah setempat.")
    pdf.multi_cell(0, 6, first, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)
    pdf.multi_cell(0, 6, second, new_x="LMARGIN", new_y="NEXT")
    (tmp_path / "catatan.pdf").write_bytes(bytes(pdf.output()))
    [doc] = read_paths([tmp_path]).documents
    assert doc.title is None and doc.outlet is None and doc.published is None
    article = build_article(doc)
    assert first in article.text and second in article.text
    assert article.title.startswith("Balai pelatihan di Bandung")       # the lead, as for any untitled text
