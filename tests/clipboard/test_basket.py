"""The clip basket: add, reorder, remove, export; survives a restart; a corrupt file is moved aside."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kemnaker_tui import cite, userdata
from kemnaker_tui.basket import Basket

REPO = Path(__file__).resolve().parents[2]


def _fill(corpus) -> Basket:
    basket = Basket.load()
    for q in corpus.quotes:
        basket.add(cite.quote_citation(corpus, q))
    return basket


def test_add_reorder_remove(hand_corpus):
    basket = _fill(hand_corpus)
    assert [c.citation.quote_id for c in basket] == ["q1", "q2", "q3"]
    again = basket.add(cite.quote_citation(hand_corpus, "q2"))
    assert len(basket) == 3 and again.citation.quote_id == "q2"       # no duplicate
    q3 = basket.clips[2].id
    assert basket.move(q3, -1) == 1
    assert basket.move(q3, -5) == 0                                    # clamps at the top
    assert [c.citation.quote_id for c in basket] == ["q3", "q1", "q2"]
    assert basket.remove(basket.clips[1].id) is True
    assert basket.remove("nope") is False
    assert [c.citation.quote_id for c in basket] == ["q3", "q2"]


def test_basket_survives_restart(hand_corpus):
    basket = _fill(hand_corpus)
    basket.move(basket.clips[2].id, -2)
    basket.add(cite.passage_citation(hand_corpus, "004_seed.txt", 0, 20))
    expected = basket.export_markdown("id", title="Kliping")
    # A new process: only the file on disk carries the basket over.
    code = ("from kemnaker_tui.basket import Basket; b = Basket.load(); "
            "print(b.message); print(b.export_markdown('id', title='Kliping'), end='')")
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    message, _, markdown = proc.stdout.partition("\n")
    assert message == "None"
    assert markdown == expected
    assert [c.citation.quote_id for c in Basket.load()] == ["q3", "q1", "q2", None]


def test_saved_atomically_as_json(hand_corpus):
    basket = _fill(hand_corpus)
    path = userdata.basket_path()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1 and len(data["clips"]) == 3
    assert data["clips"][0]["citation"]["speaker"] == "Anwar Sanusi"
    assert [p.name for p in path.parent.iterdir()] == ["basket.json"]   # no temp file left behind
    basket.clear()
    assert json.loads(path.read_text())["clips"] == []


def test_corrupt_basket_is_moved_aside(hand_corpus):
    path = userdata.basket_path()
    path.parent.mkdir(parents=True)
    path.write_text('{"version": 1, "clips": [ {"id": "x"', encoding="utf-8")
    basket = Basket.load()
    assert len(basket) == 0
    assert basket.message and "could not be read" in basket.message
    aside = [p for p in path.parent.iterdir() if p.name.startswith("basket.json.corrupt-")]
    assert len(aside) == 1 and str(aside[0]) in basket.message
    assert aside[0].read_text(encoding="utf-8").startswith('{"version": 1')
    basket.add(cite.quote_citation(hand_corpus, "q1"))
    assert len(Basket.load()) == 1


def test_export_markdown_document(hand_corpus, tmp_path):
    basket = _fill(hand_corpus)
    md = basket.export_markdown("id", title="Kliping Kemnaker")
    assert md.startswith("# Kliping Kemnaker\n\n> Kami berharap")
    assert md.count("\n\n---\n\n") == 2
    assert "— **Anwar Sanusi**, Sekretaris Jenderal Kementerian Ketenagakerjaan." in md
    assert "24 Januari 2025 (tanggal acara; tahun diperkirakan)" in md
    sources = md.split("## Sumber\n\n")[1].strip().splitlines()
    assert len(sources) == 2                    # each article once
    assert sources[0].startswith("- [Lewat Forum Ini")
    out = basket.export_to_file(tmp_path / "kliping.md", "id", title="Kliping Kemnaker")
    assert out.read_text(encoding="utf-8") == md
    assert Basket(path=tmp_path / "none.json").export_markdown("en", title="Empty") == "# Empty\n"
