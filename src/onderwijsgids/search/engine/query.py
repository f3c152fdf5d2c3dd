"""Answering a question from the index: ranking with an explainable score, snippets, facets.

A query becomes *clauses*, one per meaningful word and one per glossary concept it contains.
A clause scores a document with the best of its alternatives (the word's stem, the parts of a
hyphenated word, known sub-words of a compound at half weight, a typo correction); the document
score is the sum over clauses of BM25F: ``idf × t / (k1 + t)`` with ``t`` the field-weighted,
length-normalised term frequency. :func:`explain` returns the same numbers per term and field.
"""

from __future__ import annotations

import difflib
import html
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from onderwijsgids.errors import InvalidInput, Problem

from .analyzer import (
    CONCEPT_PREFIX, STOP_WORDS, Token, allowed_typos, analyze, deletes, edit_distance, fold,
    split_word, stem, words,
)
from .index import FIELD_LABELS, FIELD_WEIGHTS, FIELDS, Document, SearchIndex

K1 = 1.2
B = {"title": 0.3, "keywords": 0.3, "summary": 0.5, "body": 0.75}
TYPO_WEIGHT = 0.8
MAX_QUERY_LENGTH = 200
SNIPPET_CHARS = 220
SNIPPET_SENTENCES = 80  # a snippet is taken from the first sentences of a document
DIRECT_BONUS = 1000.0
# Where relevance ends: a hit scores at least this share of the best hit, and for a question
# of three or more meaningful words it matches at least half of them (rounded up) unless it
# scores at least STRONG_SHARE of the best hit (one rare word can carry a question).
RELATIVE_FLOOR = 0.4
STRONG_SHARE = 0.6
_CREBO = re.compile(r"^\d{5}$")


class QueryError(InvalidInput):
    """The question cannot be searched (empty or too long): one problem with the field ``q``."""

    def __init__(self, message: str):
        super().__init__([Problem("q", message)])


@dataclass
class Clause:
    label: str                                # the word or phrase of the question
    alternatives: dict[str, float]            # term -> weight


@dataclass
class Hit:
    id: str
    type: str
    titel: str
    url: str
    score: float
    snippet: str = ""
    direct: bool = False


@dataclass
class Result:
    query: str
    hits: list[Hit]
    counts: dict[str, int]                    # per item type, before the type filter
    total: int
    corrections: dict[str, str] = field(default_factory=dict)
    suggestion: str | None = None
    # Per document: what of the question it matched (clause, term, fields), for snippets.
    matches: dict[int, list[tuple[str, str, dict[str, float]]]] = field(
        default_factory=dict, repr=False, compare=False)


def validate_query(q: str | None) -> str:
    q = (q or "").strip()
    if not q:
        raise QueryError("vul een zoekvraag in")
    if len(q) > MAX_QUERY_LENGTH:
        raise QueryError(f"de zoekvraag is te lang (maximaal {MAX_QUERY_LENGTH} tekens)")
    return q


# --- from question to clauses ------------------------------------------------------------


def correct_typo(index: SearchIndex, word: str) -> str | None:
    """The nearest vocabulary word within the allowed distance, or ``None``.

    Candidates share a single-letter deletion with ``word`` (covers one substitution, insertion,
    deletion or transposition, and some pairs of them); each is checked with the real distance.
    Ties go to a word of the trade ("lasen" → "lassen", not "laten"), then to the word in more
    documents, then alphabetical order, so results are stable. A word of the trade is known,
    so it is never corrected itself.
    """
    limit = allowed_typos(word)
    if not limit or not word.isalpha():
        return None
    table = index.near_words
    candidates: set[str] = set(table.get(word, ()))
    for variant in deletes(word):
        candidates.update(table.get(variant, ()))
        if variant in index.lexicon.vocabulary:
            candidates.add(variant)
    best: tuple[int, bool, int, str] | None = None
    for candidate in candidates:
        distance = edit_distance(word, candidate, limit)
        if distance <= limit:
            key = (distance, candidate not in index.trade_words,
                   -index.document_frequency.get(stem(candidate), 0), candidate)
            best = key if best is None or key < best else best
    return best[3] if best else None


def _known(index: SearchIndex, word: str) -> bool:
    return word in index.lexicon.vocabulary or stem(word) in index.postings


def corrections_for(index: SearchIndex, q: str) -> dict[str, str]:
    found = {}
    for word in words(q):
        parts, joined = split_word(word)
        for part in parts if joined is None or not _known(index, joined) else []:
            if part in STOP_WORDS or _known(index, part):
                continue
            correction = correct_typo(index, part)
            if correction:
                found[part] = correction
    return found


def clauses_for(index: SearchIndex, q: str) -> tuple[list[Clause], dict[str, str]]:
    corrections = corrections_for(index, q)
    text = " ".join("".join(corrections.get(p, p) for p in re.split(r"(['\-])", w))
                    for w in words(q))
    grouped: dict[str, dict[str, float]] = {}
    tokens = analyze(text, index.lexicon)
    sources = {t.source for t in tokens}
    for token in tokens:
        weight = token.weight
        if token.source in corrections.values():
            weight *= TYPO_WEIGHT
        for source in _owners(token, sources):
            slot = grouped.setdefault(source, {})
            slot[token.term] = max(slot.get(token.term, 0.0), weight)
    clauses = [Clause(label=source, alternatives=alts) for source, alts in grouped.items()]
    return _dedupe(clauses), corrections


def _owners(token: Token, sources: set[str]) -> list[str]:
    """The clause a token belongs to. A concept found in a phrase ("bbl leerling" → =bbl) is
    one more way of matching the phrase's first word that is a clause ("bbl"), not a clause of
    its own: otherwise every item about bbl would score the word twice."""
    if not token.term.startswith(CONCEPT_PREFIX) or " " not in token.source:
        return [token.source]
    inner = [w for w in token.source.split(" ") if w in sources]
    return inner[:1] or [token.source]


def _dedupe(clauses: list[Clause]) -> list[Clause]:
    """A repeated word counts once."""
    seen: set[tuple[tuple[str, float], ...]] = set()
    unique = []
    for clause in clauses:
        key = tuple(sorted(clause.alternatives.items()))
        if key not in seen:
            seen.add(key)
            unique.append(clause)
    return unique


# --- scoring -----------------------------------------------------------------------------


def _idf(index: SearchIndex, term: str) -> float:
    n = len(index.docs)
    df = index.document_frequency.get(term, 0)
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def term_contributions(index: SearchIndex, term: str, weight: float,
                       ) -> dict[int, dict[str, float]]:
    """Per document, per field: the share of the BM25F score of ``term`` (times ``weight``)."""
    per_doc: dict[int, dict[str, float]] = defaultdict(dict)
    for doc, f, tf in index.postings.get(term, ()):
        name = FIELDS[f]
        norm = 1 - B[name] + B[name] * index.lengths[doc][f] / index.averages[f]
        per_doc[doc][name] = FIELD_WEIGHTS[name] * tf / norm
    idf = _idf(index, term)
    result = {}
    for doc, parts in per_doc.items():
        total = sum(parts.values())
        saturated = idf * weight * total / (K1 + total)
        result[doc] = {name: saturated * part / total for name, part in parts.items()}
    return result


def _score_clause(index: SearchIndex, clause: Clause,
                  ) -> dict[int, tuple[float, str, dict[str, float]]]:
    """Per document: (score, the winning term, its per-field contributions)."""
    best: dict[int, tuple[float, str, dict[str, float]]] = {}
    for term, weight in sorted(clause.alternatives.items()):
        for doc, fields in term_contributions(index, term, weight).items():
            score = sum(fields.values())
            if doc not in best or score > best[doc][0]:
                best[doc] = (score, term, fields)
    return best


def _direct_match(index: SearchIndex, q: str) -> int | None:
    """A crebo code or an item ID typed as the whole question goes straight to its item."""
    key = fold(q).strip()
    if key in index.by_id and (_CREBO.match(key) or "-" in key or key.isalpha()):
        return index.by_id[key]
    return None


def score_documents(index: SearchIndex, q: str,
                    ) -> tuple[dict[int, float], dict[int, list[tuple[str, str, dict[str, float]]]],
                               dict[str, str]]:
    clauses, corrections = clauses_for(index, q)
    scores: dict[int, float] = defaultdict(float)
    matched: dict[int, list[tuple[str, str, dict[str, float]]]] = defaultdict(list)
    for clause in clauses:
        for doc, (score, term, fields) in _score_clause(index, clause).items():
            scores[doc] += score
            matched[doc].append((clause.label, term, fields))
    direct = _direct_match(index, q)
    if direct is not None:
        scores[direct] = max(scores.values(), default=0.0) + DIRECT_BONUS
    return dict(scores), dict(matched), corrections


def explain(index: SearchIndex, q: str, doc_id: str) -> dict:
    """Why ``doc_id`` scored what it did for ``q``: one row per clause, term and field."""
    scores, matched, _corrections = score_documents(index, q)
    doc = index.by_id.get(doc_id)
    rows = []
    for label, term, fields in matched.get(doc, []) if doc is not None else []:
        for name, value in sorted(fields.items()):
            rows.append({"woord": label, "term": term, "veld": FIELD_LABELS[name],
                         "bijdrage": value})
    return {"id": doc_id, "score": scores.get(doc, 0.0) if doc is not None else 0.0,
            "direct": doc is not None and doc == _direct_match(index, q), "onderdelen": rows}


def search(index: SearchIndex, q: str, item_type: str | None = None, limit: int = 10,
           snippets: bool = False) -> Result:
    """The ranked answer to ``q``: best first, ties broken by item ID for stable output."""
    q = validate_query(q)
    scores, matched, corrections = score_documents(index, q)
    direct = _direct_match(index, q)
    ranked = relevant(sorted(scores.items(), key=lambda kv: (-kv[1], index.docs[kv[0]].id)),
                      matched, direct)
    counts = Counter(index.docs[doc].type for doc, _ in ranked)
    if item_type:
        ranked = [(doc, s) for doc, s in ranked if index.docs[doc].type == item_type]
    hits = []
    for doc, score in ranked[:limit]:
        d = index.docs[doc]
        hit = Hit(id=d.id, type=d.type, titel=d.titel, url=d.url, score=round(score, 4),
                  direct=doc == direct)
        if snippets:
            hit.snippet = snippet(index, doc, matched.get(doc, []))
        hits.append(hit)
    result = Result(query=q, hits=hits, counts=dict(sorted(counts.items())), total=len(ranked),
                    corrections=corrections, matches=matched)
    if not scores:
        result.suggestion = did_you_mean(index, q)
    return result


def relevant(ranked: list[tuple[int, float]],
             matched: dict[int, list[tuple[str, str, dict[str, float]]]],
             direct: int | None = None) -> list[tuple[int, float]]:
    """The ranked hits up to where relevance ends (see ``RELATIVE_FLOOR``): a question about
    subsidie for a bbl learner should not list every page that mentions bbl. An item asked
    for by its ID or crebo code stays first and does not set the floor."""
    others = [(doc, score) for doc, score in ranked if doc != direct]
    if not others:
        return ranked
    clauses = len({label for rows in matched.values() for label, _t, _f in rows})
    needed = (clauses + 1) // 2 if clauses >= 3 else 1
    floor = others[0][1] * RELATIVE_FLOOR
    strong = others[0][1] * STRONG_SHARE
    kept = [(doc, score) for doc, score in others
            if score >= floor and (score >= strong or len(matched.get(doc, ())) >= needed)]
    return [(doc, score) for doc, score in ranked if doc == direct] + kept


# --- did you mean -------------------------------------------------------------------------


def did_you_mean(index: SearchIndex, q: str) -> str | None:
    """A nearby question that does give results: each unknown word replaced by a close one."""
    changed = False
    out = []
    for word in words(q):
        if word in STOP_WORDS or _known(index, word) or len(word) < 3:
            out.append(word)
            continue
        close = difflib.get_close_matches(word, index.vocabulary, n=1, cutoff=0.7)
        if close:
            out.append(close[0])
            changed = True
        else:
            out.append(word)
    if not changed:
        return None
    suggestion = " ".join(out)
    scores, _m, _c = score_documents(index, suggestion)
    return suggestion if scores else None


# --- snippets -----------------------------------------------------------------------------

_SENTENCE = re.compile(r"(?<=[.!?:;])\s+|\s*\n\s*")
_TEXT_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def _mark_terms(index: SearchIndex, matches: list[tuple[str, str, dict[str, float]]]) -> set[str]:
    """Stems whose words get marked: matched stems and the words of matched concepts."""
    terms: set[str] = set()
    for _label, term, _fields in matches:
        if term.startswith(CONCEPT_PREFIX):
            name = term[len(CONCEPT_PREFIX):]
            for stems, concept in index.concepts:
                if concept == name:
                    terms.update(stems)
        else:
            terms.add(term)
    return terms


@lru_cache(maxsize=50_000)
def _word_stems(word: str) -> frozenset[str]:
    """The stems a word of the text stands for: its own, or for "zij-instromer" each part's and
    the joined form's. A word of the guide always gives the same answer, and a snippet looks
    at hundreds of them: worked out once per word (like :func:`stem`)."""
    parts, joined = split_word(fold(word))
    return frozenset(stem(p) for p in parts + ([joined] if joined else []))


def _word_matches(word: str, terms: set[str]) -> bool:
    return not terms.isdisjoint(_word_stems(word))


@dataclass(frozen=True)
class _Sentence:
    text: str
    words: tuple[frozenset[str], ...]  # per distinct (folded) word: the stems it stands for
    stems: frozenset[str]              # all of them: a sentence without a matched stem is skipped

    def matched_words(self, terms: set[str]) -> int:
        if terms.isdisjoint(self.stems):
            return 0
        return sum(1 for stems in self.words if not terms.isdisjoint(stems))


@lru_cache(maxsize=2000)
def _sentences(text: str) -> tuple[_Sentence, ...]:
    """The first sentences of a document (all a snippet looks at) with their words' stems: the
    same for every question, so worked out once per document text."""
    found = []
    for sentence in [s for s in _SENTENCE.split(text) if s.strip()][:SNIPPET_SENTENCES]:
        distinct = {fold(w.group()): w.group() for w in _TEXT_WORD.finditer(sentence)}
        stems = tuple(_word_stems(w) for w in distinct.values())
        found.append(_Sentence(sentence, stems, frozenset().union(*stems)))
    return tuple(found)


def prepare_snippets(index: SearchIndex) -> None:
    """Work out every document's sentences and their words' stems now (a web worker does this
    at start-up, so that they are built once and kept out of garbage collections)."""
    for d in index.docs:
        _sentences(_snippet_text(d))


def _snippet_text(d: Document) -> str:
    return f"{d.samenvatting}\n{d.text}"


def snippet(index: SearchIndex, doc: int, matches: list[tuple[str, str, dict[str, float]]]) -> str:
    """The sentence of the summary or text with the most matched words, HTML-escaped, matched
    words in <mark>."""
    d = index.docs[doc]
    terms = _mark_terms(index, matches)
    sentences = _sentences(_snippet_text(d))
    best, best_hits = sentences[0].text if sentences else "", -1
    for sentence in sentences:
        hits = sentence.matched_words(terms)
        if hits > best_hits:
            best, best_hits = sentence.text, hits
    return _highlight(_window(best, terms), terms)


def _window(sentence: str, terms: set[str]) -> str:
    """At most about ``SNIPPET_CHARS`` of ``sentence`` around its first matched word, starting
    and ending on a word boundary, with "…" where text was left out."""
    if len(sentence) <= SNIPPET_CHARS:
        return sentence
    first = next((w.start() for w in _TEXT_WORD.finditer(sentence)
                  if _word_matches(w.group(), terms)), 0)
    start = max(0, min(first - 40, len(sentence) - SNIPPET_CHARS))
    if start:
        space = sentence.find(" ", start, first + 1) if first >= start else -1
        start = space + 1 if space >= 0 else start
    end = start + SNIPPET_CHARS
    if end < len(sentence):
        space = sentence.rfind(" ", start, end + 1)
        end = space if space > start else end
    cut = sentence[start:end].strip().rstrip(",;:")
    return ("…" if start else "") + cut + ("…" if end < len(sentence) else "")


def _highlight(text: str, terms: set[str]) -> str:
    out, last = [], 0
    for match in _TEXT_WORD.finditer(text):
        if _word_matches(match.group(), terms):
            out.append(html.escape(text[last:match.start()]))
            out.append(f"<mark>{html.escape(match.group())}</mark>")
            last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


__all__ = ["Clause", "Hit", "QueryError", "Result", "Token", "explain", "search",
           "validate_query", "did_you_mean", "snippet", "prepare_snippets", "MAX_QUERY_LENGTH"]
