"""Any bytes under a page's or a PDF's name give articles or a reason, never a
traceback; the format modules and fetch import no UI and no heavy library at
import time."""
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kemnaker_tui.corpus.formats import FormatError, read_html, read_pdf

TAGS = st.sampled_from(["<html>", "<body>", "<p>", "</p>", "<div class=share>", "</div>", "<h1>", "</h1>",
                        "<script>", "</script>", "<a href=x>", "</a>", "<meta charset=koi8-r>",
                        "<meta property=og:type content=article>", "<time datetime=2025-13-45>",
                        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": 5}</script>',
                        "&#0;", "&bogus;", "<![CDATA[", "<!--", "\x00", "\ufffd"])
WORDS = st.sampled_from(["Menteri", "bertemu", "delegasi", "Jepang", "di", "Jakarta.", "Baca juga:", "\n"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(TAGS, WORDS), max_size=120))
def test_html_soup_is_extracted_or_reported(parts):
    data = " ".join(parts).encode("utf-8", "surrogatepass")
    try:
        out = read_html("p.html", "p", data)
    except FormatError:
        return
    docs = out[0] if isinstance(out, tuple) else out
    assert docs and docs[0].text.strip()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_pdf_garbage_is_reported(data):
    try:
        read_pdf("r.pdf", "r", b"%PDF-1.4\n" + data)
    except FormatError:
        pass


def test_formats_and_fetch_import_no_ui_and_nothing_heavy_at_start():
    code = ("import sys\nimport kemnaker_tui.corpus.formats, kemnaker_tui.corpus.reader, kemnaker_tui.fetch\n"
            "import kemnaker_tui.corpus.formats.html, kemnaker_tui.corpus.formats.pdf\n"
            "print(','.join(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'textual', 'rich', 'trafilatura', 'pypdf', 'lxml', 'feedparser'})))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
