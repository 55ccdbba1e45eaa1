"""Measure the extractors the formats use against one alternative each, on the
test fixtures (tests/formats): saved pages in seven outlets' templates and two
PDF press releases. Prints numbers; asserts nothing.

    .venv/bin/python bench/formats_extractors.py

HTML: our reader (chrome pruning + trafilatura) vs trafilatura alone vs
readability-lxml (if installed: `pip install readability-lxml`).
PDF: our reader (pypdf + lines regrouped by position) vs pypdf's plain text vs
pdfminer.six (if installed) with default and with wider layout margins; and
what each does with a PDF bomb (peak memory in a child process).
"""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "formats"))

from outlet_pages import ALL_PAGES, home_page  # noqa: E402
from press_pdfs import all_releases  # noqa: E402


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def timed(fn, repeat=5):
    fn()                                   # warm (imports, caches)
    t = time.perf_counter()
    for _ in range(repeat):
        out = fn()
    return out, (time.perf_counter() - t) / repeat * 1000


def html_ours(data):
    from kemnaker_tui.corpus.formats.html import read_html
    out = read_html("p.html", "p", data)
    return (out[0] if isinstance(out, tuple) else out)[0].text


def html_trafilatura(data):
    import trafilatura
    doc = trafilatura.bare_extraction(data.decode("utf-8", "replace") if b"windows-1252" not in data
                                      else data.decode("cp1252"), favor_recall=True, include_comments=False)
    return doc.text if doc else ""


def html_readability(data):
    from lxml import html as lh
    from readability import Document
    text = data.decode("cp1252") if b"windows-1252" in data else data.decode("utf-8", "replace")
    summary = Document(text).summary(html_partial=True)
    tree = lh.fromstring(summary)
    return "\n".join(el.text_content() for el in tree.iter("p", "li", "h1", "h2", "div") if el.text_content().strip())


def bench_html():
    print("HTML: 7 outlet-style saved pages (tests/formats/outlet_pages.py)")
    print(f"{'extractor':28} {'body kept':>10} {'chrome leaked':>14} {'ms/page':>8}  home page")
    pages = [make() for make in ALL_PAGES]
    for name, fn in (("ours (prune + trafilatura)", html_ours), ("trafilatura alone", html_trafilatura),
                     ("readability-lxml", html_readability)):
        try:
            kept = leaked = total_b = total_c = 0
            ms = []
            for p in pages:
                text, t = timed(lambda: fn(p.data))
                text = norm(text)
                kept += sum(norm(s) in text for s in p.body)
                leaked += sum(c in text for c in p.chrome)
                total_b += len(p.body)
                total_c += len(p.chrome)
                ms.append(t)
            try:
                home = fn(home_page())
                home_result = f"loaded ({len(home)} chars)" if home.strip() else "nothing"
            except Exception as exc:  # noqa: BLE001
                home_result = f"refused: {str(exc)[:40]}"
            print(f"{name:28} {kept:>4}/{total_b:<5} {leaked:>6}/{total_c:<7} {sum(ms) / len(ms):8.1f}  {home_result}")
        except ImportError as exc:
            print(f"{name:28} not installed ({exc.name})")
    dev = ROOT.parent / "shared" / "eval" / "dev" / "articles"
    if dev.is_dir():                    # the dev articles wrapped as saved pages (as the test does)
        from test_dev_saved_pages import saved_page
        wrapped = [(saved_page(t.read_text(encoding="utf-8"), n).encode("utf-8"),
                    [norm(x) for x in t.read_text(encoding="utf-8").splitlines() if x.strip()])
                   for n, t in enumerate(sorted(dev.glob("*.txt")))]
        print(f"  dev articles wrapped as pages ({len(wrapped)} pages, "
              f"{sum(len(lines) for _, lines in wrapped)} lines of article):")
        for name, fn in (("ours (prune + trafilatura)", html_ours), ("trafilatura alone", html_trafilatura),
                         ("readability-lxml", html_readability)):
            try:
                kept = total = 0
                for data, lines in wrapped:
                    text = norm(fn(data))
                    kept += sum(line in text for line in lines)
                    total += len(lines)
                print(f"    {name:28} {kept}/{total} lines kept")
            except ImportError as exc:
                print(f"    {name:28} not installed ({exc.name})")
    for mod in ("trafilatura", "readability"):
        code = f"import time; t=time.perf_counter(); import {mod}; print((time.perf_counter()-t)*1000)"
        try:
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
            print(f"  import {mod}: {float(out.stdout.strip()):.0f} ms")
        except (ValueError, subprocess.SubprocessError):
            print(f"  import {mod}: not installed")


def paragraphs_of(text: str) -> list[str]:
    return [norm(p) for p in re.split(r"\n\s*\n", text) if p.strip()]


def pdf_ours(data):
    from kemnaker_tui.corpus.formats.pdf import read_pdf
    return read_pdf("r.pdf", "r", data)[0].text


def pdf_pypdf_plain(data):
    import pypdf
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)


def pdf_pdfminer(data, **la):
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    return extract_text(io.BytesIO(data), laparams=LAParams(**la))


def write_bomb(path: Path) -> int:
    import zlib
    payload = zlib.compress(b"0" * (300 * 1024 * 1024), 9)
    objs = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>",
            b"<</Length %d/Filter/FlateDecode>>stream\n" % len(payload) + payload + b"\nendstream"]
    out, offsets = b"%PDF-1.4\n", []
    for n, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer<</Size 5/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(out)
    return len(out)


def bench_pdf():
    print("\nPDF: 2 press releases made with fpdf2 (tests/formats/press_pdfs.py; 3 + 8 body paragraphs)")
    print(f"{'extractor':34} {'sentences whole':>16} {'split mid-sentence':>19} {'paragraphs':>11} {'ms/file':>8}")
    releases = all_releases()
    for name, fn in (("ours (pypdf + line positions)", pdf_ours), ("pypdf extract_text()", pdf_pypdf_plain),
                     ("pdfminer.six defaults", pdf_pdfminer),
                     ("pdfminer.six char_margin=30", lambda d: pdf_pdfminer(d, char_margin=30, line_margin=0.6))):
        try:
            whole = broken = paras = total = 0
            ms = []
            for r in releases:
                text, t = timed(lambda: fn(r.data))
                ms.append(t)
                ps = paragraphs_of(text)
                paras += len(ps)
                for s in r.body:
                    total += 1
                    if any(norm(s) in p for p in ps):
                        whole += 1
                    elif norm(s) in norm(text):
                        broken += 1
            print(f"{name:34} {whole:>8}/{total:<7} {broken:>12}        {paras:>6}     {sum(ms) / len(ms):8.1f}")
        except ImportError as exc:
            print(f"{name:34} not installed ({exc.name})")
    bomb = ROOT / "bench" / ".bomb.pdf"
    # made in a child of its own: Linux carries a parent's resident size into its
    # children's ru_maxrss across fork + exec, and making it takes 300 MB
    subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT / 'bench')!r}); "
                    f"from pathlib import Path; import formats_extractors as f; f.write_bomb(Path({str(bomb)!r}))"],
                   check=True, timeout=120)
    size = bomb.stat().st_size
    print(f"\nPDF bomb: {size // 1024} kB inflating to 300 MB; peak memory of a child reading it:")
    for name, code in (("ours (pypdf)", "from kemnaker_tui.corpus.formats.pdf import read_pdf\n"
                                        "try: read_pdf('b','b',open(P,'rb').read())\nexcept Exception as e: print(str(e)[:70])"),
                       ("pdfminer.six", "from pdfminer.high_level import extract_text\n"
                                        "try: print(len(extract_text(P)), 'chars')\nexcept Exception as e: print(str(e)[:70])")):
        prog = (f"import resource, time; P={str(bomb)!r}; t=time.perf_counter()\n{code}\n"
                f"print(f'{{(time.perf_counter()-t):.1f}} s, peak {{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss//1024}} MB')")
        try:
            run = subprocess.run([sys.executable, "-c", prog], capture_output=True, text=True, timeout=60)
            print(f"  {name:14} " + " | ".join((run.stdout or run.stderr).strip().splitlines()[-2:]))
        except subprocess.TimeoutExpired:
            print(f"  {name:14} still reading after 60 s (stopped)")
    bomb.unlink()


if __name__ == "__main__":
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}; python {sys.version.split()[0]}\n")
    bench_html()
    bench_pdf()
