"""What the corpus stage and the search index made, kept on disk beside the store.

    corpus-KEY.pickle   the analysed Corpus (before ``finish_corpus``) of one
                        exact set of documents under one analysis key: a warm
                        start loads it instead of merging again
    corpus-KEY.texts    its articles' texts, UTF-8, one after another: the snapshot
                        keeps only where each stands (``model.StoredText``), and a
                        loaded corpus maps the file and reads a text when it is shown
                        (at 100,000 articles, 280 MB not held as objects)
    corpus-KEY.json     its counts (articles, failed), read without loading it
    corpus-KEY.merge    each article's fingerprint of its per-article merge inputs
                        (``extract.MergeReuse``): the next merge under the same
                        analysis key reuses this snapshot's quotes, meetings and
                        figures of the articles whose fingerprint is unchanged
    corpus-KEY.trace    the resolver's trace of each article (``resolve_trace``) and
                        each article's document id: the next merge replays the
                        resolver where a trace holds, and takes the article itself
                        from this snapshot instead of reading it from the store
    search-KEY/         tantivy's on-disk index of that corpus plus our side
                        tables (``SearchIndex.save``/``open``)

KEY is the snapshot key (analysis key + ordered document ids). Each is
written under a temporary name and renamed into place, so a reader sees a
whole one or none (``kill -9`` leaves only temporary names, removed later);
two processes making the same one both succeed. The newest few of each are
kept; older ones are removed.
"""
from __future__ import annotations

import json
import os
import pickle
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from kemnaker_tui.model import Corpus

KEEP = 3                 # snapshots (and indexes) kept: a few folders used in turn stay warm
SEARCH_FORMAT = 3        # bump when what SearchIndex.save writes changes


def corpus_path(folder: Path, key: str) -> Path:
    return folder / f"corpus-{key}.pickle"


def read_corpus(path: Path) -> Corpus | None:
    """The snapshot, or None when it is unreadable (it is then removed and remade)."""
    import gc
    was_on = gc.isenabled()
    gc.disable()        # ~500,000 new objects, no cycles among them: collections would only slow it (2×)
    try:
        with open(path, "rb") as handle:
            corpus = pickle.load(handle)
        if isinstance(corpus, Corpus) and _open_texts(path, corpus):
            _touch(path)
            return corpus
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a damaged snapshot is only a cache: made again
        pass
    finally:
        if was_on:
            gc.enable()
    _remove(path)
    _remove(path.with_suffix(".texts"))
    return None


def _open_texts(path: Path, corpus: Corpus) -> bool:
    """Give the articles' kept texts their file, mapped read-only; False when it is
    missing or shorter than the snapshot says (the snapshot is then made again)."""
    import mmap

    from kemnaker_tui.model import text_place
    places = [p for p in map(text_place, corpus.articles) if p is not None]
    if not places:
        return True          # texts inside the snapshot
    try:
        with open(path.with_suffix(".texts"), "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            # the map outlives the file's name: a snapshot removed meanwhile is still read
            source = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
    except (OSError, ValueError):
        return False
    if max(p.end for p in places) > size:
        return False
    for p in places:
        p.source = source
    return True


def write_corpus(folder: Path, key: str, corpus: Corpus) -> None:
    from kemnaker_tui.library.store import storage_error
    path = corpus_path(folder, key)
    failed = len(corpus.skipped)
    places: dict[int, object] = {}
    try:
        from kemnaker_tui.library.pickling import dump_snapshot
        _atomic(path.with_suffix(".texts"), lambda fh: _write_texts(fh, corpus, places))
        _atomic(path, lambda fh: dump_snapshot(corpus, fh, text_of=lambda a: places[id(a)]))
        _atomic(path.with_suffix(".json"), lambda fh: fh.write(json.dumps(
            {"articles": len(corpus.articles), "failed": failed}).encode()))
    except OSError as exc:
        raise storage_error(exc, folder) from None
    _cleanup(folder, "corpus-*.pickle")


def _write_texts(fh, corpus: Corpus, places: dict) -> None:
    """Every article's text, one after another; ``places``: id(article) -> its StoredText."""
    from kemnaker_tui.model import StoredText, compact_text, stored_text
    at = 0
    for a in corpus.articles:
        kept = stored_text(a)
        if kept.__class__ is str:
            kept = compact_text(kept)          # an article not compacted: its UTF-8 unless ASCII
        ascii = kept.__class__ is str
        data = kept.encode("ascii") if ascii else kept
        fh.write(data)
        places[id(a)] = StoredText(at, at + len(data), ascii)
        at += len(data)


def write_merge(folder: Path, key: str, akey: str, fingerprints: dict[str, bytes],
                traces=None, skipped: dict | None = None, tags: list[str] | None = None) -> None:
    """Beside the snapshot, what its merge saw, for the next merge: each article's
    fingerprint of its per-article inputs (``.merge``); the resolver's traces
    (``resolve_trace.TraceSet``), the documents the analysis skipped and the document
    id of each of the snapshot's articles, in order (``.trace``)."""
    path = corpus_path(folder, key)
    try:
        if traces is not None:
            saved = {"akey": akey, "skipped": skipped or {}, "tags": tags or [], "tables": traces.tables,
                     "traces": {tag: _trace_row(t, tag in traces.fresh) for tag, t in traces.traces.items()},
                     "entities": traces.entities}
            _atomic(path.with_suffix(".trace"),
                    lambda fh: pickle.dump(saved, fh, protocol=pickle.HIGHEST_PROTOCOL))
        _atomic(path.with_suffix(".merge"),
                lambda fh: pickle.dump({"akey": akey, "fingerprints": fingerprints}, fh,
                                       protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass            # only an accelerator: the next merge is then a full one


def _trace_row(t, fresh: bool) -> tuple:
    rows, reads = t.rows, t.reads
    if fresh:
        # strings interned: the same names and keys recur in every article's trace, and the
        # file (and the next merge's memory) then holds each once; a trace read back from
        # the file shares them already
        rows = tuple(sys.intern(v) if v.__class__ is str else v for v in rows)
        reads = frozenset(map(sys.intern, reads))
    return (t.key, t.defs, t.persons, reads, rows, t.first, t.votes, t.roles)


@dataclass
class PreviousMerge:
    """The most recently used snapshot of an analysis key, as the next merge reuses it."""
    results: dict[str, tuple[bytes, tuple, tuple, tuple]]   # article key -> (fingerprint, quotes, meetings, figures)
    articles: dict[str, object]                            # document id -> its Article
    traces: object | None = None                           # resolve_trace.TraceSet
    skipped: dict = field(default_factory=dict)            # document id -> SkippedFile


def previous_merge(folder: Path, akey: str) -> PreviousMerge:
    """The most recently used snapshot of this analysis key that has its merge
    side files: per article its fingerprint and quotes, meetings, figures (for
    ``MergeReuse.before``), its Article, the resolver's traces; empty when there
    is none or it is unreadable."""
    for side in sorted(folder.glob("corpus-*.merge"), key=lambda p: _last_used(p.with_suffix(".pickle")),
                       reverse=True):
        got = _read_merge(side)
        if got is None or got[0] != akey:
            continue
        prints = got[1]
        corpus = read_corpus(side.with_suffix(".pickle"))
        if corpus is None:
            continue
        per: dict[str, tuple[list, list, list]] = {}
        for attr, slot in (("quotes", 0), ("meetings", 1), ("figures", 2)):
            for item in getattr(corpus, attr):
                per.setdefault(item.article, ([], [], []))[slot].append(item)
        empty = ((), (), ())
        results = {k: (fp, *per.get(k, empty)) for k, fp in prints.items()}
        trace = _read_pickle(side.with_suffix(".trace"))
        if not isinstance(trace, dict) or trace.get("akey") != akey:
            return PreviousMerge(results, {})
        tags = trace.get("tags") or []
        articles = dict(zip(tags, corpus.articles)) if len(tags) == len(corpus.articles) else {}
        return PreviousMerge(results, articles, _traces(trace), dict(trace.get("skipped") or {}))
    return PreviousMerge({}, {})


def _traces(got: dict):
    from kemnaker_tui.analysis.resolve_trace import ArticleTrace, Tables, TraceSet
    tables, rows = got.get("tables"), got.get("traces")
    if not isinstance(tables, Tables) or not isinstance(rows, dict):
        return None
    try:
        return TraceSet(tables, {tag: ArticleTrace(*row) for tag, row in rows.items()},
                        dict(got.get("entities") or {}))
    except TypeError:           # written by other code
        return None


def failed_count(folder: Path, key: str) -> int:
    try:
        return int(json.loads(corpus_path(folder, key).with_suffix(".json").read_text())["failed"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0


def search_version() -> str:
    """Changes with the search code (its index layout lives there)."""
    import hashlib
    here = Path(__file__).resolve().parent.parent / "search"
    h = hashlib.sha256(str(SEARCH_FORMAT).encode())
    for p in sorted(here.rglob("*")):
        if p.is_file() and p.suffix in (".py", ".txt", ".toml"):
            h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()[:12]


def index_dir(folder: Path, key: str) -> Path:
    return folder / f"search-{key}-{search_version()}"


def index_ready(folder: Path, key: str) -> bool:
    return (index_dir(folder, key) / "done").exists()


def open_index(folder: Path, key: str, corpus: Corpus):
    """The kept search index of this corpus, or None (missing or unreadable)."""
    from kemnaker_tui.search import SearchIndex
    where = index_dir(folder, key)
    if not (where / "done").exists():
        return None
    try:
        index = SearchIndex.open(where, corpus)
    except Exception:  # noqa: BLE001 - a damaged index is only a cache: built again
        shutil.rmtree(where, ignore_errors=True)
        return None
    _touch(where / "done")
    return index


def merge_prints(folder: Path, key: str) -> dict[str, bytes]:
    """The per-article merge fingerprints kept beside snapshot ``key`` ({} when none)."""
    got = _read_merge(corpus_path(folder, key).with_suffix(".merge"))
    return got[1] if got is not None else {}


def _read_merge(side: Path) -> tuple[str, dict[str, bytes]] | None:
    """(analysis key, per-article fingerprints) of a ``.merge`` file; None when it is
    missing or damaged (only an accelerator)."""
    got = _read_pickle(side)
    if isinstance(got, dict) and isinstance(got.get("fingerprints"), dict):
        return got.get("akey"), got["fingerprints"]
    return None


def _read_pickle(path: Path):
    """What a side file holds; None when it is missing or damaged (only an accelerator)."""
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception:  # noqa: BLE001 - a damaged accelerator: ignored
        return None


def build_index(folder: Path, key: str, corpus: Corpus, progress=None, prints: dict[str, bytes] | None = None,
                reopen: bool = True):
    """The search index of ``corpus`` on disk (then it is opened, not rebuilt; with
    ``reopen=False``, for ``index``, only written: returns None). With
    ``prints`` (article key -> merge fingerprint; none when corrections change the
    corpus after the merge), a copy of the most recently used index is brought up
    to date document by document (``SearchIndex.update``) when few articles changed;
    else it is built afresh."""
    from kemnaker_tui.library.store import storage_error
    from kemnaker_tui.search import SearchIndex
    where = index_dir(folder, key)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".search-", dir=folder))
    except OSError as exc:
        raise storage_error(exc, folder) from None
    try:
        index = _updated_copy(folder, tmp, corpus, prints, progress) if prints else None
        if index is None:
            index = SearchIndex.build(corpus, path=tmp, progress=progress, freeze_gc=False, prints=prints)
        index.save(tmp)
        (tmp / "done").write_text("ok")
        del index               # tantivy's files are reopened from their final place
        try:
            os.rename(tmp, where)
        except OSError:          # another process put the same one there first: keep theirs
            shutil.rmtree(tmp, ignore_errors=True)
            if not (where / "done").exists():
                raise
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise storage_error(exc, folder) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _cleanup(folder, "search-*")
    if not reopen:
        return None
    got = open_index(folder, key, corpus)
    if got is None:
        raise OSError(f"the search index just written to {where} cannot be opened")
    return got


def _updated_copy(folder: Path, tmp: Path, corpus: Corpus, prints: dict[str, bytes], progress=None):
    """The most recently used index of this search version, copied into ``tmp`` (its
    immutable segment files hard-linked) and updated to ``corpus``; None (``tmp`` left
    empty) when there is none or an update is not worth it."""
    from kemnaker_tui.search import SearchIndex
    done = [p for p in folder.glob(f"search-*-{search_version()}") if (p / "done").exists()]
    for old in sorted(done, key=_last_used, reverse=True)[:1]:
        try:
            _copy_index(old, tmp)
            index = SearchIndex.open(tmp, corpus, check=False)
            if index.update(corpus, prints, progress=progress):
                return index
            del index
        except Exception:  # noqa: BLE001 - an index that cannot be updated is built afresh
            pass
        for child in list(tmp.iterdir()):
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            else:
                _remove(child)
    return None


def _copy_index(src: Path, dst: Path) -> None:
    """A copy an update may change without touching ``src``: tantivy's segment files
    (never changed once written) hard-linked where the file system allows, the rest
    (its meta files, our state) copied; no "done" mark, no lock files."""
    for path in src.rglob("*"):
        rel = path.relative_to(src)
        target = dst / rel
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        name = path.name
        if name == "done" or name.endswith(".lock"):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".json") or name.endswith(".pickle"):
            shutil.copyfile(path, target)
            continue
        try:
            os.link(path, target)
        except OSError:
            shutil.copyfile(path, target)


# -- helpers ------------------------------------------------------------------

def _atomic(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
        os.replace(tmp, path)
    except BaseException:
        _remove(Path(tmp))
        raise


def _touch(path: Path) -> None:
    try:
        os.utime(path)
    except OSError:
        pass


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _last_used(p: Path) -> float:
    """When a snapshot file or an index folder (its "done" mark) was last used; 0 if gone."""
    try:
        return (p / "done").stat().st_mtime if p.is_dir() else p.stat().st_mtime
    except OSError:
        return 0.0


def _cleanup(folder: Path, pattern: str) -> None:
    """Keep the KEEP most recently used; remove older ones and stale temporaries."""
    found = sorted(folder.glob(pattern), key=_last_used, reverse=True)
    for old in found[KEEP:]:
        if old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
        else:
            _remove(old)
            _remove(old.with_suffix(".json"))
            _remove(old.with_suffix(".merge"))
            _remove(old.with_suffix(".trace"))
            _remove(old.with_suffix(".texts"))
    now = time.time()
    for tmp in folder.glob(".*.tmp"):
        try:
            if now - tmp.stat().st_mtime > 3600:
                _remove(tmp)
        except OSError:
            pass
    for tmp in folder.glob(".search-*"):
        try:
            if now - tmp.stat().st_mtime > 3600:
                shutil.rmtree(tmp, ignore_errors=True)
        except OSError:
            pass
