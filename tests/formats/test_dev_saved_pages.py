"""The development articles, wrapped at test time into saved pages (menus,
trending box, share bar, footer around the text), score exactly as the .txt
files do: reading HTML loses nothing the analysis needs and adds no chrome.

Reads ../shared/eval/dev/articles at test time (skipped when absent); nothing
from those articles is stored in the project."""
import html
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kemnaker_tui import export
from kemnaker_tui.analysis.pipeline import analyse_paths

EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
DEV = EVAL / "dev" / "articles"
GOLD = EVAL / "dev" / "gold_dev.json"

pytestmark = pytest.mark.skipif(not (DEV.is_dir() and GOLD.is_file() and (EVAL / "score.py").is_file()),
                                reason="../shared/eval/dev is not here")


def saved_page(text: str, n: int) -> str:
    """A browser-saved page around the article: its headline the line the text's
    own rules take for a title (if any), each other line a paragraph."""
    from kemnaker_tui.corpus.article import build_article
    from kemnaker_tui.model import RawDocument
    article = build_article(RawDocument(key="x.txt", path="x.txt", text=text, encoding="utf-8"))
    head = article.slice(article.title_span).strip() if article.title_span else None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    body = list(lines)
    if head in body:
        body.remove(head)                  # the headline once; a repeat in the text stays
    esc = html.escape
    paras = "\n".join(f"<p>{esc(line)}</p>" for line in body)
    trending = "".join(f'<li><a href="/t/{i}">Kabar hangat nomor {i} hari ini dari kota</a></li>' for i in range(6))
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">{f'<title>{esc(head)} - Portal {n}</title>' if head else ''}</head>
<body><header><nav><ul><li><a href="/">Beranda</a></li><li><a href="/nasional">Nasional</a></li>
<li><a href="/ekonomi">Ekonomi</a></li><li><a href="/indeks">Indeks</a></li></ul></nav></header>
<div class="cookie-notice">Situs ini memakai cookie. <button>Oke</button></div>
<main><article>{f'<h1>{esc(head)}</h1>' if head else ''}
<div class="share-bar">Bagikan: Facebook X WhatsApp</div>
<div class="article-body">{paras}</div></article>
<aside class="trending"><h3>Trending</h3><ol>{trending}</ol></aside></main>
<footer><p>Tentang kami - Pedoman siber - Kontak</p><p>Hak cipta Portal {n}</p></footer></body></html>"""


def score(pred: dict, tmp: Path, name: str) -> str:
    path = tmp / f"{name}.json"
    path.write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run([sys.executable, str(EVAL / "score.py"), "--gold", str(GOLD), "--pred", str(path)],
                         capture_output=True, text=True, timeout=120)
    return run.stdout.strip().splitlines()[-1]


def test_saved_pages_score_as_the_text_files(tmp_path):
    txts = sorted(DEV.glob("*.txt"))
    pages = tmp_path / "pages"
    pages.mkdir()
    for n, txt in enumerate(txts):
        (pages / txt.with_suffix(".html").name).write_text(saved_page(txt.read_text(encoding="utf-8"), n),
                                                           encoding="utf-8")
    from_txt = export.to_dict(analyse_paths(txts))
    from_html = export.to_dict(analyse_paths([pages]))
    assert not from_html["skipped"], from_html["skipped"]
    assert len(from_html["articles"]) == len(txts)
    for page_article in from_html["articles"]:             # no chrome reached any text
        assert "Kabar hangat nomor" not in page_article["text"] and "Bagikan:" not in page_article["text"]
        assert "Pedoman siber" not in page_article["text"]

    # the article's metadata as the text file gives it
    by_name = {a["file"]: a for a in from_txt["articles"]}
    for page_article in from_html["articles"]:
        txt_article = by_name[page_article["file"].replace(".html", ".txt")]
        for field in ("title", "published", "outlet", "dateline", "language"):
            # A headline the page repeats under itself is the extractor's echo of the <h1>: the page
            # reader drops it, and then the lead's "Outlet.news -" may be read where the .txt hid it.
            found_more = txt_article[field] is None and field in ("outlet", "dateline")
            assert page_article[field] == txt_article[field] or found_more, (page_article["file"], field)

    def as_txt(data: dict) -> dict:     # the gold names the .txt files
        return json.loads(json.dumps(data).replace('.html"', '.txt"'))
    assert score(as_txt(from_html), tmp_path, "html") == score(from_txt, tmp_path, "txt")
