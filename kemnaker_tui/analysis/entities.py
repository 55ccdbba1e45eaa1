"""Find entity mentions in one article: people (with roles), organisations,
programs and places. Rules follow general patterns of Indonesian and English
news; the words they rely on come from ``lexicon`` (data files).

This module only finds *surface* mentions with hints; ``resolve`` merges them
across the corpus into entities.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kemnaker_tui.analysis.lexicon import Lexicon, fold, indonesian_words, is_common_word
from kemnaker_tui.model import Article, Span

_PAREN = re.compile(r"\(([^()]{1,80})\)")
_LAST_WORD = re.compile(r"([^\W_][\w/\-]*)\s*$")
_WORD = re.compile(r"[^\W_][\w'’\-]*")
_TOKEN = re.compile(r"[^\W_](?:[\w'’]*[^\W_])?|[(),;:]")
# A word of romanised Japanese: syllables of (consonant) vowel, and a closing n.
_JAPANESE = re.compile(r"(?:(?:sh|ch|ts|[kgszjtdnhbpmrfwy])?y?[aiueo]|n(?![aiueoy]))+", re.IGNORECASE)
# Syllables and endings that mark a romanised Japanese name ("Keiko", "Yamada", "Kurosawa"),
# so that English words of the same shape ("Home Care") are not taken for one.
_JAPANESE_MARK = re.compile(r"shi|tsu|chi|ky|ry|ny|hy|gy|ji|fu|zu|ei|ou|uu|(?:ko|ro|ki|to|ta|da|ya|moto|mura|kawa|"
                            r"gawa|hara|yama|saki|zaki|shima|jima|no|be|ri|mi|ka|na)$", re.IGNORECASE)
_TAIL_JOINS = (" ", " of ", " and ", " dan ", " for ", " & ")
_WEEKDAYS_MONTHS = frozenset(
    "Senin Selasa Rabu Kamis Jumat Sabtu Minggu Januari Februari Maret April Mei Juni Juli Agustus "
    "September Oktober November Desember Monday Tuesday Wednesday Thursday Friday Saturday Sunday January "
    "February March May June July August October December".split())


# An English role phrase printed after a name: ", the ministry's director of overseas placement,"
# (up to the next comma, full stop or speech verb).
_ROLE_AFTER = re.compile(r",\s+(?:\d{1,2}\s*,\s*)?(?P<role>(?:the|a|an)\s(?:[^,.;:()\"“”\n]|(?<=\bPT)\.|(?<=\bCV)\.|"
                         r"(?<=\bCo)\.){2,90}?|[a-z](?:[^,.;:()\"“”\n]|(?<=\bPT)\.|(?<=\bCV)\.|(?<=\bCo)\.){1,90}?)"
                         r"(?=\s*[,;:]|\s*\.(?<!PT\.)(?<!CV\.)(?<!Co\.)|\s+(?:said|says|told|added|noted|explained|stressed)\b)")
# ... and before it: "The head of the X office, Kenta Fujimoto" / "instructor Lestari Handayani".
_ROLE_BEFORE = re.compile(r"(?:^|(?<=[.;:!?]\s)|(?<=,\s))(?P<role>(?:[Tt]he|[Aa]n?|[A-Z][\w]*['’]s)\s[^,.;:\"“”\n]{2,90}),\s*$"
                          r"|(?:^|\s)(?P<word>[a-z][a-z\-]{2,20})\s+$")


def english_role(lex: Lexicon, text: str, start: int, end: int, lo: int, hi: int) -> str | None:
    """The English role printed beside a person's name at text[start:end] (within lo..hi),
    if its words hold a role noun ("official", "mayor", "instructor")."""
    m = _ROLE_AFTER.match(text, end, hi)
    if m:
        role = m.group("role")
        words = role.lower().split()
        if len(words) <= 12 and words[0] != "who" and lex.role_nouns & set(words):
            return _clean(re.sub(r"^(?:the|a|an)\s+", "", role))
    m = _ROLE_BEFORE.search(text[max(lo, start - 100):start])
    if m:
        role = m.group("role") or m.group("word")
        words = re.findall(r"[\w\-]+", role.lower())
        if lex.role_nouns & set(words) and (m.group("role") or words[0] in lex.role_nouns):
            return _clean(re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", role))
    return None


_AGE_AFTER = re.compile(r",\s*\d{1,2}\s*,\s+(?:the|a|an)\s")


@dataclass
class RawMention:
    start: int
    end: int
    type: str                  # person | organisation | program | place
    surface: str
    source: str                # title-name, appositive, speaker, gazetteer, definition, pattern, phrase, …
    known_key: str | None = None
    name: str | None = None    # the entity's name as this mention gives it (long form, "Pemerintah Jepang")
    acronym: str | None = None
    role: str | None = None
    title_group: str | None = None
    alias: str | None = None   # an extra alias form ("Sekjen Anwar")
    priority: int = 2
    weak: bool = False         # kept only if it joins a fuller name elsewhere ("Menaker Ida")


@dataclass
class RoleReference:
    """A title with an organisation but no name ("President JICA"), resolved later."""
    start: int
    end: int
    surface: str
    title_group: str
    org_text: str


@dataclass
class ArticleMentions:
    article: str
    mentions: list[RawMention] = field(default_factory=list)
    role_refs: list[RoleReference] = field(default_factory=list)
    regions: list[Span] = field(default_factory=list)   # where entities may be found
    # (start, end, token) of the capitalised tokens of the regions that no certain mention
    # covers (weak ones may still be dropped): what the corpus stage's second pass looks at,
    # found here, per document, in the worker processes. None: not found yet.
    open_capitals: list[tuple[int, int, str]] | None = None


class _Tok:
    """One token of a region (hundreds per article: a plain slotted class, quick to make)."""
    __slots__ = ("text", "start", "end", "initial")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.initial = False       # "M." of "M. Hanif": a letter and a point, part of a name


_ABBREV_END = re.compile(r"(?:^|\s)(?:PT|CV|Tbk|Co|Inc|Ltd|Corp|Prof|Dr|Ir|Drs|Hj?|Mr|Mrs|Ms|St|No|Jl|[A-Z])\.$")


def extraction_regions(article: Article) -> list[Span]:
    """Body sentences plus the title: boilerplate never yields entities. A sentence cut
    after an abbreviation ("PT. Sinar Maju", "Prof. Dr. Budi") is joined to the next."""
    regions: list[Span] = []
    text = article.text
    for sent in article.sentences:
        if regions:
            last = regions[-1]
            if 0 <= sent.start - last.end <= 2 and _ABBREV_END.search(text, max(last.start, last.end - 6), last.end) \
                    and "\n" not in text[last.end:sent.start]:
                regions[-1] = Span(last.start, sent.end)
                continue
        regions.append(sent)
    if article.title_span:
        regions.insert(0, article.title_span)
    return regions


# The tokens of _TOKEN that may start with a capital, and only those: a token
# starts a run of word characters (after any of _ ' ’ that open the run) and ends at the
# run's last letter or digit. The second pass looks at capitalised tokens only, and most
# tokens of a text are not: this skips them in the regex engine instead of in Python
# (it was most of the corpus stage's time). A superset (any letter but a-z); the caller
# still checks isupper().
_CAPITAL_TOKEN = re.compile(r"(?<![\w'’])[_'’]*([^\W\d_a-z](?:[\w'’]*[^\W_])?)")


def capital_tokens(text: str, start: int, end: int):
    """(start, end, token) of each token of ``text[start:end]`` that begins with a capital,
    as _TOKEN would cut them in that span alone."""
    part = text[start:end]          # a span of its own: no token reaches across its edges
    for m in _CAPITAL_TOKEN.finditer(part):
        tok = m.group(1)
        if tok[0].isupper():
            s = start + m.start(1)
            yield s, s + len(tok), tok


def open_capitals(text: str, regions: list[Span], mentions) -> list[tuple[int, int, str]]:
    """The capitalised tokens of ``regions`` that none of ``mentions`` covers."""
    covered = bytearray(len(text) + 1)
    for m in mentions:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    return [(s, e, tok) for region in regions for s, e, tok in capital_tokens(text, region.start, region.end)
            if not any(covered[s:e])]


class EntityFinder:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        title_words = {w for form in lex.title_forms for w in re.findall(r"[^\W\d_]+", form)}
        head_words = {w for h in lex.org_heads + lex.org_tails + lex.program_heads + lex.program_tails
                      for w in h.split()}
        self._not_name = frozenset(lex.not_names | title_words | head_words | _WEEKDAYS_MONTHS | lex.headline_verbs)
        english_verbs = {v for v in lex.attribution_english if " " not in v}
        self._english_verbs = frozenset(english_verbs)
        self._title_words = frozenset(w for w in title_words if w[:1].isupper())
        self._verbs_after = frozenset(set(lex.attribution_prefixed) | english_verbs | {"pun", "juga"})
        stems = [re.escape(s) for s in lex.attribution_stems if " " not in s]
        stems += [re.escape(v) for v in sorted(english_verbs)]
        self._speaker_after = re.compile(rf"(?:^|[,\"”’]\s*)(?:{'|'.join(stems)})\s+$")
        self._verb_words = frozenset(s.lower() for s in lex.attribution_stems if " " not in s) | english_verbs
        # "…,” kata salah satu peserta, Galang." — a lower-case descriptor, then the name
        self._speaker_after_desc = re.compile(rf"[,\"”’]\s*(?:{'|'.join(stems)})\s+[a-z][\w\s\-]{{0,50}},\s+$")
        roles = sorted((re.escape(r) for r in lex.english_roles), key=len, reverse=True)
        # "Dedi Pranoto, an official at …" / "Rina Sari, 24, who …"
        # (also "Takeshi Mori, the mayor of …", "Rahmat Hidayat, the ministry's director of …")
        self._appositive_en = re.compile(
            rf",\s+(?:\d{{1,2}}\s*,\s*)?(?:(?:{'|'.join(roles)})\b|(?:the|a|an)\s+(?:[\w'’\-]+\s+){{0,3}}?"
            rf"(?:{'|'.join(sorted(lex.role_nouns))})\b)")
        self._in_headline = False
        self._title_starts: frozenset[int] = frozenset()
        self._hon_starts: frozenset[int] = frozenset()
        self._org_heads = sorted(lex.org_heads, key=len, reverse=True)
        self._org_head_words = frozenset(h.split()[0] for h in lex.org_heads)
        self._gov = re.compile(r"\b(?:[Pp]emerintah|[Gg]overnment of)\s+")
        self._gov_any = re.compile(r"[Pp]emerintah|[Gg]overnment|Pem(?:prov|kab|kot)\b")
        local = "|".join(sorted((re.escape(p) for p in lex.place_prefixes if p[:1].isupper()), key=len, reverse=True))
        self._gov_local = re.compile(rf"(?:{local}|Daerah)\s+[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){{0,2}}")
        if lex.government_short:
            shorts = "|".join(re.escape(k) for k in lex.government_short)
            self._gov_short = re.compile(
                rf"\b(?P<short>{shorts})\s+(?P<place>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){{0,2}})")
        else:
            self._gov_short = re.compile(r"(?!x)x")
        if lex.demonyms:
            adj = "|".join(sorted((re.escape(k) for k in lex.demonyms), key=len, reverse=True))
            self._gov_english = re.compile(
                rf"\b(?P<a>{adj})(?:\s+and\s+(?P<b>{adj}))?\s+[Gg]overnments?\b")
        else:
            self._gov_english = re.compile(r"(?!x)x")
        buildings = "|".join(sorted((re.escape(p) for p in lex.building_prefixes), key=len, reverse=True)) or "Aula"
        self._building = re.compile(
            rf"\b(?P<head>{buildings}|Kantor)\s+[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){{0,4}}")
        prefixes = "|".join(sorted((re.escape(p) for p in lex.place_prefixes), key=len, reverse=True))
        self._place_prefix = re.compile(rf"\b(?:{prefixes})\s+(?=[A-Z])")
        # Japanese family names that are also place names ("Yamaguchi", "Ishikawa", "Nagano"):
        # such a word is a name word only beside another Japanese-shaped name word.
        self.jp_place_words = frozenset(
            k.name for k in lex.known if k.type == "place" and k.kind == "prefecture" and " " not in k.name
            and 4 <= len(k.name) <= 10 and _JAPANESE.fullmatch(k.name))
        # Every name word starts with a capital (true of the data files): the name scan of
        # _people may then pass over lower-case words without asking _name_at (most words).
        self._names_capitalised = all(w[:1].isupper() for w in lex.given_names) and \
            all(w[:1].isupper() for w in self.jp_place_words)

    # ---- token helpers -------------------------------------------------
    def name_token(self, tok: str) -> bool:
        """Could this word be part of a person's name?"""
        return (tok[:1].isupper() and not tok.isupper()
                and tok not in self._not_name and tok not in self.lex.known_tokens)

    def _name_at(self, toks: list[_Tok], k: int) -> bool:
        """name_token, and a place word that is the family name of a Japanese name
        printed next to it ("Kenji Yamaguchi", "Ishikawa Ryota"), but not "Nagano Prefecture"."""
        tok = toks[k].text
        if self.name_token(tok):
            return True
        if tok not in self.jp_place_words:
            return False
        def spaced(a: int, b: int) -> bool:           # toks[a] and toks[b] (a < b) one space apart
            return 0 <= a and b < len(toks) and toks[b].start - toks[a].end == 1

        def japanese(j: int) -> bool:
            w = toks[j].text
            return w not in self.jp_place_words and (self.name_token(w) or w in self.lex.given_names) \
                and bool(_JAPANESE.fullmatch(w)) and 3 <= len(w) <= 10 and w.lower() not in indonesian_words()

        def alone(j: int) -> bool:                    # no capitalised word glued on at j
            return not (0 <= j < len(toks) and toks[j].text[:1].isupper() and toks[j].text not in self._title_words
                        and (spaced(j, j + 1) if j < k else spaced(j - 1, j)))
        # Exactly two words: "Kenji Yamaguchi" or "Ishikawa Ryota", never "Prefektur Aichi Hideaki Omura".
        if spaced(k - 1, k) and japanese(k - 1) and alone(k - 2) and alone(k + 1):
            return True
        return spaced(k, k + 1) and japanese(k + 1) and alone(k - 1) and alone(k + 2)

    def _tokens(self, text: str, span: Span) -> list[_Tok]:
        toks = []
        add = toks.append
        for m in _TOKEN.finditer(text, span.start, span.end):
            t = _Tok(m.group(0), *m.span())
            if len(t.text) == 1 and t.text.isupper() and text.startswith(".", t.end):
                t.initial = True
            add(t)
        return toks

    # ---- the article ---------------------------------------------------
    def find(self, article: Article) -> ArticleMentions:
        text = article.text
        out = ArticleMentions(article.key, regions=extraction_regions(article))
        candidates: list[RawMention] = []
        for region in out.regions:
            self._in_headline = region == article.title_span
            toks = self._tokens(text, region)
            candidates += self._people(text, toks, out)
            candidates += self._definitions(text, region)
            gazetteer = self._gazetteer(text, region)
            candidates += gazetteer
            gaz_starts = {m.start for m in gazetteer if m.source == "gazetteer"}
            candidates += self._patterns(text, toks, region, gaz_starts)
        candidates += self._dateline(article)
        out.mentions = _select(candidates)
        out.mentions += self._fuller_names(text, out)
        for m in out.mentions:
            if m.type == "person" and m.role is None and m.source != "title-name":
                region = next((r for r in out.regions if r.start <= m.start < r.end), None)
                if region is not None:
                    m.role = english_role(self.lex, text, m.start, m.end, region.start, region.end)
        out.mentions += self._parents(text, out.mentions)
        out.mentions.sort(key=lambda m: m.start)
        out.open_capitals = open_capitals(text, out.regions, [m for m in out.mentions if not m.weak])
        return out

    def _fuller_names(self, text: str, out: ArticleMentions) -> list[RawMention]:
        """A one-word person ("Bagas, 29, a former intern") printed elsewhere in the article
        with a second name word and nothing else to mark it ("taught Bagas Pramudya")."""
        in_full = {w for m in out.mentions if m.type == "person" and " " in m.surface for w in m.surface.split()}
        singles = {m.surface for m in out.mentions if m.type == "person" and " " not in m.surface
                   and m.surface[:1].isupper() and m.surface not in in_full}
        if not singles:
            return []
        taken = [(m.start, m.end) for m in out.mentions]
        found = []
        for word in singles:
            # The given name first ("Bagas Pramudya"): a word before it may be a title or a place.
            pattern = re.compile(rf"(?<![\w'’])(?P<a>){re.escape(word)}\s+(?P<b>[A-Z][\w\-]+)(?![\w'’])")
            for region in out.regions:
                for m in pattern.finditer(text, region.start, region.end):
                    other = m.group("a") or m.group("b")
                    if not self.name_token(other) or other in singles or is_common_word(other) \
                            or any(s < m.end() and m.start() < e for s, e in taken):
                        continue
                    taken.append((m.start(), m.end()))
                    found.append(RawMention(m.start(), m.end(), "person", m.group(0), "fuller", priority=1))
        return found

    def _parents(self, text: str, mentions: list[RawMention]) -> list[RawMention]:
        """"Biro Humas Kemnaker" is a unit, and it also names its ministry: one more
        (nested) mention for the ministry."""
        out = []
        for m in mentions:
            if m.type == "organisation" and m.source == "pattern" and m.name and m.name != m.surface:
                last = m.surface[len(m.name):].strip(" ,")
                key = self.lex.name_keys.get(fold(last))
                if key and key.startswith("known:organisation"):
                    s = m.end - len(last)
                    out.append(RawMention(s, m.end, "organisation", text[s:m.end], "gazetteer", known_key=key))
        return out

    # ---- people --------------------------------------------------------
    def _people(self, text: str, toks: list[_Tok], out: ArticleMentions) -> list[RawMention]:
        found: list[RawMention] = []
        self._title_starts = self._hon_starts = frozenset()
        if not toks:
            return found
        region = Span(toks[0].start, toks[-1].end)
        titles = self.lex.titles.find(text, region.start, region.end)
        index_at = {t.start: i for i, t in enumerate(toks)}
        title_starts = frozenset(s for s, _e, _g in titles)
        self._title_starts = title_starts
        self._hon_starts = frozenset(s for s, e, _g in titles if text[s:e] in self.lex.honorifics)
        for t_start, t_end, group in titles:
            if not text[t_start:t_start + 1].isupper() or text[max(0, t_start - 4):t_start].rstrip().endswith("("):
                continue
            i = next((k for k, t in enumerate(toks) if t.start >= t_end), len(toks))
            honorific = text[t_start:t_end] in self.lex.honorifics
            person = self._name_after_title(text, toks, i, t_start, t_end, group, honorific, out, title_starts)
            if person:
                found.append(person)
                continue
            # Appositive: "Ben Kobayashi, Chairman of …"
            j = index_at.get(t_start)
            if j is not None and j >= 2 and toks[j - 1].text == ",":
                name = self._name_run_before(toks, j - 1)
                if name:
                    a, b = name
                    role_end = self._role_end(toks, i)
                    role = _clean(text[t_start:role_end]) if not honorific else None
                    found.append(RawMention(toks[a].start, toks[b].end, "person", text[toks[a].start:toks[b].end],
                                            "appositive", role=role, title_group=group, priority=0))
        given = self.lex.given_names
        # "Said Nurhayati Siregar, who heads …: “…”": a sentence opened by a speech verb.
        opener = 0 if toks[0].text.lower() in self._english_verbs and len(toks) > 1 else -1
        lower_skips = self._names_capitalised
        for k, tok in enumerate(toks):
            if lower_skips and not tok.text[:1].isupper():
                continue                          # neither a name word nor a given name
            if k == opener or not (self._name_at(toks, k) or tok.text in given) or (
                    k > 0 and k - 1 != opener and (self._name_at(toks, k - 1) or toks[k - 1].text in given)):
                continue
            b = k
            while b + 1 < len(toks) and b - k < 3 and (self._name_at(toks, b + 1) or toks[b + 1].text in given):
                b += 1
            names = [t.text for t in toks[k:b + 1]]
            after = toks[b + 1].text if b + 1 < len(toks) else ""
            after2 = toks[b + 2].text if b + 2 < len(toks) else ""
            verb_after = after in self._verbs_after or (after == "," and after2 in self._verbs_after)
            prev_verb = k > 0 and toks[k - 1].text.lower() in self._verb_words
            if len(names) < 2 and after != "," and not verb_after and not prev_verb:
                continue                          # one capitalised word with nothing around it to say "person"
            before = text[max(region.start, tok.start - 12):tok.start]
            surface = text[tok.start:toks[b].end]
            verb_before = (prev_verb and bool(self._speaker_after.search(before))) or (
                len(names) >= 2 and bool(self._speaker_after_desc.search(text, max(region.start, tok.start - 70),
                                                                         tok.start)))
            common = all(is_common_word(n) for n in names)
            aged = after == "," and bool(_AGE_AFTER.match(text, toks[b].end))     # "Bagas, 29, a former intern"
            appositive = after == "," and (not common or names[0] in given or aged) \
                and (len(names) >= 2 or len(names[0]) >= 4) \
                and self._appositive_en.match(text, toks[b].end)
            if appositive:
                # English appositive: "Dedi Pranoto, an official at the ministry".
                found.append(RawMention(tok.start, toks[b].end, "person", surface, "appositive-en", priority=1))
                continue
            if names[0] in given and len(names) >= 2 \
                    and not all(is_common_word(n) and n not in given for n in names[1:]):
                # A given name and a surname, no title: "Rizki Ananda (25), warga Bekasi".
                found.append(RawMention(tok.start, toks[b].end, "person", surface, "given-name", priority=1))
                continue
            # One word may also be an Indonesian word ("Sayaka Mori"), the marked one may not.
            if len(names) >= 2 and all(_JAPANESE.fullmatch(n) and 3 <= len(n) <= 10 for n in names) \
                    and sum(n.lower() in indonesian_words() for n in names) < len(names) - (len(names) > 2) \
                    and any(_JAPANESE_MARK.search(n) and n.lower() not in indonesian_words() for n in names) \
                    and not self._in_headline \
                    and not (k > 0 and toks[k - 1].text[:1].isupper()) and not after[:1].isupper():
                # Untitled Japanese names: "Haruto Inoue, who …"; the whole capitalised run,
                # or it is part of a longer name ("LPK Iwa Kyo Indonesia").
                found.append(RawMention(tok.start, toks[b].end, "person", surface, "japanese-name", priority=1))
                continue
            # Speakers named by an attribution verb: "kata Anwar", "Yassierli menegaskan",
            # "said Dedi Pranoto", "…, Marlina, mengatakan".
            if (verb_after or verb_before) and len(names) == 1 and k > 0 \
                    and toks[k - 1].text.lower() in self.lex.place_prepositions:
                continue                          # "a home in the city of Ueda, said …": a place
            if verb_after or verb_before:
                # Right after the verb a capitalised word is a name even if it is also a word ("ujar Wijaya").
                if common and not verb_before and names[0] not in given:
                    continue
                found.append(RawMention(tok.start, toks[b].end, "person", surface, "speaker", priority=1))
                continue
        return found

    def _name_after_title(self, text, toks, i, t_start, t_end, group, honorific, out,
                          title_starts=frozenset()) -> RawMention | None:
        # Read the run after the title: capitalised words, connectors, (parentheticals).
        elems: list[tuple[str, int, int]] = []   # (kind, first tok, last tok)
        k = i
        while k < len(toks) and len(elems) < 16:
            t = toks[k].text
            if toks[k].start in self._hon_starts:
                elems.append(("hon", k, k))          # "Menteri X Prof. Dr. Budi": Prof. Dr. is neither role nor name
                k += 1
                continue
            if toks[k].start in title_starts:
                break
            if t == "(":
                close = next((m for m in range(k + 1, min(k + 10, len(toks))) if toks[m].text == ")"), None)
                if close is None:
                    break
                elems.append(("paren", k, close))
                k = close + 1
            elif t[:1].isupper() or (t[:1].isdigit() and any(c.isupper() for c in t)):
                elems.append(("word", k, k))
                k += 1
            elif t in self.lex.connectors and k + 1 < len(toks) and toks[k + 1].text[:1].isupper() \
                    and toks[k + 1].start not in title_starts:          # "… dan Wakil Presiden X": the next person
                if t in ("and", "dan", "&") and len(elems) >= 2:
                    done = self._name_suffix(toks, elems)
                    if done and done[1] > done[0]:
                        break            # "Minister Budi Santoso and Japanese …": the name is complete
                elems.append(("conn", k, k))
                k += 1
            elif t in ("di", "in", "at") and k + 1 < len(toks) and toks[k + 1].text[:1].isupper() \
                    and toks[k + 1].start not in title_starts and self._name_suffix(toks, elems) is None:
                elems.append(("conn", k, k))      # "Konsul Jenderal RI di Osaka, …": the post's place
                k += 1
            else:
                break
        if not elems and not honorific:
            # "Ketua asosiasi tersebut, Nakamura Hideo": a role in lower-case words, then the name.
            j = k
            while j < min(len(toks), k + 5) and toks[j].text.islower() and toks[j].text.isalpha() \
                    and toks[j].text not in self._verb_words and toks[j].text not in self._verbs_after:
                j += 1
            if j > k and j < len(toks) and toks[j].text == ",":
                k = j
        comma_after = k < len(toks) and toks[k].text == ","
        name = self._name_suffix(toks, elems)
        if name and comma_after and any(e[0] == "conn" and e[2] + 1 == name[0] for e in elems):
            # "Menteri Tenaga Kerja dan Transmigrasi, Budi": a word after "dan" inside
            # the run ends the role, and the name is after the comma.
            name = None
        role_tail = None
        if not name:
            # "Governor Naoki Tanabe of Chiba Prefecture": the name before "of", the post after it.
            cut = next((n for n, e in enumerate(elems) if e[0] == "conn" and toks[e[1]].text in ("of", "for")), None)
            if cut:
                name = self._name_suffix(toks, elems[:cut])
                if name and name[0] == elems[0][1]:
                    role_tail = (toks[elems[cut][1]].start, toks[elems[-1][2]].end)
                else:
                    name = None
        weak = False
        if not name and len(elems) == 1 and elems[0][0] == "word" and self.name_token(toks[i].text) \
                and not comma_after:
            name, weak = (i, i), True          # "Menaker Ida": an ordinary word used as a name
        role_start = self._role_start(text, toks, t_start)
        if name:
            a, b = name
            before = a - 1
            while before >= i and toks[before].start in self._hon_starts:
                before -= 1
            role_end = toks[before].end if before >= i else t_end
        else:
            # "Direktur Jenderal Pembinaan …, Yassierli" / "Menteri Kesehatan, Tenaga Kerja dan
            # Kesejahteraan Jepang, Takemi Keizo": the name is a whole comma segment.
            role_end = toks[k - 1].end if k - 1 >= i else t_end
            segments = 0
            while comma_after and k + 1 < len(toks) and segments < 3 and name is None:
                segments += 1
                a = b = k + 1
                while b + 1 < len(toks) and toks[b + 1].text not in (",", "(", ")", ";", ":") and (
                        toks[b + 1].text[:1].isupper() or toks[b + 1].text in self.lex.connectors):
                    if toks[b + 1].start in title_starts or (
                            toks[b + 1].text in self.lex.connectors and b + 2 < len(toks)
                            and toks[b + 2].start in title_starts):
                        break                  # "…, Budi Santoso dan Wakil Presiden JICA, …": the next person
                    b += 1
                seg = [t.text for t in toks[a:b + 1]]
                nxt = toks[b + 1].text if b + 1 < len(toks) else ""
                seg_elems = [("conn" if t in self.lex.connectors else "word", a + n, a + n) for n, t in enumerate(seg)]
                tail = self._name_suffix(toks, seg_elems) if seg and seg[0][:1].isupper() else None
                if tail:
                    name = tail
                    if tail[0] > a:
                        role_end = toks[tail[0] - 1].end   # "…, Tenaga Kerja dan Kesejahteraan Jepang Hiroshi Nakano"
                elif seg and seg[0][:1].isupper() and nxt == ",":
                    role_end, k = toks[b].end, b + 1         # the role goes on after its comma
                else:
                    break
        if not name:
            # A title with an organisation and no name: "President JICA".
            if elems and not honorific:
                org_toks = [toks[e[1]] for e in elems[:3] if e[0] == "word"]
                if org_toks and any(t.text.isupper() or t.text in self.lex.acronym_keys for t in org_toks):
                    end = toks[elems[min(2, len(elems) - 1)][2]].end
                    out.role_refs.append(RoleReference(t_start, end, _clean(text[t_start:end]), group,
                                                       " ".join(t.text for t in org_toks)))
            return None
        a, b = name
        end = toks[b].end - (2 if toks[b].text.endswith(("'s", "’s")) else 0)    # "Minister X's call"
        surface = text[toks[a].start:end]
        role = None if honorific else _clean(text[role_start:role_end])
        if role and role_tail:
            role = _clean(role + " " + text[role_tail[0]:role_tail[1]])
        alias = None
        if b == a and not honorific and a == i:
            alias = _clean(text[t_start:end])       # "Sekjen Anwar"
        return RawMention(toks[a].start, end, "person", surface, "title-name", role=role,
                          title_group=group, alias=alias, priority=0, weak=weak)

    def _role_start(self, text: str, toks, t_start: int) -> int:
        """English puts modifiers before a title: "Japanese Labour Minister"."""
        start = t_start
        idx = next((n for n, t in enumerate(toks) if t.start == t_start), None)
        while idx is not None and idx > 0:
            prev = toks[idx - 1]
            if prev.text in self._title_words and text[prev.end:start] == " ":
                start, idx = prev.start, idx - 1            # "Wakil" + "Menteri Kesehatan"
            elif (prev.text[:1].isupper() and not prev.text.isupper() and text[prev.end:start] == " "
                    and prev.text not in self.lex.not_names and prev.text not in self.lex.title_forms
                    and not is_common_word(prev.text)):
                start, idx = prev.start, idx - 1
            else:
                break
        return start

    def _name_suffix(self, toks, elems) -> tuple[int, int] | None:
        """The person's name at the end of a title's run, if any: the longest
        tail of name-like words that is not all ordinary Indonesian words."""
        tail: list[int] = []
        for kind, a, _b in reversed(elems):
            if kind != "word" or not (self._name_at(toks, a) or toks[a].initial
                                      or toks[a].text in self.lex.given_names) or len(tail) == 5:
                break
            tail.insert(0, a)
        while tail and toks[tail[-1]].initial:
            tail.pop()
        if not tail:
            return None
        words = [toks[t].text for t in tail if not toks[t].initial]
        if all(is_common_word(w) and w not in self.lex.given_names for w in words):
            # Ordinary words after a title are a name only as two bare roots in body text
            # ("Bupati Sukoharjo Etik Suryani"), never a headline's "Buka Pelatihan".
            roots = indonesian_words()
            if self._in_headline or len(words) < 2 or not all(w.lower() in roots for w in words):
                return None
        return tail[0], tail[-1]

    def _name_run_before(self, toks, comma: int) -> tuple[int, int] | None:
        b = comma - 1
        a = b
        while a - 1 >= 0 and b - a < 3 and self.name_token(toks[a - 1].text):
            a -= 1
        if b < 0 or not self.name_token(toks[b].text):
            return None
        names = [t.text for t in toks[a:b + 1]]
        if all(is_common_word(n) for n in names) or (a == b and len(names[0]) < 3):
            return None
        if a > 0 and toks[a - 1].text[:1].isupper() and text_between_is_space(toks[a - 1], toks[a]):
            return None          # part of a longer capitalised phrase: not a bare name
        return a, b

    def _role_end(self, toks, i) -> int:
        k, depth = i, 0
        end = toks[i - 1].end if i > 0 else 0
        while k < len(toks):
            t = toks[k].text
            if t == "(":
                depth += 1
            elif t == ")":
                depth -= 1
                if depth < 0:
                    break
            elif depth == 0 and not (t[:1].isupper() or t in self.lex.connectors or t[:1].isdigit()):
                break
            end = toks[k].end
            k += 1
        return end

    # ---- acronym definitions -------------------------------------------
    def _definitions(self, text: str, region: Span) -> list[RawMention]:
        found: list[RawMention] = []
        if "(" not in text[region.start:region.end]:
            return found
        for m in _PAREN.finditer(text[region.start:region.end]):
            inner = m.group(1).strip()
            p_start = region.start + m.start()
            i_start = region.start + m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
            if " " not in inner and _acronym_like(inner):
                long_span = self._long_form_before(text, region.start, p_start, inner)
                if long_span is None:
                    continue
                long_form = text[long_span[0]:long_span[1]]
                etype = self._classify(long_form)
                if etype is None or inner in self.lex.concept_acronyms or fold(long_form) in self.lex.generic_orgs \
                        or self._is_role(long_form):
                    continue
                found.append(RawMention(long_span[0], long_span[1], etype, long_form, "definition",
                                        name=long_form, acronym=inner, priority=1))
                found.append(RawMention(i_start, i_start + len(inner), etype, inner, "definition",
                                        name=long_form, acronym=inner, priority=1))
            elif " " in inner and inner[:1].isupper():
                # Reversed: "AP2LN (Asosiasi Permagangan Luar Negeri)".
                before = _LAST_WORD.search(text[region.start:p_start])
                if not before:
                    continue
                acro = before.group(1)
                if not _acronym_like(acro) or acro in self.lex.concept_acronyms or not _letters_match(acro, inner):
                    continue
                etype = self._classify(inner)
                if etype is None or fold(inner) in self.lex.generic_orgs:
                    continue
                a_start = region.start + before.start(1)
                found.append(RawMention(a_start, a_start + len(acro), etype, acro, "definition",
                                        name=inner, acronym=acro, priority=1))
                found.append(RawMention(i_start, i_start + len(inner), etype, inner, "definition",
                                        name=inner, acronym=acro, priority=1))
        return found

    def _long_form_before(self, text: str, floor: int, paren: int, acro: str) -> tuple[int, int] | None:
        words = list(_WORD.finditer(text[floor:paren]))[-12:]
        if not words:
            return None
        end = floor + words[-1].end()
        if text[end:paren].strip():
            return None                              # something other than spaces before "("
        # Walk back over capitalised words (connectors inside), newest first.
        run: list[re.Match] = []
        for w in reversed(words):
            tok = w.group(0)
            if tok[:1].isupper() or tok[:1].isdigit():
                run.insert(0, w)
            elif tok in self.lex.connectors and run:
                run.insert(0, w)
            else:
                break
        while run and not run[0].group(0)[:1].isupper():
            run.pop(0)
        if not run or (len(run) == 1 and run[0].group(0) == acro):
            return None
        # The shortest tail whose letters spell the acronym (Schwartz–Hearst);
        # else the tail from the last word sharing the acronym's first letter.
        for k in range(len(run) - 1, -1, -1):
            tail = text[floor + run[k].start():end]
            if run[k].group(0)[:1].lower() == acro[:1].lower() and _letters_match(acro, tail):
                if run[k].group(0) in self.lex.title_forms and k + 1 < len(run):
                    continue
                return floor + run[k].start(), end
        heads = [k for k, w in enumerate(run) if w.group(0)[:1].lower() == acro[:1].lower()
                 and w.group(0) not in self.lex.title_forms]
        if heads and len(run) - heads[0] >= 2:
            return floor + run[heads[0]].start(), end
        return None

    def _is_role(self, phrase: str) -> bool:
        """"Wakil Menteri Ketenagakerjaan (Wamenaker)" defines a title, not a body."""
        first = phrase.split()[0]
        if first in self._org_head_words:
            return False
        found = self.lex.titles.find(phrase, 0, len(phrase))
        return (bool(found) and found[0][0] == 0) or (first in self._title_words and bool(found))

    def _classify(self, name: str) -> str | None:
        known = self.lex.name_keys.get(fold(name))
        if known:
            return self.lex.known_by_key[known].type
        words = name.split()
        if not any(w[:1].isupper() for w in words):
            return None                                # "sumber daya manusia (SDM)": a concept
        if words[0] in self._org_head_words:
            return "organisation"                      # "Asosiasi Penyelenggara Pemagangan …"
        low = name.lower()
        if any(h.lower() in low.split() for h in self.lex.program_heads + self.lex.program_tails) or \
                re.search(r"\b(skilled|intern|training|magang|pemagangan|jaminan)\b", low):
            return "program"
        return "organisation"

    # ---- gazetteer -----------------------------------------------------
    def _gazetteer(self, text: str, region: Span) -> list[RawMention]:
        found: list[RawMention] = []
        for s, e, key in self.lex.gazetteer.find(text, region.start, region.end):
            known = self.lex.known_by_key[key]
            prev = found[-1] if found else None
            if prev and prev.source == "gazetteer" and prev.type == known.type and text[prev.end:s] == "/":
                # "LPK/SO": two bodies written as one; kept as one mention of the first.
                prev.end, prev.surface, prev.alias = e, text[prev.start:e], text[prev.start:e]
                continue
            found.append(RawMention(s, e, known.type, text[s:e], "gazetteer", known_key=key, priority=2))
        for s, e, key in self.lex.phrases.find(text, region.start, region.end):
            known = self.lex.known_by_key[key]
            found.append(RawMention(s, e, known.type, text[s:e], "phrase", known_key=key, priority=3))
        return found

    # ---- name patterns -------------------------------------------------
    def _patterns(self, text: str, toks: list[_Tok], region: Span, gaz_starts: set[int]) -> list[RawMention]:
        found: list[RawMention] = []
        n = len(toks)
        title_starts = self._title_starts

        def run_right(k: int) -> int:
            """Last token of the capitalised run starting at k (connectors inside); it stops
            before "dan Gubernur …" (another person's title starts) and before event nouns."""
            b = k
            while b + 1 < n:
                t = toks[b + 1].text
                if t in self.lex.event_words:
                    break
                if t[:1].isupper() or (t[:1].isdigit() and b + 1 > k):
                    b += 1
                elif (t in self.lex.connectors and b + 2 < n and toks[b + 2].text[:1].isupper()
                      and toks[b + 2].start not in gaz_starts and toks[b + 2].start not in title_starts):
                    b += 2
                else:
                    break
            return b

        for k, tok in enumerate(toks):
            t = tok.text
            # Organisation heads: "Kementerian …", "Balai Besar …".
            if t in self._org_head_words and k + 1 < n and toks[k + 1].text[:1].isupper() and not (
                    t in ("Kantor", "Gedung") and toks[k + 1].start in gaz_starts):   # "Kantor Kemnaker": a place
                b = run_right(k)
                if b > k:
                    found.append(self._pattern(text, toks, k, b, "organisation"))
            # Program heads: "Program Jaminan …", "program Transformasi …".
            if t.lower() == "program" and k + 1 < n and toks[k + 1].text[:1].isupper():
                b = run_right(k + 1)
                a = k if t[0].isupper() else k + 1
                if b >= k + 1 and not (b == k + 1 and toks[b].text.isupper()):
                    found.append(self._pattern(text, toks, a, b, "program"))
            elif t in self.lex.program_heads and t != "Program" and k + 1 < n and toks[k + 1].text[:1].isupper():
                b = run_right(k)
                if b > k:
                    found.append(self._pattern(text, toks, k, b, "program"))
            # English tails: "… Cooperation Agency", "JOE Cooperative", "… Training Program".
            tail_type = ("organisation" if t in self.lex.org_tails else
                         "program" if t in self.lex.program_tails else None)
            followed = k + 1 < n and toks[k + 1].text[:1].isupper()
            if tail_type and k > 0 and toks[k - 1].text[:1].isupper() and not followed:
                a = k
                while a - 1 >= 0:
                    prev = toks[a - 1].text
                    if prev in self.lex.title_forms or prev in _WEEKDAYS_MONTHS or prev in self.lex.event_words \
                            or prev.endswith(("'s", "’s")) \
                            or text[toks[a - 1].end:toks[a].start] not in _TAIL_JOINS:
                        break                              # "Jakarta - The Ministry …": a dash is a border
                    if prev[:1].isupper():
                        a -= 1
                        if prev.isupper() and len(prev) >= 2:
                            break                          # a brand in capitals starts the name
                    elif prev in ("of", "and", "dan", "for", "&") and a - 2 >= 0 and toks[a - 2].text[:1].isupper() \
                            and toks[a - 2].text not in self.lex.title_forms:
                        a -= 2
                    else:
                        break
                while a < k and (toks[a].text in self.lex.title_forms or toks[a].text in ("The", "This", "A", "An")):
                    a += 1
                b = k
                while b + 2 < n and toks[b + 1].text in ("of", "and", "for") and toks[b + 2].text[:1].isupper():
                    b += 2
                    while b + 1 < n and toks[b + 1].text[:1].isupper():
                        b += 1
                if a < k or b > k:
                    found.append(self._pattern(text, toks, a, b, tail_type))
        found += self._governments(text, region)
        found += self._buildings(text, toks, region)
        # Places named with their kind: "Provinsi Miyagi", "Kabupaten Xyz".
        for m in self._place_prefix.finditer(text, region.start, region.end):
            nm = re.match(r"[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2}", text[m.end():region.end])
            if not nm:
                continue
            words = nm.group(0).split()
            # "Kota Bandung Kamis (12/10)": a weekday or month glued to the name is not part of it.
            while words and words[-1] in _WEEKDAYS_MONTHS:
                words.pop()
            if not words:
                continue
            name = " ".join(words)
            key = self.lex.name_keys.get(fold(name))
            if not key and is_common_word(words[0]) and words[0] not in self.lex.given_names:
                continue                         # "Provinsi Lainnya", "Kota Besar": a word, not a name
            e = m.end() + text[m.end():].index(words[-1]) + len(words[-1])
            found.append(RawMention(m.start(), e, "place", text[m.start():e], "place-prefix",
                                    known_key=key if key and key.startswith("known:place") else None,
                                    name=name, priority=2))
        return [f for f in found if f is not None]

    def _governments(self, text: str, region: Span) -> list[RawMention]:
        """Governments acting as parties: "pemerintah Jepang", "Pemerintah RI", "Pemerintah
        Provinsi Jawa Tengah", "Pemkab Boyolali", "the Japanese and Indonesian governments"."""
        found: list[RawMention] = []
        if not self._gov_any.search(text, region.start, region.end):
            return found
        for m in self._gov.finditer(text, region.start, region.end):
            rest = text[m.end():min(region.end, m.end() + 80)]
            if re.match(r"(?:RI|Republik Indonesia)\b", rest):
                e = m.end() + len(re.match(r"RI|Republik Indonesia", rest).group(0))
                found.append(RawMention(m.start(), e, "organisation", text[m.start():e], "government",
                                        name="Pemerintah Indonesia", priority=1))
                continue
            local = self._gov_local.match(rest)
            if local:
                words = local.group(0).split()
                while len(words) > 2 and words[-1] in _WEEKDAYS_MONTHS:
                    words.pop()
                e = m.end() + rest.index(words[-1], len(" ".join(words[:-1]))) + len(words[-1])
                name = "Pemerintah " + " ".join(words)
                found.append(RawMention(m.start(), e, "organisation", text[m.start():e], "government",
                                        name=name, priority=1))
                continue
            places = self.lex.gazetteer.find(text, m.end(), min(region.end, m.end() + 60))[:2]
            for n, (s, e, key) in enumerate(places):
                known = self.lex.known_by_key[key]
                if known.type != "place" or known.kind != "country":
                    break
                if n == 0 and s == m.end():
                    found.append(RawMention(m.start(), e, "organisation", text[m.start():e], "government",
                                            name=f"Pemerintah {known.name}", priority=1))
                elif n == 1 and re.fullmatch(r"\s*(?:,|dan|maupun|serta|and|&)\s*", text[places[0][1]:s]):
                    # "pemerintah Indonesia maupun Jepang": the second government too.
                    found.append(RawMention(s, e, "organisation", text[s:e], "government",
                                            name=f"Pemerintah {known.name}", priority=1))
                else:
                    break
        for m in self._gov_short.finditer(text, region.start, region.end):
            full = self.lex.government_short[m.group("short")]
            found.append(RawMention(m.start(), m.end(), "organisation", m.group(0), "government",
                                    name=f"{full} {m.group('place')}", priority=1))
        for m in self._gov_english.finditer(text, region.start, region.end):
            for g in ("a", "b"):
                adj = m.group(g)
                if adj:
                    place = self.lex.demonyms[adj]
                    end = m.end() if g == "b" or not m.group("b") else m.end(g)
                    found.append(RawMention(m.start(g), end, "organisation", text[m.start(g):end], "government",
                                            name=f"Pemerintah {place}", alias=f"{adj} government", priority=1))
        return found

    def _buildings(self, text: str, toks: list[_Tok], region: Span) -> list[RawMention]:
        """Buildings and halls are places: "Aula BLK Pati", "di Kantor Disnaker Jatim"."""
        found: list[RawMention] = []
        for m in self._building.finditer(text, region.start, region.end):
            head = m.group("head")
            if head == "Kantor":
                before = text[max(region.start, m.start() - 6):m.start()].split()
                if not before or before[-1].lower() not in self.lex.locatives:
                    continue
            e = m.end()
            found.append(RawMention(m.start(), e, "place", text[m.start():e], "building",
                                    name=" ".join(m.group(0).split()), priority=1))
        return found

    def _pattern(self, text, toks, a, b, etype) -> RawMention | None:
        s, e = toks[a].start, toks[b].end
        surface = text[s:e]
        if len(surface.split()) < 2 or fold(surface) in self.lex.generic_orgs:
            return None
        name = surface
        if etype == "organisation" and toks[a].text in self.lex.acronym_keys and b > a:
            # "BLK Pati", "BPVP Kota Ternate": the known network's branch in a place.
            rest = re.sub(r"^(?:Kota|Kabupaten|Kab\.?|Provinsi)\s+", "", text[toks[a + 1].start:e])
            place = self.lex.name_keys.get(fold(rest))
            if place and place.startswith("known:place"):
                return RawMention(s, e, etype, surface, "pattern", known_key=self.lex.acronym_keys[toks[a].text],
                                  alias=surface, priority=2)
        if etype == "organisation":
            # "Direktorat Jenderal Binalavotas Kemnaker": a unit named with its ministry.
            last = surface.split()[-1]
            key = self.lex.name_keys.get(fold(last))
            if key and key.startswith("known:organisation") and len(surface.split()) > 2:
                name = surface[: len(surface) - len(last)].rstrip(" ,")
        elif etype == "program":
            # "Skema SSW", "Program TITP": a known programme named with its kind.
            rest = surface.split(None, 1)[1]
            key = self.lex.name_keys.get(fold(rest))
            if key and key.startswith("known:program"):
                return RawMention(s, e, etype, surface, "pattern", known_key=key, priority=2)
        return RawMention(s, e, etype, surface, "pattern", name=name, priority=2)

    # ---- dateline ------------------------------------------------------
    def _dateline(self, article: Article) -> list[RawMention]:
        if not article.dateline:
            return []
        head = article.text[:400]
        m = re.search(re.escape(article.dateline), head, re.IGNORECASE)
        if not m:
            return []
        s, e = m.start(), m.end()
        name = article.dateline
        words = name.split()
        while len(words) > 1 and words[-1].strip(",").title() in _WEEKDAYS_MONTHS:
            words.pop()                          # "Bandung Kamis" is Bandung
        if len(words) < len(name.split()):
            name = " ".join(words).strip(" ,")
            e = s + article.text[s:e].index(words[-1]) + len(words[-1])
        key = self.lex.name_keys.get(fold(name))
        if key and not key.startswith("known:place"):
            key = None
        return [RawMention(s, e, "place", article.text[s:e], "dateline", known_key=key,
                           name=name, priority=2)]


def text_between_is_space(left: _Tok, right: _Tok) -> bool:
    return right.start - left.end == 1


def _acronym_like(tok: str) -> bool:
    """'JCCI', 'AP2LN', 'Kemnaker', 'LPK/SO': short, capitalised, no spaces."""
    letters = [c for c in tok if c.isalpha()]
    if not letters or not tok[:1].isupper() or len(tok) > 15:
        return False
    return sum(c.isupper() for c in letters) >= 2 or (tok.isalpha() and len(tok) <= 10)


def _letters_match(acro: str, long_form: str) -> bool:
    """Schwartz–Hearst: the acronym's letters appear in order in the long form,
    the first at the start of a word ("Kemnaker" ← "Kementerian Ketenagakerjaan")."""
    a = [c.lower() for c in acro if c.isalpha()]
    lf = long_form.lower()
    if not a:
        return False
    i, j = len(a) - 1, len(lf) - 1
    while i >= 0:
        while j >= 0 and (lf[j] != a[i] or (i == 0 and j > 0 and lf[j - 1].isalnum())):
            j -= 1
        if j < 0:
            return False
        i -= 1
        j -= 1
    return True


def _clean(s: str) -> str:
    return " ".join(s.replace("\n", " ").split()).strip(" ,;:")


def _select(candidates: list[RawMention]) -> list[RawMention]:
    """Keep the best non-overlapping mentions: priority, then length."""
    chosen: list[RawMention] = []
    if not candidates:
        return chosen
    base = min(c.start for c in candidates)
    taken = bytearray(max(c.end for c in candidates) - base + 1)
    for c in sorted(candidates, key=lambda c: (c.priority, -(c.end - c.start), c.start)):
        if c.end <= c.start or any(taken[c.start - base:c.end - base]):
            continue
        taken[c.start - base:c.end - base] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen
