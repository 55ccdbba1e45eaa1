"""Reading folders and files: formats, encodings, bad files reported and skipped."""
import codecs
import hashlib
import json
import os

import pytest

from kemnaker_tui.corpus.reader import bundled_corpus_path, read_paths

ARTICLE = "jpnn.com, JAKARTA - Kementerian Ketenagakerjaan (Kemnaker) menggelar rapat pada Senin (3/6/2024).\n"


def test_txt_md_and_nested_folders(write_corpus):
    root = write_corpus({"a.txt": ARTICLE, "sub/b.md": "# Judul\n\n" + ARTICLE, "notes.docx": b"PK\x03\x04"})
    result = read_paths([root])
    assert sorted(d.key for d in result.documents) == ["a.txt", "sub/b.md"]
    assert [s.reason for s in result.skipped] == ["not a supported format (.docx)"]


def test_encodings(write_corpus):
    text = "Menteri berkata “selamat datang” di Bekasi — café.\n"
    root = write_corpus({
        "bom.txt": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf16.txt": text.encode("utf-16"),
        "legacy.txt": text.replace("“", '"').replace("”", '"').replace("—", "-").encode("cp1252"),
    })
    result = read_paths([root])
    docs = {d.key: d for d in result.documents}
    assert docs["bom.txt"].text == text and docs["bom.txt"].encoding == "utf-8-sig"
    assert docs["utf16.txt"].text == text and docs["utf16.txt"].encoding == "utf-16"
    assert "café" in docs["legacy.txt"].text and docs["legacy.txt"].encoding == "cp1252"
    assert any("legacy.txt" in w and "cp1252" in w for w in result.warnings)


def test_binary_and_empty_files_are_skipped_with_reasons(write_corpus):
    root = write_corpus({"good.txt": ARTICLE, "bin.txt": bytes(range(256)) * 10, "empty.txt": ""})
    result = read_paths([root])
    assert [d.key for d in result.documents] == ["good.txt"]
    reasons = {os.path.basename(s.path): s.reason for s in result.skipped}
    assert reasons == {"bin.txt": "binary data (not a text file)", "empty.txt": "empty file"}


def test_jsonl_broken_line_reported_rest_loads(write_corpus):
    lines = [json.dumps({"text": ARTICLE, "title": "Satu", "url": "https://x.test/1", "published": "2024-06-03"}),
             "{not json",
             json.dumps({"title": "tanpa teks"}),
             json.dumps({"text": ARTICLE, "outlet": "Contoh"})]
    root = write_corpus({"feed.jsonl": "\n".join(lines) + "\n"})
    result = read_paths([root])
    assert [d.key for d in result.documents] == ["feed.jsonl#1", "feed.jsonl#4"]
    assert result.documents[0].title == "Satu" and result.documents[0].url == "https://x.test/1"
    assert sorted(s.reason.split(":")[0] for s in result.skipped) == ["line 2", "line 3"]


def test_unreadable_file_and_symlink_loop(write_corpus, monkeypatch):
    root = write_corpus({"good.txt": ARTICLE, "secret.txt": ARTICLE})
    os.symlink(root, root / "loop")
    real_open = open

    def fake_open(path, mode="r", *args, **kwargs):
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", fake_open)
    result = read_paths([root])
    assert [d.key for d in result.documents] == ["good.txt"]
    reasons = sorted(s.reason for s in result.skipped)
    assert reasons == ["cannot read (Permission denied)", "symlink loop (folder already read)"]


def test_missing_path_raises():
    with pytest.raises(FileNotFoundError):
        read_paths(["/no/such/folder/anywhere"])


def test_files_are_never_modified(write_corpus):
    from kemnaker_tui.analysis.pipeline import analyse_paths
    root = write_corpus({"a.txt": ARTICLE, "b.jsonl": json.dumps({"text": ARTICLE}) + "\n{bad\n"})

    def digest():
        return {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in root.rglob("*")}
    before = digest()
    analyse_paths([root])
    assert digest() == before


def test_bundled_corpus_is_the_seeds():
    names = sorted(p.name for p in bundled_corpus_path().iterdir())
    assert len(names) == 5 and all(n.endswith(".txt") for n in names)
