"""Quotes and who said them.

A quote is text inside “…” or "…" (mixed marks, split quotes, a quote left
open to the end of its paragraph). Its speaker comes from the attribution
around it, tried in this order:

1. after the quote: a name and a verb ("…," Budi said), a verb and a name
   (kata Budi / said Sri Wahyuni, head of …), a pronoun ("…," she added /
   ujarnya / kata dia), or a role ("…," the minister explained / kata Kepala
   Biro itu);
2. before the quote: "X mengatakan, “…”", "kata X: “…”", "According to X, “…”";
3. the sentence after it: "Demikian disampaikan (oleh) X";
4. a continuing quote in the same paragraph keeps the previous speaker;
5. the sentence just before names X with a speech verb ("X menjelaskan bahwa …").

A speaker is always a person named in this article. A pronoun is the last
person named shortly before; a role is the person who holds it in this
article. When neither is certain the speaker stays empty and ``why`` says so.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from kemnaker_tui.analysis.entities import english_role
from kemnaker_tui.analysis.lexicon import Lexicon, Matcher, fold
from kemnaker_tui.model import Article, Span

_OPEN = "“„«"
_CLOSE = "”»"
_MIN_WORDS = 4
# Typewriter forms: ''…'' (two apostrophes) toggles like "…"; ``…'' opens with backticks.
_MARKS = re.compile(r"[“„«”»\"]|''|``")
_NAME_WORD = r"[A-Z][\w'’\-]*\.?"
# How far back (in sentences) a pronoun may look for the person it stands for.
_PRONOUN_REACH = 4
_PRONOUN_SUBJECT = re.compile(r"(?:^|,\s)(?:[Ii]a|[Dd]ia|[Bb]eliau|[Hh]e|[Ss]he|lanjut dia|kata dia)\b")


@dataclass(frozen=True)
class PersonAt:
    start: int
    end: int
    entity_id: str
    name: str


@dataclass(frozen=True)
class FoundQuote:
    start: int
    end: int
    unterminated: bool
    speaker: PersonAt | None
    attribution: Span | None
    why: str = ""
    unsure: bool = False


@dataclass(frozen=True)
class _Pick:
    """A speaker decision: who, where the attribution stands, why, and how sure."""
    speaker: PersonAt | None
    attribution: Span | None
    why: str
    unsure: bool = False


def quote_id(article_key: str, start: int) -> str:
    return "q-" + hashlib.sha1(f"{article_key}:{start}".encode()).hexdigest()[:8]


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


class QuoteFinder:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        stems, prefixed, english = _alt(lex.attribution_stems), _alt(lex.attribution_prefixed), \
            _alt(lex.attribution_english)
        self._verbs = rf"(?:{prefixed}|{english})"
        pronouns = _alt(lex.pronouns) or "dia"
        # "…," kata Budi / ujarnya / said Sri Wahyuni / she added
        self._after = re.compile(
            rf"^[\s,]*(?P<verb>(?:{stems})(?P<nya>nya)?|{prefixed}|{english})\b(?P<rest>[^.!?\"“”\n]{{0,260}})",
            re.IGNORECASE)
        # "…," Budi said. / "…," Budi Santoso, the head of …, said.
        self._after_name_first = re.compile(
            rf"^[\s,]*(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s+(?:(?:also|then|later|further|again)\s+)?"
            rf"(?P<verb>{english}|{prefixed})\b")
        self._verb_after_name = re.compile(
            rf"\s*(?:(?:,[^,.\"“”]{{1,90}}){{1,3}},\s*)?(?:(?:also|then|later|further|again|pun|juga)\s+)?"
            rf"(?P<verb>{english}|{prefixed})\b")
        self._after_pronoun = re.compile(
            rf"^[\s,]*(?P<pron>{pronouns})\s+(?:(?:also|then|later|further|again|pun|juga)\s+)?"
            rf"(?P<verb>{english}|{prefixed}|{stems})\b", re.IGNORECASE)
        # "…," the minister explained. / "…," Kepala Biro itu menambahkan.
        self._after_role = re.compile(
            rf"^[\s,]*(?P<role>(?:the\s+)?[\w'’\-]+(?:\s+[\w'’\-]+){{0,7}}?)\s+(?P<verb>{english}|{prefixed})\b",
            re.IGNORECASE)
        self._before = re.compile(
            rf"\b(?P<verb>{prefixed}|{stems}|{english}|bahwa|begini)\b(?P<mid>[^.!?\"“”]{{0,60}}?)\s*[,:]?\s*$",
            re.IGNORECASE)
        self._inner_attribution = re.compile(
            rf",\s*(?:{stems})(?:nya)?\b[^\"“”]{{0,80}}$", re.IGNORECASE)
        openers = _alt(lex.after_sentence_openers) or "demikian"
        agents = _alt(lex.agent_words) or "oleh"
        # "Demikian disampaikan (oleh) X …" / "Hal itu dikatakan X" / "That was said by X"
        self._after_sentence = re.compile(
            rf"\s*(?:{openers})\s+(?:(?:di|ter)\w+|said|stated|conveyed|explained)\s+(?:(?:{agents})\s+)?"
            rf"(?P<who>.{{0,120}})",
            re.IGNORECASE)
        self._speech_verb = re.compile(rf"\b(?:{prefixed}|{english})\b", re.IGNORECASE)
        self._titles = Matcher({form.lower(): group for form, group in lex.title_forms.items()}, lower=True)
        self._pronoun_words = frozenset(w.lower() for w in lex.pronouns)
        self._demonstratives = frozenset(w.lower() for w in lex.demonstratives)

    def find(self, article: Article, people: list[PersonAt]) -> list[FoundQuote]:
        text = article.text
        people = sorted(people, key=lambda p: p.start)
        spans = []
        for para in article.paragraphs:
            spans += self._quote_spans(text, para)
        out: list[FoundQuote] = []
        previous: FoundQuote | None = None
        ctx = _Context(text, article, people, lambda: self._roles(text, article, people), self._titles,
                       self.lex.role_nouns)
        ctx.speech_verb = self._verb_after_name
        for start, raw_end, close_at, unterminated, para in spans:
            start, end = _trim(text, start, raw_end)
            if len(text[start:end].split()) < _MIN_WORDS:
                continue
            pick = self._speaker(ctx, start, close_at, unterminated, para, previous)
            found = FoundQuote(start, end, unterminated, pick.speaker, pick.attribution, pick.why, pick.unsure)
            if previous is not None and previous.unterminated and previous.speaker is None and \
                    found.speaker is not None and _next_paragraph(article, previous.start, start):
                # “… (left open) ¶ “…,” kata Budi. — a quote running over paragraphs is attributed
                # at its end.
                out[-1] = FoundQuote(previous.start, previous.end, True, found.speaker, found.attribution,
                                     "speaker: the quote runs on into the next paragraph, attributed there: "
                                     + found.why.removeprefix("speaker: "), found.unsure)
            out.append(found)
            previous = found
            if found.speaker is not None:
                ctx.last_speaker, ctx.last_speaker_at = found.speaker, found.start
        return out

    # ---- where the quotes are -----------------------------------------
    def _quote_spans(self, text: str, para: Span):
        spans = []
        open_at: int | None = None
        for mark in _MARKS.finditer(text, para.start, para.end):
            i, ch = mark.start(), mark.group(0)
            if ch in _OPEN or ch == "``":
                open_at = mark.end()
            elif ch in _CLOSE:
                if open_at is not None:
                    spans.append((open_at, i, mark.end(), False, para))
                    open_at = None
            else:                                  # " or '': opens or closes
                if open_at is not None:
                    spans.append((open_at, i, mark.end(), False, para))
                    open_at = None
                else:
                    open_at = mark.end()
        if open_at is not None:
            # Left open to the end of the paragraph; an attribution inside ends it.
            start, end = open_at, para.end
            m = self._inner_attribution.search(text, start, end)
            if m and m.start() > start:
                end = m.start()
            spans.append((start, end, end, True, para))
        return spans

    # ---- the roles people hold in this article -------------------------
    def _roles(self, text: str, article: Article, people: list[PersonAt]) -> dict[str, list[tuple[str, str]]]:
        """entity id -> [(title group, role words folded)] from titles printed next to
        the person's name in this article: "Menteri Ketenagakerjaan Yassierli",
        "Keiko Sato, Consul General of …", "the Minister of Manpower, Ida Fauziyah"."""
        roles: dict[str, list[tuple[str, str]]] = {}
        for p in people:
            lo = max(text.rfind("\n", max(0, p.start - 120), p.start) + 1, p.start - 120, 0)
            for s, e, group in self._titles.find(text, lo, p.start):
                gap = text[e:p.start]
                if re.fullmatch(r"(?:[\s,()]|[A-Z0-9][\w'’\-/.]*|of|for|and|dan|the|di|to|untuk|in|at|RI)*", gap):
                    roles.setdefault(p.entity_id, []).append((group, fold(text[s:p.start])))
            line_end = text.find("\n", p.end, p.end + 120)
            hi = min(len(text), p.end + 120, line_end if line_end >= 0 else len(text))
            after = text[p.end:hi]
            m = re.match(r"\s*,\s*(?:the\s+|an?\s+)?", after)
            if m:
                for s, e, group in self._titles.find(text, p.end + m.end(), hi)[:1]:
                    if s == p.end + m.end():
                        tail = re.match(r"[^,.;]*", text[s:hi]).group(0)
                        roles.setdefault(p.entity_id, []).append((group, fold(tail)))
            # English roles without a title: "Minoru Kitagawa, a senior official at …" → "en:official".
            role = english_role(self.lex, text, p.start, p.end, lo, hi)
            if role:
                for w in set(fold(role).split()) & self.lex.role_nouns:
                    roles.setdefault(p.entity_id, []).append(("en:" + w, fold(role)))
        return roles

    # ---- who said it --------------------------------------------------
    def _speaker(self, ctx: _Context, start, close_at, unterminated, para, previous) -> _Pick:
        """``close_at`` is right after the closing mark (or the cut of an open quote)."""
        tail_end = para.end if unterminated else min(para.end, close_at + 180)
        tail = ctx.text[close_at:tail_end]

        pick = self._after_quote(ctx, start, close_at, tail)
        if pick is not None:
            return pick
        pick = self._before_quote(ctx, start, para)
        if pick is not None:
            return pick
        pick = self._sentence_after(ctx, start, close_at, para)
        if pick is not None:
            return pick
        # A continuing quote in the same paragraph keeps its speaker.
        if previous is not None and previous.speaker and previous.end >= para.start:
            return _Pick(previous.speaker, previous.attribution,
                         "speaker: continues the quote before it in the same paragraph", previous.unsure)
        pick = self._sentence_before(ctx, start)
        if pick is not None:
            return pick
        return _Pick(None, None, "no speaker: no attribution next to the quote")

    def _after_quote(self, ctx: _Context, start: int, close_at: int, tail: str) -> _Pick | None:
        text = ctx.text
        # "…," Indonesian Labour Minister Budi Santoso said. / "…," Budi, an official at X, said.
        person = ctx.first_person_after(close_at, close_at + len(tail))
        if person is not None and _only_role_words(text[close_at:person.start]):
            v = self._verb_after_name.match(text, person.end, close_at + len(tail))
            if v:
                return _Pick(person, Span(person.start, v.end("verb")),
                             f"speaker: `{text[close_at:person.end].strip(' ,')} {v.group('verb')}` after the quote")
        # "…," Budi said.
        m = self._after_name_first.match(tail)
        if m:
            name = m.group("name")
            n_start, n_end = close_at + m.start("name"), close_at + m.end("name")
            att = Span(n_start, close_at + m.end("verb"))
            person = ctx.person_in(n_start, n_end)
            plain = name.split()[0].lower() not in self._pronoun_words and not ctx.role_words(name)
            if person is None and plain:
                person = ctx.person_named(name, start)
            if person:
                return _Pick(person, att, f"speaker: `{name} {m.group('verb')}` after the quote")
            if plain:
                if ctx.several_named(name):
                    return _Pick(None, att, f"no speaker: `{name}` before `{m.group('verb')}` "
                                            "fits several people named in the article")
                return _Pick(None, att, f"no speaker: `{name}` before `{m.group('verb')}` "
                                        "is not a person named in the article")
        # "…," she added. / "…," dia menambahkan.
        m = self._after_pronoun.match(tail)
        if m:
            att = Span(close_at + m.start("pron"), close_at + m.end("verb"))
            return self._pronoun(ctx, start, att, f"`{m.group('pron')} {m.group('verb')}`")
        # "…," the minister explained.
        m = self._after_role.match(tail)
        if m and ctx.role_words(m.group("role")):
            att = Span(close_at + m.start("role"), close_at + m.end("verb"))
            pick = self._role(ctx, start, m.group("role"), att, f"`{m.group('role')} {m.group('verb')}`")
            if pick is not None:
                return pick
        # "…," demikian disampaikan Gubernur Budi.
        lead = re.match(r"[\s,]*", tail).end()
        m = self._after_sentence.match(text, close_at + lead, close_at + len(tail))
        if m and not text[max(0, close_at - 3):close_at].rstrip("”\"'»").endswith((".", "!", "?")):
            pick = self._said_by(ctx, start, m, close_at + lead, "after the quote")
            if pick is not None:
                return pick
        # "…," kata Budi / ujarnya / said the minister
        m = self._after.match(tail)
        if not m:
            return None
        verb = m.group("verb")
        att = Span(close_at + m.start("verb"), close_at + m.end("verb"))
        if m.group("nya"):
            return self._pronoun(ctx, start, att, f"`{verb}`")
        rest_start = close_at + m.start("rest")
        rest = m.group("rest")
        lead = re.match(r"[\s,]*(?:(?:oleh|by)\s+)?", rest)
        who_start = rest_start + lead.end()
        who = text[who_start:close_at + m.end("rest")]
        first = re.match(r"[\w'’\-]+", who)
        first_word = first.group(0) if first else ""
        if first_word.lower() in self._pronoun_words:
            return self._pronoun(ctx, start, Span(att.start, who_start + len(first_word)),
                                 f"`{verb} {first_word}`")
        # The first person named right after the verb, with only a role phrase between.
        person = ctx.first_person_after(who_start, close_at + m.end("rest"))
        if person is not None:
            between = text[who_start:person.start]
            if _only_role_words(between) or re.fullmatch(r"[\w\s'’\-]{1,60},\s*", between):
                # "kata Kepala Dinas X, Budi" / "kata salah satu peserta, Budi"
                return _Pick(person, Span(att.start, person.end),
                             f"speaker: `{verb} {text[who_start:person.end].strip()}` after the quote")
        name = re.match(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}", who)
        if name and not ctx.role_words(name.group(0)):
            person = ctx.person_named(name.group(0), start)
            if person is not None:
                return _Pick(person, Span(att.start, who_start + name.end()),
                             f"speaker: `{verb} {name.group(0)}` after the quote")
            return _Pick(None, att, f"no speaker: `{verb} {name.group(0)}` is not a person named in the article")
        if first_word and ctx.role_words(who):
            pick = self._role(ctx, start, who, att, f"`{verb} {_head(who)}`")
            if pick is not None:
                return pick
            return _Pick(None, att, f"no speaker: role `{_head(who)}` is held by no single person in this article")
        if not first_word or who[:1] in ",;(" or first_word.lower() in ("saat", "ketika", "usai", "seusai", "dalam",
                                                                        "di", "kepada", "pada", "when", "while",
                                                                        "after", "during", "at", "in", "on"):
            # "…," katanya. / "…," kata dia. / "…," ujarnya saat ditemui. — the subject named before.
            return self._pronoun(ctx, start, att, f"`{verb}` with no name")
        if first_word[:1].islower():
            phrase = re.match(r"[^,;()]*", who).group(0).split()
            if phrase and phrase[-1].lower() in self._demonstratives - {"the", "this"} or (
                    phrase and phrase[0].lower() in ("the", "sang")):
                # "…," tutur pria asal Solo itu. / said the 45-year-old — someone already named.
                return self._pronoun(ctx, start, att, f"`{verb} {' '.join(phrase[:6])}`")
            # "…," said a spokesman for the ministry. / kata seorang peserta — someone unnamed.
            return _Pick(None, att, f"no speaker: `{verb} {' '.join(phrase[:6])}` names nobody")
        return _Pick(None, att, f"no speaker: `{verb}` is followed by no person")

    def _before_quote(self, ctx: _Context, start: int, para: Span) -> _Pick | None:
        text = ctx.text
        # Before the quote: "Sekjen Anwar mengatakan, “…”", "kata Anwar, “…”".
        clause_start = max(para.start, start - 250)
        head = text[clause_start:start].rstrip("“„«\"'`")
        sentence_break = max(head.rfind(". "), head.rfind("” "), head.rfind('" '), head.rfind("'' "))
        if sentence_break >= 0:
            clause_start += sentence_break + 2
            head = text[clause_start:start].rstrip("“„«\"'`")
        mb = self._before.search(head)
        if mb:
            verb = mb.group("verb")
            verb_at = clause_start + mb.start("verb")
            mid_start, mid_end = clause_start + mb.start("mid"), clause_start + mb.end("mid")
            named_after = [p for p in ctx.people if mid_start <= p.start < mid_end]
            if named_after:
                return _Pick(named_after[0], Span(verb_at, named_after[0].end),
                             f"speaker: `{verb} {named_after[0].name}` before the quote")
            named_before = [p for p in ctx.people if clause_start <= p.start < verb_at]
            if named_before:
                p = named_before[-1]
                return _Pick(p, Span(p.start, clause_start + mb.end("verb")),
                             f"speaker: `{text[p.start:p.end]} … {verb}` before the quote")
            mid = text[mid_start:mid_end]
            if ctx.role_words(mid):
                pick = self._role(ctx, start, mid, Span(verb_at, mid_end), f"`{verb} {_head(mid)}`")
                if pick is not None:
                    return pick
            subject = text[clause_start:verb_at].split()
            att = Span(verb_at, clause_start + mb.end("verb"))
            last = subject[-1].strip(",").lower() if subject else ""
            if last in self._pronoun_words or last.endswith("nya") or not subject:
                return self._pronoun(ctx, start, att, f"`{' '.join(subject[-1:] + [verb])}` before the quote")
            said = " ".join(subject[-3:] + [verb])
            if ctx.role_words(" ".join(subject[-6:])):
                pick = self._role(ctx, start, " ".join(subject[-6:]), att, f"`{said}`")
                if pick is not None:
                    return pick
            return _Pick(None, att, f"no speaker: `{said}` before the quote names no person")
        if head.rstrip().endswith(":"):
            named_before = [p for p in ctx.people if clause_start <= p.start < start]
            if named_before:
                return _Pick(named_before[-1], None,
                             f"speaker: `{named_before[-1].name}` opens the clause ending in `:` before the quote")
        m = re.search(r"\b(?:[Mm]enurut(?:nya)?|[Aa]ccording to)(?:\s+(?P<who>[^,.:]{2,80}))?,?\s*$", head)
        if m and (not m.group("who") or m.group("who").strip().lower() in self._pronoun_words):
            # "Menurutnya, “…”" / "Menurut dia, “…”"
            return self._pronoun(ctx, start, Span(clause_start + m.start(), clause_start + m.end()),
                                 f"`{m.group(0).strip(' ,')}`")
        if m:
            who_start = clause_start + m.start("who")
            person = ctx.first_person_after(who_start, clause_start + m.end("who"))
            if person is not None:
                return _Pick(person, Span(clause_start + m.start(), person.end),
                             f"speaker: `{m.group(0).split()[0]} {person.name}` before the quote")
        return None

    def _sentence_after(self, ctx: _Context, start: int, close_at: int, para: Span) -> _Pick | None:
        """ "Demikian disampaikan (oleh) X" in the sentence right after the quote."""
        text = ctx.text
        after = text[close_at:close_at + 400]
        if text[max(0, close_at - 3):close_at].rstrip("”\"'»").endswith((".", "!", "?")):
            cut = re.match(r"[ \t]*", after)          # “… penuh.” Demikian disampaikan …
        else:
            cut = re.search(r"[.!?]\s+|\n", after)
        if not cut:
            return None
        nxt_start = close_at + cut.end()
        m = self._after_sentence.match(text, nxt_start, min(len(text), nxt_start + 200))
        if not m:
            return None
        return self._said_by(ctx, start, m, nxt_start, "in the sentence after the quote")

    def _said_by(self, ctx: _Context, start: int, m: re.Match, att_start: int, where: str) -> _Pick | None:
        """The speaker named by "Demikian disampaikan (oleh) X" / "Hal itu dikatakan X"."""
        text = ctx.text
        who_start = m.start("who")
        person = ctx.first_person_after(who_start, m.end("who"))
        att = Span(att_start, m.start("who"))
        if person is not None and _only_role_words(text[who_start:person.start]):
            return _Pick(person, Span(att.start, person.end),
                         f"speaker: `{text[att_start:person.end].strip()}` {where}")
        who = m.group("who")
        if ctx.role_words(who):
            return self._role(ctx, start, who, att, f"`{_head(who)}` {where}")
        return None

    def _sentence_before(self, ctx: _Context, start: int) -> _Pick | None:
        """No attribution at all: the sentence just before tells someone speaking
        ("Sekjen Budi menjelaskan bahwa …"). A guess worth checking: unsure."""
        sent = ctx.sentence_before(start)
        if sent is None:
            return None
        verb = self._speech_verb.search(ctx.text, sent.start, sent.end)
        if not verb:
            return None
        named = [p for p in ctx.people if sent.start <= p.start < verb.start()]
        if not named:
            subject = ctx.text[sent.start:verb.start()].split()
            if subject and subject[0].lower() in self._pronoun_words:
                # "Ia menjelaskan:" then the quote in its own paragraph.
                pick = self._pronoun(ctx, start, Span(sent.start, verb.end()),
                                     f"`{subject[0]} {verb.group(0)}` in the sentence before")
                return _Pick(pick.speaker, pick.attribution, pick.why, True)
            return None
        p = named[0]
        return _Pick(p, Span(p.start, verb.end()),
                     f"speaker: `{p.name} … {verb.group(0)}` in the sentence before; the quote has no attribution",
                     unsure=True)

    # ---- pronouns and roles -------------------------------------------
    def _pronoun(self, ctx: _Context, start: int, att: Span, said: str) -> _Pick:
        """A pronoun (or -nya) is the last person named before the quote, looking back
        at most a few sentences; across sentences it is marked unsure."""
        p, sentences_back = ctx.last_person_before(start)
        prev, prev_at = ctx.last_speaker, ctx.last_speaker_at
        if prev is not None and (p is None or p.start < prev_at):
            # No one new named since the previous quote: its speaker goes on talking.
            back = ctx.distance(prev_at, start)
            if back <= _PRONOUN_REACH:
                return _Pick(prev, att, f"speaker: {said} → {prev.name}, the speaker of the quote "
                             f"{back} sentence{'s' if back != 1 else ''} before, no one named since", unsure=True)
        if p is None or sentences_back > _PRONOUN_REACH:
            return _Pick(None, att, f"no speaker: {said} but no person named in the {_PRONOUN_REACH} sentences before")
        if sentences_back == 0:
            return _Pick(p, att, f"speaker: {said} → {p.name}, named earlier in the same sentence")
        plural = "sentence" if sentences_back == 1 else "sentences"
        return _Pick(p, att, f"speaker: {said} → last person named, {p.name}, {sentences_back} {plural} before",
                     unsure=True)

    def _role(self, ctx: _Context, start: int, role_text: str, att: Span, said: str) -> _Pick | None:
        """A role ("the minister", "Kepala Biro itu") is the person holding it in this article."""
        role_text = _role_phrase(role_text)
        found = self._titles.find(role_text.lower())
        if not found:
            return self._english_role(ctx, start, role_text, att, said)
        s, e, group = found[0]
        words = [w for w in fold(role_text[s:]).split()]
        holders = ctx.holders(group, words)
        pick = _holder_pick(ctx, holders, start, att, said, "who holds it in this article",
                            "is held by several people in this article")
        if pick is not None:
            return pick
        last = role_text.lower().split()
        if last and last[-1] in self._demonstratives and last[-1] not in ("the", "this"):
            # "kata Ketua Umum partai itu": someone already named; the speaker of the quote before.
            # (an epithet with "itu" often adds a post the article had not named: "kata Ketua Umum
            # partai itu" after quotes of the minister is the minister)
            prev = ctx.last_speaker
            if prev is not None:
                return _Pick(prev, att, f"speaker: role {said} points back → the previous speaker, {prev.name}",
                             unsure=True)
        return _Pick(None, att, f"no speaker: role {said} is held by no person named in this article")


    def _english_role(self, ctx: _Context, start: int, role_text: str, att: Span, said: str) -> _Pick | None:
        """ "the official added": the one person this article gave that role ("X, a senior official at …")."""
        words = fold(role_text).split()
        nouns = [w for w in words if w in self.lex.role_nouns]
        if not nouns or words[0] not in ("the", "this", "that"):
            return None
        holders = [eid for eid, rs in ctx.roles.items() if any(g == "en:" + nouns[-1] for g, _w in rs)]
        pick = _holder_pick(ctx, holders, start, att, said, "described so in this article",
                            "fits several people in this article")
        if pick is not None:
            return pick
        return _Pick(None, att, f"no speaker: role {said} is held by no person named in this article")


class _Context:
    """One article's people, roles and sentences, as the speaker rules need them."""

    def __init__(self, text: str, article: Article, people: list[PersonAt], roles, titles: Matcher,
                 role_nouns: frozenset[str] = frozenset()) -> None:
        self.text, self.people, self.titles, self.role_nouns = text, people, titles, role_nouns
        self._find_roles = roles           # called once, only if a role has to be resolved
        self._roles = None
        self.speech_verb: re.Pattern | None = None
        self.sentences = list(article.sentences)
        self.last_speaker: PersonAt | None = None
        self.last_speaker_at = 0

    @property
    def roles(self) -> dict[str, list[tuple[str, str]]]:
        if self._roles is None:
            self._roles = self._find_roles()
        return self._roles

    def person_in(self, start: int, end: int) -> PersonAt | None:
        return next((p for p in self.people if start <= p.start < end), None)

    def first_person_after(self, start: int, end: int) -> PersonAt | None:
        return next((p for p in self.people if start <= p.start < end), None)

    def person_named(self, name: str, before: int) -> PersonAt | None:
        """A name printed without being a mention: the one person of this article whose
        name holds all its words ("Sato" → Keiko Sato, unless two Satos are named)."""
        words = fold(name).split()
        if not words:
            return None
        ids = {p.entity_id for p in self.people if all(w in fold(p.name).split() for w in words)}
        if len(ids) != 1:
            return None
        eid = next(iter(ids))
        return self.person_by_id(eid, before)

    def several_named(self, name: str) -> bool:
        """Do two or more people of this article bear all these words ("Mori": Aya and Takeshi Mori)?"""
        words = fold(name).split()
        return len({p.entity_id for p in self.people if words and all(w in fold(p.name).split() for w in words)}) > 1

    def person_by_id(self, eid: str, pos: int) -> PersonAt | None:
        same = [p for p in self.people if p.entity_id == eid]
        before = [p for p in same if p.start < pos]
        return (before or same or [None])[-1]

    def role_words(self, words: str) -> bool:
        """Do these words open with a title ("the minister", "Kepala Biro …", "Menaker")?"""
        low = re.sub(r"^\s*(?:the|oleh|by|sang)\s+", "", words.lower())
        found = self.titles.find(low, 0, min(len(low), 60))
        if found and found[0][0] == 0:
            return True
        # "the official", "the Japanese official": an English role pointing back (never "a spokesman").
        en = re.match(r"\s*(?:the|this|that)\s+(?:[a-z\-]+\s+)?([a-z\-]+)\b", words.lower())
        return bool(en) and en.group(1) in self.role_nouns

    def holders(self, group: str, words: list[str]) -> list[str]:
        """People of this article holding a title of ``group``; when the role names more
        (``Minister of Manpower``), those whose printed role has those words."""
        ids = [eid for eid, rs in self.roles.items() if any(g == group for g, _w in rs)]
        content = [w for w in words if w not in ("itu", "tersebut", "ini", "the", "this", "of", "dan", "and")]
        if len(content) > 1:
            # The role names more than its title ("Ketua Umum partai X"): at least half of
            # those words must be printed with the holder's title, else it is someone else.
            more = content[1:]
            ids = [eid for eid in ids if any(
                g == group and 2 * sum(w in rw.split() for w in more) >= len(more) for g, rw in self.roles[eid])]
        return ids

    def sentence_index(self, pos: int) -> int:
        for i, s in enumerate(self.sentences):
            if s.start <= pos < s.end:
                return i
            if s.start > pos:
                return i - 1
        return len(self.sentences) - 1

    def sentence_before(self, pos: int) -> Span | None:
        i = self.sentence_index(pos)
        if i < 0:
            return None
        s = self.sentences[i]
        if s.start <= pos < s.end:
            i -= 1
        return self.sentences[i] if i >= 0 else None

    def last_person_before(self, pos: int) -> tuple[PersonAt | None, int]:
        """The person a pronoun stands for: in the latest sentence (before pos) that names
        anyone, the one a speech verb follows ("Budi menjelaskan"), else the one the
        sentence opens with (its subject: "Sekjen Budi bertemu Gubernur Ani" → Budi),
        else the last one named."""
        before = [p for p in self.people if p.end <= pos]
        if not before:
            return None, 0
        last = before[-1]
        i = self.sentence_index(last.start)
        sent = self.sentences[i] if 0 <= i < len(self.sentences) else None
        pick = last
        if sent is not None and sent.start <= last.start:
            here = [p for p in before if p.start >= sent.start]
            spoken = [p for p in here if self.speech_verb and self.speech_verb.match(self.text, p.end, p.end + 40)]
            opening = [p for p in here if _only_role_words(self._without_role_nouns(self.text[sent.start:p.start]))]
            pick = (spoken or opening or [last])[0] if len(here) > 1 else last
        return pick, self.distance(pick.start, pos)

    def _without_role_nouns(self, words: str) -> str:
        """ "Labour official Hendra …": an English role noun before the subject is part of its role."""
        return " ".join(w for w in words.split(" ") if w.lower() not in self.role_nouns)

    def distance(self, a: int, b: int) -> int:
        """Sentences from position a back to position b; a sentence that itself speaks
        of him or her ("Ia menambahkan …") carries the reference on and does not count."""
        i, j = self.sentence_index(a), self.sentence_index(b)
        n = 0
        for k in range(max(0, i + 1), j + 1):
            s = self.sentences[k]
            if k < j and _PRONOUN_SUBJECT.search(self.text[s.start:min(s.end, s.start + 60)]):
                continue
            n += 1
        return n


def _next_paragraph(article: Article, a: int, b: int) -> bool:
    """Does position b stand at the start of the paragraph right after a's?"""
    paras = list(article.paragraphs)
    for i, p in enumerate(paras[:-1]):
        if p.start <= a < p.end:
            nxt = paras[i + 1]
            return nxt.start <= b <= nxt.start + 2
    return False


def _role_phrase(words: str) -> str:
    """The role itself out of the words after a verb: its title, the capitalised words
    naming where (connectors inside), and a closing demonstrative
    ("the Minister of Manpower during a tour of …" → "the Minister of Manpower")."""
    toks = words.split()
    out: list[str] = []
    for n, t in enumerate(toks):
        bare = t.strip(",.;:()")
        if n == 0 or bare[:1].isupper() or bare[:1].isdigit():
            out.append(bare)
        elif bare.lower() in ("itu", "tersebut", "ini"):
            out.append(bare)
            break
        elif bare.lower() in ("of", "for", "and", "dan", "untuk", "the") and n + 1 < len(toks) \
                and toks[n + 1][:1].isupper():
            out.append(bare)
        elif n == 1 and out[0].lower() in ("the", "sang", "oleh", "by"):
            out.append(bare)
        else:
            break
        if t.endswith((",", ".", ";", ":")):
            break
    return " ".join(out)


def _head(words: str, n: int = 5) -> str:
    return " ".join(words.split()[:n])


def _only_role_words(between: str) -> bool:
    """Only a role phrase stands between the verb and the name: capitalised words,
    connectors, commas, parentheses ("Kepala Dinas Tenaga Kerja dan Transmigrasi Jateng,")."""
    return bool(re.fullmatch(r"(?:[\s,()/–—]|\s-\s|[A-Z0-9][\w'’\-/.]*|of|for|and|dan|the|di|untuk|bidang|at|in|to|"
                             r"oleh|by|ke|se|RI)*", between))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _holder_pick(ctx: "_Context", holders: list, start: int, att: Span, said: str, one: str,
                 several: str) -> "_Pick | None":
    """A role stands for the one person holding it in this article; held by several,
    it names nobody (never a guess). None when no named person holds it (the caller
    decides what else the role can point to)."""
    if len(holders) == 1:
        p = ctx.person_by_id(holders[0], start)
        return _Pick(p, att, f"speaker: role {said} → {p.name}, {one}", unsure=True) if p is not None else None
    if holders:
        return _Pick(None, att, f"no speaker: role {said} {several}")
    return None
