"""`kemnaker-tui index`: new, changed and removed articles; the JSON it prints;
every command's --no-store and --jobs."""
from __future__ import annotations

import json
import os

import pytest

from tests.library.helpers import synthetic, synthetic_master  # noqa: F401 - fixtures
from kemnaker_tui import library
from kemnaker_tui.cli import main

KEYS = {"articles", "analysed", "reused", "removed", "skipped", "seconds"}


def index_json(capsys, *paths: str) -> dict:
    code = main(["index", *map(str, paths), "--json"])
    out = capsys.readouterr().out
    got = json.loads(out)
    assert set(got) == KEYS
    got["code"] = code
    return got


def test_index_reports_what_it_did(capsys, synthetic):
    first = index_json(capsys, synthetic)
    assert first["articles"] == 120 and first["analysed"] == 120 and first["reused"] == 0 and first["code"] == 0
    again = index_json(capsys, synthetic)
    assert again["analysed"] == 0 and again["reused"] == 120 and again["removed"] == 0

    files = sorted(p for p in synthetic.rglob("*.txt"))
    changed = files[3]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nSebuah kalimat tambahan tentang pelatihan kerja.\n",
                       encoding="utf-8")
    one = index_json(capsys, synthetic)
    assert one["analysed"] == 1 and one["reused"] == 119 and one["articles"] == 120
    assert one["removed"] == 0          # changed, not removed

    files[5].unlink()
    gone = index_json(capsys, synthetic)
    assert gone["removed"] == 1 and gone["analysed"] == 0 and gone["articles"] == 119

    (synthetic / "baru.txt").write_text("Kemnaker membuka pendaftaran magang ke Jepang bagi lulusan SMK.\n",
                                        encoding="utf-8")
    added = index_json(capsys, synthetic)
    assert added["analysed"] == 1 and added["articles"] == 120
    # the corpus the commands see is the fresh analysis of the folder as it is now
    stored = library.load_corpus([str(synthetic)]).corpus
    assert stored == library.load_corpus([str(synthetic)], use_store=False).corpus
    assert "baru.txt" in {a.key for a in stored.articles}


def test_touched_but_unchanged_file_is_not_analysed_again(capsys, synthetic):
    index_json(capsys, synthetic)
    some = next(synthetic.rglob("*.txt"))
    os.utime(some, ns=(1, 1))           # a new mtime, the same content: read again, analysis reused
    got = index_json(capsys, synthetic)
    assert got["analysed"] == 0 and got["reused"] == 120


def test_index_exit_codes_and_messages(capsys, tmp_path, write_corpus):
    assert main(["index", str(tmp_path / "nowhere"), "--json"]) == 1
    assert "no such file or folder" in capsys.readouterr().err
    empty = write_corpus({"gambar.png": b"\x89PNG\r\n\x1a\n"}, folder="only-png")
    assert main(["index", str(empty)]) == 4
    assert "nothing readable" in capsys.readouterr().err
    mixed = write_corpus({"a.txt": "Kemnaker menggelar rapat koordinasi di Jakarta.\n",
                          "gambar.png": b"\x89PNG\r\n\x1a\n"}, folder="mixed")
    assert main(["index", str(mixed), "--json"]) == 3
    assert json.loads(capsys.readouterr().out)["skipped"] == 1


@pytest.mark.parametrize("command", ["entities", "timeline", "quotes", "figures", "export", "search"])
def test_every_command_takes_no_store_and_jobs(capsys, command, synthetic):
    extra = ["magang"] if command == "search" else []
    json_flag = [] if command == "export" else ["--json"]
    assert main([command, *extra, str(synthetic), "--no-store", *json_flag]) == 0
    fresh = capsys.readouterr().out
    assert not library.cache_folder().exists()          # --no-store wrote nothing
    assert main([command, *extra, str(synthetic), "--jobs", "2", *json_flag]) == 0
    stored = capsys.readouterr().out
    assert library.cache_folder().exists()
    assert main([command, *extra, str(synthetic), *json_flag]) == 0     # warm
    warm = capsys.readouterr().out
    assert fresh == stored == warm


def test_jobs_must_be_a_positive_number(capsys, synthetic):
    with pytest.raises(SystemExit) as exc:
        main(["entities", str(synthetic), "--jobs", "0"])
    assert exc.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def test_store_clear_and_paths(capsys, synthetic):
    index_json(capsys, synthetic)
    assert library.cache_folder().exists()
    assert main(["paths", "--json"]) == 0
    paths = json.loads(capsys.readouterr().out)
    assert paths["store"]["path"] == str(library.cache_folder()) and paths["store"]["exists"]
    assert paths["cache"]["path"].startswith(os.environ["KEMNAKER_TUI_HOME"])
    assert main(["store", "clear"]) == 0
    assert "removed the store" in capsys.readouterr().out
    assert not library.cache_folder().exists()
    again = index_json(capsys, synthetic)
    assert again["analysed"] == 120


def test_a_fetched_pages_sidecar_counts_as_part_of_the_page(capsys, write_corpus):
    page = ("<html><head><title>Magang ke Jepang</title></head><body><article><h1>Magang ke Jepang</h1>"
            "<p>Kementerian Ketenagakerjaan memberangkatkan 120 peserta magang ke Jepang pada Senin "
            "(3/6/2024). Para peserta telah mengikuti pelatihan bahasa selama empat bulan di Bekasi.</p>"
            "</article></body></html>")
    folder = write_corpus({"halaman.html": page,
                           "halaman.json": '{"url": "https://contoh.id/a", "fetched_at": "2024-06-03T10:00:00Z"}'})
    first = index_json(capsys, folder)
    assert first["articles"] == 1
    before = library.load_corpus([str(folder)]).corpus.articles[0].url
    (folder / "halaman.json").write_text('{"url": "https://contoh.id/b", "fetched_at": "2024-06-03T10:00:00Z"}',
                                         encoding="utf-8")
    again = index_json(capsys, folder)
    assert again["analysed"] == 1          # the page's own bytes did not change; its sidecar did
    after = library.load_corpus([str(folder)]).corpus
    assert after == library.load_corpus([str(folder)], use_store=False).corpus
    assert after.articles[0].url != before
