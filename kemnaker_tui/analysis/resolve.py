"""Merge entity mentions across the whole corpus into entities.

One entity per real-world thing: acronyms join their long forms ("Kemnaker" =
"Kementerian Ketenagakerjaan"), titles with a surname join the full name
("Sekjen Anwar" = "Anwar Sanusi"), Japanese name order is ignored ("Kanasugi
Kenji" = "Kenji Kanasugi"), typos join the name they misspell ("Kemnekar"),
known aliases come from the data files and the user's alias file.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from kemnaker_tui.analysis.entities import ArticleMentions, EntityFinder, RawMention, open_capitals
from kemnaker_tui.analysis.entities import capital_tokens  # noqa: F401 - the second pass's tokens, cut by the tokenizer
from kemnaker_tui.analysis.lexicon import Lexicon, fold, is_common_word
from kemnaker_tui.analysis.resolve_trace import ROW, ArticleTrace, Replay, ReplayMismatch, Tables
from kemnaker_tui.analysis.useraliases import UserAliases
from kemnaker_tui.model import Article, Entity, MentionList


@dataclass
class _Cluster:
    key: str
    type_votes: Counter = field(default_factory=Counter)
    names: Counter = field(default_factory=Counter)       # full names as given
    surfaces: Counter = field(default_factory=Counter)
    aliases: set = field(default_factory=set)
    roles: Counter = field(default_factory=Counter)
    acronym: str | None = None
    known_name: str | None = None
    mentions: list = field(default_factory=list)          # (article, start, end, surface)
    sources: dict = field(default_factory=dict)           # rule -> first surface it found


def slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _full_name(m: RawMention) -> bool:
    return len(m.surface.split()) >= 2


def _mononym(m: RawMention) -> bool:
    """One word given with a title, not an ordinary word ("Menaker Yassierli")."""
    return m.type == "person" and len(m.surface.split()) == 1 and m.source == "title-name" and not m.weak


# A place word followed by its kind is the place even where a person bears the name.
_PLACE_AFTER = re.compile(r"\s+(?:Prefecture|Prefektur|City|Province|Provinsi)\b")

_OLD_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"))


@functools.lru_cache(maxsize=65536)
def name_word(word: str) -> str:
    """A folded name word with Indonesian spelling variants made one: old spelling
    (Soeharto = Suharto, Djoko = Joko), a final y for i (Wahyudy = Wahyudi), doubled
    consonants (Muhammad = Muhamad)."""
    for old, new in _OLD_SPELLING:
        word = word.replace(old, new)
    if len(word) > 3 and word.endswith("y") and word[-2] not in "aeiou":
        word = word[:-1] + "i"
    return re.sub(r"([b-df-hj-np-tv-z])\1", r"\1", word)


def name_words(name: str) -> list[str]:
    return [name_word(w) for w in fold(name).split()]


def person_key(name: str) -> str:
    return "person:" + " ".join(sorted(name_words(name)))


class Resolver:
    def __init__(self, lex: Lexicon, finder: EntityFinder, user: UserAliases) -> None:
        self.lex, self.finder, self.user = lex, finder, user
        self.clusters: dict[str, _Cluster] = {}
        self.person_groups: dict[str, set[str]] = {}
        self._rows: list | None = None      # tracing: the adds of the article being placed
        self._votes: list | None = None     # tracing: the cluster types it read
        self._dry = False                   # placing again from a trace: clusters untouched
        self.absorbed: dict[str, str] = {}   # cluster key -> the cluster that took it in
        self.entity_of: dict[str, Entity] = {}   # cluster key -> its entity (dropped: none)

    def cluster(self, key: str) -> _Cluster:
        c = self.clusters.get(key)
        if c is None:
            c = self.clusters[key] = _Cluster(key)
            known = self.lex.known_by_key.get(key)
            if known:
                c.known_name, c.acronym = known.name, known.acronym
                c.aliases.update(known.aliases)
        return c

    # ---------------------------------------------------------------
    def resolve(self, docs: list, replay: Replay | None = None) -> list[Entity]:
        """Entities of ``docs`` ((article, mentions) in reading order). The mentions are
        edited in place: what was dropped goes, what the second pass found joins.
        With ``replay``, each article's part is traced, and an article traced last
        time is replayed where nothing it read has changed (``resolve_trace``); its
        mentions may then be None, and are fetched (``replay.findings``) only if it must
        be placed afresh."""
        lex = self.lex
        # 1. Acronym definitions across the corpus: acronym <-> long form.
        # 2. Full names of people across the corpus, by their set of words.
        def_key: dict[str, str] = {}          # acronym -> cluster key
        long_key: dict[str, str] = {}         # folded long form -> cluster key
        people_tokens: dict[str, set[str]] = defaultdict(set)    # word -> person keys
        person_groups: dict[str, set[str]] = defaultdict(set)    # person key -> title groups
        parts: list[tuple[tuple, tuple]] = []
        for n, (_a, am) in enumerate(docs):
            old = replay.trace_before(n) if replay is not None else None
            if am is None:
                defs, persons = old.defs, old.persons
            else:
                defs, persons = self._definitions(am), self._people(am)
            for acronym, long_form in defs:
                folded = fold(long_form)
                key = def_key.get(acronym) or long_key.get(folded) or \
                    lex.acronym_keys.get(acronym) or lex.name_keys.get(fold(acronym)) or \
                    lex.name_keys.get(folded) or f"def:{acronym}"
                def_key[acronym] = key
                long_key[folded] = key
            # A one-word name given with a title ("Menaker Yassierli") is a full name too.
            for key, words, group in persons:
                for w in words:
                    people_tokens[w].add(key)
                if group:
                    person_groups[key].add(group)
            if replay is not None:
                parts.append((defs, persons))
        tables = Tables(def_key, long_key, people_tokens, person_groups)
        self.person_groups = person_groups

        # 3. Every mention to a cluster.
        if replay is None:
            for article, am in docs:
                self._place(article, am, def_key, long_key, people_tokens)
        else:
            self._place_or_replay(docs, replay, tables, parts)

        self._merge_typos()
        self._merge_misspelt_people()
        entities = self._entities()
        for key in self.absorbed:
            into = key
            while into in self.absorbed:
                into = self.absorbed[into]
            if into in self.entity_of:
                self.entity_of[key] = self.entity_of[into]
        return entities

    @staticmethod
    def _definitions(am: ArticleMentions) -> tuple:
        return tuple((m.acronym, m.name or "") for m in am.mentions if m.source == "definition" and m.acronym)

    def _people(self, am: ArticleMentions) -> tuple:
        return tuple((self._split_key(m.surface) or person_key(m.surface), tuple(name_words(m.surface)),
                      m.title_group) for m in am.mentions if m.type == "person" and _full_name(m))

    def _place_or_replay(self, docs: list, replay: Replay, tables: Tables, parts: list) -> None:
        """The third step with traces: each article replayed when its trace still holds,
        else placed afresh (and traced)."""
        replay.tables = tables
        replay.changed = changed = tables.changed_keys(replay.before.tables) if replay.before else set()
        # the placing reads through these: each article's reads are logged
        read: set = set()
        logged = [_Logged(t) for t in (tables.def_key, tables.long_key, tables.people_tokens)]
        groups = _Logged(tables.person_groups)
        for t in (*logged, groups):
            t.log = read
        replay.after = [None] * len(docs)
        for n, (article, am) in enumerate(docs):
            old = replay.trace_before(n)
            if am is None and old.reads.isdisjoint(changed) and self._votes_hold(old):
                self._replay(old.rows, article.key)
                replay.after[n] = old
                replay.replayed += 1
                continue
            if am is None:
                am = replay.findings(n).mentions
            read.clear()
            self.person_groups = groups
            rows: list = []
            votes: list = []
            self._rows, self._votes = rows, votes
            try:
                first = self._place(article, am, *logged)
            finally:
                self._rows = self._votes = None
                self.person_groups = tables.person_groups
            defs, persons = parts[n]
            replay.after[n] = ArticleTrace(article.key, defs, persons, frozenset(read), tuple(rows), first,
                                           tuple(votes), person_roles(am))

    def place_again(self, article: Article, am: ArticleMentions, trace: ArticleTrace, tables: Tables) -> None:
        """An article replayed from its trace, placed again without touching the clusters:
        its mentions become what the resolve made of them (for the per-article finders).
        Raises ReplayMismatch when that is not what the trace says it added."""
        rows: list = []
        self._rows, self._votes, self._dry = rows, list(trace.votes), True
        self.person_groups = tables.person_groups
        try:
            self._place(article, am, tables.def_key, tables.long_key, tables.people_tokens)
        finally:
            self._rows = self._votes = None
            self._dry = False
        if tuple(rows) != trace.rows:
            raise ReplayMismatch(f"{article.key}: placed again, it adds other mentions than traced")

    def _votes_hold(self, trace: ArticleTrace) -> bool:
        """Whether every cluster type the article read in its second pass reads the same now
        (the clusters as they stand, plus the article's own first adds)."""
        for cluster_key, was in trace.votes:
            c = self.clusters.get(cluster_key)
            votes = c.type_votes.copy() if c is not None else Counter()
            votes.update(trace.first_votes(cluster_key))
            now = votes.most_common(1)[0][0] if votes else "organisation"
            if now != was:
                return False
        return True

    def _replay(self, rows: tuple, article_key: str) -> None:
        add = self._add_row
        it = iter(rows)
        for key, etype, surface, name, acronym, alias, role, start, end, source in zip(*[it] * ROW):
            add(key, etype, surface, name, acronym, alias, role, start, end, source, article_key)

    def _place(self, article: Article, am: ArticleMentions, def_key, long_key, people_tokens) -> int:
        """One article's mentions to clusters; its mentions are edited in place. Returns
        how many were added before the second pass."""
        local_people = {person_key(m.surface) for m in am.mentions if m.type == "person" and _full_name(m)}
        local_words = {w for k in local_people for w in k.split(":", 1)[1].split()}
        # "Menaker Yassierli" is a full name in an article that names no longer one with it.
        local_people |= {person_key(m.surface) for m in am.mentions
                         if _mononym(m) and name_words(m.surface)[0] not in local_words}
        # "Sri Endah" in an article naming "Sri Endah Lestari": the shorter form is the same person.
        absorbed = _shorter_forms(local_people)
        local_people -= absorbed.keys()
        kept = []
        for m in am.mentions:
            if m.type == "place" and m.source == "gazetteer" and " " not in m.surface \
                    and m.surface in self.finder.jp_place_words and name_word(fold(m.surface)) in local_words \
                    and not _PLACE_AFTER.match(article.text, m.end):
                # "Yamaguchi said" in an article naming Kenji Yamaguchi: the person, not the prefecture.
                m.type, m.source, m.known_key = "person", "surname", None
            key = self._key_of(m, def_key, long_key, people_tokens, local_people)
            key = absorbed.get(key, key)
            if m.weak and key not in local_people and key == person_key(m.surface):
                continue                    # an ordinary word that joined no name
            kept.append(m)
            self._add(key, m, article.key)
        am.mentions = kept
        first = len(kept)
        self._second_pass(article, am, def_key, people_tokens, local_people)
        return first

    def _split_key(self, surface: str) -> str | None:
        split = self.user.split.get(fold(surface))
        return f"user-split:{split[1]}:{split[0]}" if split else None

    def _key_of(self, m: RawMention, def_key, long_key, people_tokens, local_people) -> str:
        forced = self._split_key(m.surface)
        if forced:
            return forced
        if m.known_key:
            return m.known_key
        if m.type == "person":
            words = name_words(m.surface)
            if len(words) >= 2:
                return person_key(m.surface)
            return self._person_by_word(words[0] if words else m.surface, people_tokens, local_people,
                                        m.title_group)
        if m.source == "definition" and m.acronym in def_key:
            return def_key[m.acronym]
        name = m.name or m.surface
        return (known_name_key(self.lex, name) or long_key.get(fold(name))
                or def_key.get(m.surface) or f"name:{m.type}:{fold(name)}")

    def _person_by_word(self, word: str, people_tokens, local_people, title_group: str | None = None) -> str:
        """One word for a person: the one person of this article it belongs to; a person
        of another article only when the same title comes with it ("Sekjen Anwar"), so
        two people sharing a name in different articles are never merged by a bare name."""
        word = name_word(word)
        keys = people_tokens.get(word, set())
        local = keys & local_people
        if len(local) == 1:
            return next(iter(local))
        if "person:" + word in local_people:
            return "person:" + word
        if len(keys) == 1 and not local:
            key = next(iter(keys))
            if key == "person:" + word or (title_group and title_group in self.person_groups.get(key, ())):
                return key
        return "person:" + word

    def _add(self, key: str, m: RawMention, article_key: str) -> None:
        if self._rows is not None:
            self._rows.extend((key, m.type, m.surface, m.name, m.acronym, m.alias, m.role, m.start, m.end,
                               m.source))
            if self._dry:
                return
        self._add_row(key, m.type, m.surface, m.name, m.acronym, m.alias, m.role, m.start, m.end, m.source,
                      article_key)

    def _add_row(self, key: str, etype: str, surface: str, name: str | None, acronym: str | None,
                 alias: str | None, role: str | None, start: int, end: int, source: str,
                 article_key: str) -> None:
        c = self.clusters.get(key) or self.cluster(key)
        c.type_votes[etype] += 1
        c.surfaces[surface] += 1
        if name:
            c.names[name] += 1
        elif etype == "person" and len(surface.split()) >= 2:
            c.names[surface] += 1
        if acronym and not c.acronym:
            c.acronym = acronym
        if alias:
            c.aliases.add(alias)
        if role:
            c.roles[role] += 1
        c.mentions.append((article_key, start, end, surface))
        if source not in c.sources:
            c.sources[source] = (role + " " + surface) if source == "title-name" and role else surface

    # ---------------------------------------------------------------
    def _second_pass(self, article: Article, am: ArticleMentions, def_key, people_tokens, local_people) -> None:
        """Bare forms that only make sense once the corpus is known: acronyms
        defined elsewhere, surnames of people named in full, "JOE" for "JOE
        Cooperative", typos of known names, "President JICA"."""
        text = article.text
        if am.open_capitals is None:     # findings made elsewhere than EntityFinder.find
            am.open_capitals = open_capitals(text, am.regions, [m for m in am.mentions if not m.weak])
        # the tokens no certain mention covers were listed per document; of the other mentions
        # only the weak ones the first pass kept still cover any
        covered = bytearray(len(text) + 1)
        for m in am.mentions:
            if m.weak:
                covered[m.start:m.end] = b"\x01" * (m.end - m.start)
        local_orgs = {}
        for m in am.mentions:
            if m.type in ("organisation", "program") and len((m.name or m.surface).split()) >= 2:
                first = (m.name or m.surface).split()[0]
                if first.isupper() and len(first) >= 2:
                    local_orgs[first] = m
        extra: list[tuple[str, RawMention]] = []
        for s, e, tok in am.open_capitals:
            if any(covered[s:e]):
                continue
            if tok in def_key:
                etype = self._type_so_far(def_key[tok])
                extra.append((def_key[tok], RawMention(s, e, etype, tok, "acronym")))
            elif tok in local_orgs:
                m = local_orgs[tok]
                key = self._key_of(m, def_key, {}, people_tokens, local_people)
                extra.append((key, RawMention(s, e, m.type, tok, "short-name")))
            elif self.finder.name_token(tok) and len(tok) >= 3 and (
                    name_word(fold(tok)) in people_tokens or "person:" + name_word(fold(tok)) in local_people):
                key = self._person_by_word(fold(tok), people_tokens, local_people)
                if key in local_people:
                    extra.append((key, RawMention(s, e, "person", tok, "surname")))
            elif len(tok) >= 5 and tok.isalpha() and not is_common_word(tok) and tok not in self.lex.not_names:
                key = self._typo_of(tok)
                if key:
                    etype = self.lex.known_by_key[key].type if key in self.lex.known_by_key else "organisation"
                    extra.append((key, RawMention(s, e, etype, tok, "typo")))
        for key, m in extra:
            self._add(key, m, article.key)
            am.mentions.append(m)
        # "President JICA": a title and an organisation standing for a person named in the article.
        for ref in am.role_refs:
            for m in am.mentions:
                if m.type == "person" and m.title_group == ref.title_group and m.role and \
                        ref.org_text.split()[0] in m.role:
                    key = self._key_of(m, def_key, {}, people_tokens, local_people)
                    rm = RawMention(ref.start, ref.end, "person", ref.surface, "role", alias=ref.surface)
                    self._add(key, rm, article.key)
                    am.mentions.append(rm)
                    break
        am.mentions.sort(key=lambda m: m.start)

    def _type_so_far(self, key: str) -> str:
        """The type cluster ``key`` has so far (an acronym defined elsewhere takes it); traced,
        and answered from the trace when an article is placed again."""
        if self._dry:
            return self._votes.pop(0)[1]
        etype = self.clusters[key].type_votes.most_common(1)[0][0] if key in self.clusters else "organisation"
        if self._votes is not None:
            self._votes.append((key, etype))
        return etype

    def _typo_of(self, tok: str) -> str | None:
        """A known one-word name or acronym this word misspells (1 edit up to 7 letters, 2 from 8)."""
        return _typo_of(self.lex, tok)

    def _merge_typos(self) -> None:
        """Pattern-found names that misspell a known one join it."""
        known = [c for c in self.clusters.values() if c.key.startswith("known:")]
        for key in [k for k in self.clusters if k.startswith("name:")]:
            c = self.clusters[key]
            name = fold(c.names.most_common(1)[0][0] if c.names else c.surfaces.most_common(1)[0][0])
            for other in known:
                forms = [other.known_name or ""] + list(other.aliases)
                limit = 1 if len(name) < 12 else 2
                if any(Levenshtein.distance(name, fold(f), score_cutoff=limit) <= limit for f in forms if f):
                    self._absorb(other, c)
                    self.absorbed[key] = other.key
                    del self.clusters[key]
                    break

    def _merge_misspelt_people(self) -> None:
        """Two full names one letter apart in one long word, held by people with the
        same role, are one person misspelt ("Budi Kartawijaya" / "Budi Kartawijayaa",
        both "Menteri …"). Only full names of two words or more and a word of six
        letters or more, and only with a shared role: "Sato"/"Saito", or two people
        without a role in common, stay apart."""
        from rapidfuzz import fuzz

        people = [c for k, c in self.clusters.items() if k.startswith("person:") and c.names and c.roles]
        buckets: dict[tuple, list[tuple[_Cluster, str]]] = defaultdict(list)
        for c in people:
            words = fold(c.names.most_common(1)[0][0]).split()
            if len(words) < 2:
                continue
            for i, w in enumerate(words):
                if len(w) >= 6:
                    buckets[(len(words), i, tuple(words[:i]), tuple(words[i + 1:]))].append((c, w))
        gone: set[str] = set()
        for group in buckets.values():
            if len(group) < 2:
                continue
            group.sort(key=lambda cw: -len(cw[0].mentions))
            for n, (big, bw) in enumerate(group):
                if big.key in gone:
                    continue
                for small, sw in group[n + 1:]:
                    if small.key in gone or Levenshtein.distance(bw, sw, score_cutoff=1) > 1:
                        continue
                    if not any(fuzz.token_set_ratio(fold(r1), fold(r2)) >= 85
                               for r1 in big.roles for r2 in small.roles):
                        continue
                    self._absorb(big, small)
                    self.absorbed[small.key] = big.key
                    gone.add(small.key)
        for key in gone:
            del self.clusters[key]

    @staticmethod
    def _absorb(into: _Cluster, c: _Cluster) -> None:
        into.type_votes.update(c.type_votes)
        into.surfaces.update(c.surfaces)
        into.names.update(c.names)
        into.roles.update(c.roles)
        into.aliases |= c.aliases
        into.mentions += c.mentions
        for k, v in c.sources.items():
            into.sources.setdefault(k, v)
        into.sources.setdefault("typo", c.names.most_common(1)[0][0] if c.names else "")

    # ---------------------------------------------------------------
    def _entities(self) -> list[Entity]:
        out: list[Entity] = []
        used_ids: set[str] = set()
        for c in self.clusters.values():
            if not c.mentions:
                continue
            known = self.lex.known_by_key.get(c.key)
            etype = known.type if known else c.type_votes.most_common(1)[0][0]
            if c.key.startswith("user-split:"):
                etype, name = c.key.split(":", 2)[1:]
            elif known:
                name = known.name
            elif etype == "person":
                full = [n for n, _ in c.surfaces.most_common() if len(n.split()) >= 2 and n.istitle() is not None]
                name = full[0] if full else c.surfaces.most_common(1)[0][0]
                # The fullest form that holds the usual one ("Sri Endah Lestari" over "Sri Endah").
                base = set(fold(name).split())
                name = max((n for n in full if base <= set(fold(n).split())),
                           key=lambda n: (len(n.split()), c.surfaces[n]), default=name)
            else:
                name = (c.names or c.surfaces).most_common(1)[0][0]
                if c.acronym and name == c.acronym and c.names:
                    name = c.names.most_common(1)[0][0]
            name = self.user.rename.get(fold(name), name)
            acronym = c.acronym if c.acronym and c.acronym != name else None
            forms = set(c.surfaces) | set(c.names) | c.aliases
            aliases = tuple(sorted(f for f in forms if f and f != name and f != acronym))
            if self.user.is_dropped(name, acronym, aliases):
                continue
            base = f"{etype}:{slug(name)}"
            eid, n = base, 2
            while eid in used_ids:
                eid, n = f"{base}-{n}", n + 1
            used_ids.add(eid)
            # Surface forms repeat thousands of times in a big corpus: one string each.
            unique = set(c.mentions)
            mentions = MentionList.from_rows(sorted(unique), intern=True)
            roles = tuple(r for r, _ in c.roles.most_common())
            why, unsure = evidence(c, bool(known), len(unique))
            out.append(Entity(eid, etype, name, acronym, aliases, roles, mentions, why=why, unsure=unsure))
            self.entity_of[c.key] = out[-1]
        out.sort(key=lambda e: (e.type, -len(e.mentions), e.name))
        return out


# How each finder rule reads in words (Entity.why), strongest first.
_RULES = {
    "user": "your alias file",
    "gazetteer": "listed in the data files (`{}`)",
    "title-name": "title + name (`{}`)",
    "appositive": "name + title after a comma (`{}`)",
    "appositive-en": "name + role after a comma (`{}`)",
    "definition": "acronym definition (`{}`)",
    "government": "government of a country or region (`{}`)",
    "building": "building or hall named with its kind (`{}`)",
    "dateline": "dateline city (`{}`)",
    "place-prefix": "place named with its kind (`{}`)",
    "phrase": "known phrase (`{}`)",
    "speaker": "named by an attribution verb (`{}`)",
    "given-name": "common given name + surname (`{}`)",
    "fuller": "full form of a one-word name found by another rule (`{}`)",
    "japanese-name": "two capitalised words shaped like a Japanese name (`{}`)",
    "pattern": "capitalised words after a head or before a tail word (`{}`)",
    "acronym": "acronym defined elsewhere (`{}`)",
    "short-name": "short form of a longer name in the article (`{}`)",
    "surname": "surname of a person named in full (`{}`)",
    "role": "title + organisation standing for a named person (`{}`)",
    "typo": "misspelling of a known name (`{}`)",
}
# Rules that rest on capitalisation alone: an entity found only by them is a guess to check.
_WEAK_RULES = frozenset({"speaker", "given-name", "fuller", "japanese-name", "pattern", "acronym", "short-name", "surname",
                         "typo"})


def evidence(c: _Cluster, known: bool, n_mentions: int) -> tuple[str, bool]:
    """Entity.why (how it was found, in words) and unsure (seen once, or only by capitalisation)."""
    parts = [_RULES.get(rule, rule).format(surface) for rule, surface in
             sorted(c.sources.items(), key=lambda kv: list(_RULES).index(kv[0]) if kv[0] in _RULES else 99)]
    if known and "gazetteer" not in c.sources:
        parts.insert(0, "listed in the data files")
    weak = not known and all(rule in _WEAK_RULES for rule in c.sources)
    once = n_mentions == 1 and not known
    why = "; ".join(parts[:3])
    if once:
        why += " — seen once"
    elif weak:
        why += " — found by capitalisation only"
    return why, weak or once


_NAME_TAILS = re.compile(r"\s+(?:ri|republik indonesia|indonesia)$")


def known_name_key(lex: Lexicon, name: str) -> str | None:
    """The known entity a name stands for, allowing the press's variants: a country
    tag at the end ("Kementerian Tenaga Kerja RI") and the common misspelling
    "Kementrian"."""
    key = fold(name)
    found = lex.name_keys.get(key)
    if found:
        return found
    variant = key.replace("kementrian", "kementerian")
    stripped = _NAME_TAILS.sub("", variant)
    for k in (variant, stripped):
        if k != key and k in lex.name_keys and len(k.split()) >= 2:
            return lex.name_keys[k]
    return None


class _Logged(dict):
    """A table that notes every key looked up in it (``log``): what an article's placing read."""
    __slots__ = ("log",)

    def get(self, key, default=None):
        self.log.add(key)
        return dict.get(self, key, default)

    def __contains__(self, key) -> bool:
        self.log.add(key)
        return dict.__contains__(self, key)

    def __getitem__(self, key):
        self.log.add(key)
        return dict.__getitem__(self, key)


def person_roles(am: ArticleMentions) -> tuple:
    """Where the article's people are given a role (part of its merge fingerprint)."""
    return tuple((m.start, m.end, m.role, m.source) for m in am.mentions if m.type == "person" and m.role)


def _shorter_forms(local_people: set[str]) -> dict[str, str]:
    """Person keys of one article whose words all belong to exactly one longer name of
    the same article ("Sri Endah" → "Sri Endah Lestari"); two longer ones leave it alone."""
    words = {k: frozenset(k.split(":", 1)[1].split()) for k in local_people}
    out = {}
    for k, ws in words.items():
        longer = [o for o, ow in words.items() if ws < ow]
        if len(longer) == 1:
            out[k] = longer[0]
    return out


def _typo_index(lex: Lexicon) -> dict[str, list[tuple[str, str]]]:
    """Known one-word names and acronyms, by first letter (cached on the lexicon)."""
    index = getattr(lex, "_typo_index", None)
    if index is None:
        index = defaultdict(list)
        for k in lex.known:
            if k.type == "place":
                continue
            for form in ([k.acronym] if k.acronym else []) + [a for a in k.aliases if " " not in a]:
                if form and len(form) >= 5 and form.isalpha():
                    index[form[0]].append((form, k.key))
        lex._typo_index = index
    return index


def _typo_of(lex: Lexicon, tok: str) -> str | None:
    cache = lex.__dict__.setdefault("_typo_cache", {})
    if tok in cache:
        return cache[tok]
    limit = 1 if len(tok) < 8 else 2
    best = None
    capitals = sum(c.isupper() for c in tok)
    for form, key in _typo_index(lex).get(tok[0], ()):
        if abs(len(form) - len(tok)) > limit:
            continue
        if form.isupper() and capitals < 2:
            continue                 # an acronym is not an ordinary capitalised word ("Sinar" ≠ "SINAR")
        d = Levenshtein.distance(form.lower(), tok.lower(), score_cutoff=limit)
        if d <= limit and (best is None or d < best[0]):
            best = (d, key)
    cache[tok] = best[1] if best else None
    return cache[tok]
