"""Indonesian morphology for search: a query word also matches the other forms
of its stem (pelatihan ~ latih ~ dilatih ~ pelatih), ranked below exact forms.

PySastrawi gives the stem of the *query* word (cached; ~0.1 ms uncached). The
index's forms of that stem are found without stemming the whole vocabulary:
a substring scan of the joined vocabulary for the stem (C speed), then each
candidate must be the stem with Indonesian affixes around it (me-/di-/ber-/
ter-/pe-/per-/ke-/se- … -kan/-an/-i/-nya), allowing meN-/peN- sound changes
(pukul ~ memukul, tulis ~ penulis, kirim ~ pengiriman, sapu ~ menyapu).

Guard against harmful over-stemming (peserta -> serta, kementerian -> menteri):
``data/stem_guard.txt`` lists words never linked and stems never used.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

_GUARD_FILE = Path(__file__).with_name("data") / "stem_guard.txt"
_stemmer = None

_PREFIX = r"(?:di|ke|se|ter|te|ber|be|per|pe|me|mem|men|meng|menge|meny|pem|pen|peng|penge|peny|memper|diper|ber|keber|kese|ketidak|ketidakber|dipe|mempe)?"
_SUFFIX = r"(?:kan|an|i)?(?:nya|lah|kah|pun|ku|mu)?"
MIN_STEM = 3


@lru_cache(maxsize=1)
def guard_words() -> frozenset[str]:
    words = set()
    try:
        for line in _GUARD_FILE.read_text(encoding="utf-8").splitlines():
            word = line.split("#", 1)[0].strip().lower()
            if word:
                words.add(word)
    except OSError:
        pass
    return frozenset(words)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """PySastrawi's stem of one lower-case word (cached)."""
    global _stemmer
    if _stemmer is None:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
        _stemmer = StemmerFactory().create_stemmer()
    return _stemmer.stem(word)


def guarded_stem(word: str) -> str | None:
    """The stem to link ``word`` with, or None (no stem, or a harmful one)."""
    if len(word) < 4 or not word.isalpha():
        return None
    guard = guard_words()
    if word in guard:
        return None
    s = stem(word)
    if len(s) < MIN_STEM or s in guard:
        return None
    return s


def root_variants(root: str) -> list[str]:
    """The root and its meN-/peN- forms with the first consonant dropped."""
    out = [root]
    first = root[0]
    if first in "ptks" and len(root) > 3:
        out.append(root[1:])   # memukul: mem+ukul, menulis: men+ulis, mengirim: meng+irim, menyapu: meny+apu
    return out


@lru_cache(maxsize=4096)
def affix_regex(root: str) -> re.Pattern:
    alts = "|".join(re.escape(v) for v in root_variants(root))
    return re.compile(rf"{_PREFIX}(?:{alts}){_SUFFIX}")


class StemIndex:
    """Find the vocabulary's forms of a stem. Built from the index vocabulary."""

    def __init__(self, vocabulary: list[str]) -> None:
        words = [w for w in vocabulary if w.isalpha() and len(w) >= MIN_STEM]
        self._joined = "\n" + "\n".join(words) + "\n"
        starts, pos = [], 1
        for w in words:
            starts.append(pos)
            pos += len(w) + 1
        self._starts = starts
        self._words = words

    def forms(self, root: str, limit: int = 64) -> list[str]:
        """Words of the vocabulary made of ``root`` plus affixes (the root itself included)."""
        if len(root) < MIN_STEM:
            return []
        core = root[1:] if len(root) > 3 and root[0] in "ptks" else root
        pattern = affix_regex(root)
        guard = guard_words()
        joined, starts, words = self._joined, self._starts, self._words
        seen: set[int] = set()
        out: list[str] = []
        i = joined.find(core)
        while i != -1:
            n = bisect_right(starts, i) - 1
            if n >= 0 and n not in seen:
                seen.add(n)
                w = words[n]
                if w not in guard and pattern.fullmatch(w):
                    out.append(w)
                    if len(out) >= limit:
                        break
                # jump to the next word
                i = joined.find(core, starts[n] + len(w))
            else:
                i = joined.find(core, i + 1)
        return out
