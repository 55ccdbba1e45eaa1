"""Write ``tests/robustness/samples/``: a small folder of the files users point
the explorer at without curating them — good articles in old encodings,
hostile text, and bad files that must be skipped with a reason.

Run ``python tests/robustness/make_samples.py`` to regenerate; the files are
committed (a few KB) so the tests and a human can open the same folder.
Bigger or stranger cases (50 MB, a 5 MB line, unreadable files, symlink loops,
FIFOs, 10,000 files, names with control characters) are made in ``tmp_path``
at test time by ``conftest.py``.

``EXPECTED`` says what the reader must do with each file: load it (``None``)
or skip it with a reason containing the given words.
"""
from __future__ import annotations

import codecs
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent / "samples"

ARTICLE = (
    "Kemnaker dan Jepang Perkuat Kerja Sama Pemagangan\n"
    "Jakarta, 3 Juni 2024 – Menteri Ketenagakerjaan Ida Fauziyah menerima kunjungan Duta Besar "
    "Jepang untuk Indonesia Kanasugi Kenji di kantor Kemnaker, Jakarta, pada Senin (3/6/2024). "
    "Sejak 1993, lebih dari 24.000 peserta magang Indonesia telah dikirim ke Jepang.\n"
    "“Kami ingin program magang ini memberi manfaat bagi kedua negara,” ujar Ida Fauziyah. "
    "Kerja sama ini menargetkan 5.000 pemagang baru pada 2025.\n"
)

# Everything a hostile page could carry to a terminal: OSC 52 (overwrite the
# clipboard), OSC 0/2 (set the window title), OSC 8 (a hyperlink), DCS, CSI
# (colours, clear screen, cursor moves), 8-bit C1 controls, BEL, backspace,
# carriage return, DEL, NUL, and markup-like brackets.
OSC52 = "\x1b]52;c;cm0gLXJmIH4vKgo=\x07"
OSC_TITLE = "\x1b]0;PWNED-TITLE\x07\x1b]2;PWNED-TITLE2\x1b\\"
OSC8 = "\x1b]8;;https://evil.example/\x1b\\klik\x1b]8;;\x1b\\"
DCS = "\x1bP+q544e\x1b\\\x1bP$qm\x1b\\"
CSI = "\x1b[2J\x1b[H\x1b[31;1mMERAH\x1b[0m\x1b[6n\x1b[?1049l"
C1 = "\x9b31m\x9d0;C1-TITLE\x9c\x90q\x9c\x85"
OTHER = "bel\x07 bs\x08\x08 cr\r tengah del\x7f nul\x00 vt\x0b ff\x0c so\x0e si\x0f"
MARKUP = "[bold]tebal[/bold] [red]merah[/] [link=https://evil.example]tautan[/link] [/] [@click=app.quit]keluar[/] [b"
PAYLOADS = (OSC52, OSC_TITLE, OSC8, DCS, CSI, C1, OTHER, MARKUP)

HOSTILE_TITLE = f"Judul {OSC52}{OSC_TITLE} [bold]Kemnaker[/bold] \x9b2J"
HOSTILE = (
    f"{HOSTILE_TITLE}\n"
    f"Jakarta, 3 Juni 2024 – Menteri Ketenagakerjaan Ida Fauziyah {OSC52}bertemu Duta Besar Jepang "
    f"Kanasugi Kenji {OSC_TITLE} di Jakarta pada Senin (3/6/2024). {CSI} {DCS}\n"
    f"“Kami {MARKUP} ingin {C1} program magang {OSC8} ini,” ujar Ida Fauziyah. {OTHER}\n"
    f"Kerja sama ini menargetkan 5.000 pemagang {OSC52} baru pada 2025. [Kemnaker] [JCCI]\n"
)

LEGACY = ("Jakarta – Menteri Ketenagakerjaan bertemu delegasi Jepang di Bekasi pada Senin (3/6/2024). "
          "Kafé dan résumé: «pelatihan» © 2024.\n")


def _files() -> dict[str, bytes]:
    good_lines = [json.dumps({"text": ARTICLE, "title": "Baris satu", "outlet": "contoh.id",
                              "published": "2024-06-03", "url": "https://contoh.id/1"}, ensure_ascii=False),
                  "{\"text\": \"potongan yang terpotong",           # truncated mid-line
                  json.dumps({"text": HOSTILE, "title": HOSTILE_TITLE, "outlet": f"jahat{OSC52}.id",
                              "url": f"https://x.test/{OSC_TITLE}"}),
                  "[1, 2, 3]",                                        # JSON but not an object
                  json.dumps({"text": "   "}),                        # no usable text
                  json.dumps({"text": ARTICLE.replace("Ida Fauziyah", "Yassierli")})]
    return {
        # -- good: must load -------------------------------------------------
        "good_utf8.txt": ARTICLE.encode("utf-8"),
        "good_bom.md": codecs.BOM_UTF8 + ("# " + ARTICLE).encode("utf-8"),
        "latin1.txt": LEGACY.replace("–", "-").encode("latin-1"),
        "cp1252.txt": ("“Pelatihan” – " + LEGACY + " € 5.000\n").encode("cp1252"),
        "utf16le.txt": codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
        "utf16be.txt": codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
        "mixed_endings.txt": ARTICLE.replace("\n", "\r\n", 1).replace(". ", ".\r", 2).encode("utf-8") + b"akhir\n\r\n",
        "nul_inside.txt": ARTICLE.replace("Jakarta, ", "Jakarta,\x00 ").encode("utf-8"),
        "hostile.txt": HOSTILE.encode("utf-8"),
        "markup.md": f"# [bold]Judul[/bold]\n\n{ARTICLE}\n{MARKUP}\n".encode("utf-8"),
        "feed.jsonl": ("\n".join(good_lines) + "\n").encode("utf-8"),
        # -- bad: must be skipped, once each, with a reason -------------------
        "binary.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        "zeros.txt": b"\x00" * 4096,
        "empty.txt": b"",
        "blank.md": b"  \n\t\r\n  \n",
        "broken_utf16.txt": codecs.BOM_UTF16_LE + "Kemnaker".encode("utf-16-le") + b"\x00\xd8",
        "all_broken.jsonl": b"{oops\n[not, json\n\"just a string\"\n",
        "photo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "report.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
        "archive.zip": b"PK\x03\x04" + b"\x00" * 26,
        "README": b"no extension here\n",
    }


# file name -> None (loads) or words the skip reason must contain.
EXPECTED: dict[str, str | None] = {
    "good_utf8.txt": None, "good_bom.md": None, "latin1.txt": None, "cp1252.txt": None,
    "utf16le.txt": None, "utf16be.txt": None, "mixed_endings.txt": None, "nul_inside.txt": None,
    "hostile.txt": None, "markup.md": None, "feed.jsonl": None,
    "binary.txt": "binary", "zeros.txt": "binary", "empty.txt": "empty", "blank.md": "empty",
    "broken_utf16.txt": "UTF-16", "all_broken.jsonl": "no article in it: line 1", "photo.png": "not a supported format",
    "report.pdf": "broken PDF", "archive.zip": "not a supported format",
    "README": "not a supported format",
}
# feed.jsonl loads 3 articles and reports each of its 3 bad lines (one entry per line);
# every other file is reported at most once.
JSONL_BAD_LINES = {"feed.jsonl": 3}
JSONL_ARTICLES = {"feed.jsonl": 3}


def write(folder: Path = HERE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in _files().items():
        (folder / name).write_bytes(data)
    return folder


if __name__ == "__main__":
    print(write())
