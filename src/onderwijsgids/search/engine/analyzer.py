"""Dutch text analysis shared by indexing and querying (one analyzer, so both always agree).

Steps: fold (lowercase, strip diacritics, one apostrophe), split into words, split words on
hyphens and apostrophes while also keeping the joined form ("bbl-leerling" → bbl, leerling,
bblleerling), drop stop words, stem with Snowball Dutch (PyStemmer ``dutch``), add the known
sub-words of compounds ("praktijkopleiderscursus" → praktijkopleider, cursus) and add one
concept token per glossary entry whose term or variant occurs ("bbl'er", "beroepsbegeleidende
leerweg" → ``=bbl``). Plain Python, no Django.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

import Stemmer

_STEMMER = Stemmer.Stemmer("dutch")
_WORD = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-"})
CONCEPT_PREFIX = "="
SUBWORD_WEIGHT = 0.7  # a sub-word of a compound counts half a word
JOINED_MIN = 2
COMPOUND_MIN = 7      # only words this long are split
PART_MIN = 4          # each part of a compound has at least this many letters
LINKING = ("", "s", "en", "e")

# Dutch function words that carry no meaning for search (a small, explicit list).
STOP_WORDS = frozenset("""
aan al alle als ben bij dan dat de deze die dit doe doen door dus een en er ga gaan heb hebben
heeft het hier hij hoe hun ik in is je jij jou jouw kan kom komen kun kunnen maar me met mij
mijn moet moeten na naar niet nog nu of om onder ons onze ook op over te tot u uit van veel
voor waar wat wanneer was we welk welke wie wij wil willen word worden wordt ze zich zij zijn
zo zonder zou
""".split())


def fold(text: str) -> str:
    """Lowercase, without diacritics (é → e, ë → e), with one kind of apostrophe and hyphen."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Folded words, hyphenated and apostrophe forms kept whole ("bbl'er", "zij-instromer")."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def split_word(word: str) -> tuple[list[str], str | None]:
    """Parts of a hyphenated/apostrophe word and its joined form (``None`` for a plain word)."""
    parts = [p for p in re.split(r"['\-]", word) if p]
    if len(parts) < 2:
        return parts, None
    return parts, "".join(parts)


@dataclass
class Lexicon:
    """What the analyzer knows beyond the language: the corpus's words and the glossary.

    ``vocabulary`` holds folded surface words seen as whole words (used to recognise the parts
    of compounds and to correct typos); ``concepts`` maps a stem sequence to a concept name.
    """

    vocabulary: set[str] = field(default_factory=set)
    concepts: dict[tuple[str, ...], str] = field(default_factory=dict)
    concept_labels: dict[str, str] = field(default_factory=dict)
    longest_concept: int = 1

    def add_concept(self, name: str, forms: Iterable[str]) -> None:
        self.concept_labels[name] = name
        for form in forms:
            key = tuple(stem(w) for w in _sequence(words(form)))
            if key:
                self.concepts.setdefault(key, name)
                self.longest_concept = max(self.longest_concept, len(key))


def _sequence(surface: list[str]) -> list[str]:
    """The word sequence for phrase matching: hyphenated words as their parts."""
    out: list[str] = []
    for word in surface:
        out.extend(split_word(word)[0])
    return out


def compound_parts(word: str, vocabulary: set[str]) -> list[str]:
    """Split a long word into two known words (with an optional linking s/en/e).

    Prefers the longest head: "praktijkopleiderscursus" → ["praktijkopleider", "cursus"].
    """
    if len(word) < COMPOUND_MIN or not word.isalpha():
        return []
    for cut in range(len(word) - PART_MIN, PART_MIN - 1, -1):
        head, rest = word[:cut], word[cut:]
        if head not in vocabulary:
            continue
        for link in LINKING:
            if rest.startswith(link):
                tail = rest[len(link):]
                if len(tail) >= PART_MIN and tail in vocabulary:
                    return [head, tail]
    return []


@dataclass(frozen=True)
class Token:
    """One index/query term: ``term`` (a stem or a concept), its weight and the word it came from."""

    term: str
    weight: float
    source: str


def analyze(text: str, lexicon: Lexicon, keep_stop_words: bool = False) -> list[Token]:
    """All tokens of ``text``: stems of words and parts, joined forms, sub-words, concepts."""
    surface = words(text)
    tokens: list[Token] = []
    for word in surface:
        parts, joined = split_word(word)
        for part in parts:
            if keep_stop_words or part not in STOP_WORDS:
                tokens.append(Token(stem(part), 1.0, word))
            for sub in compound_parts(part, lexicon.vocabulary):
                tokens.append(Token(stem(sub), SUBWORD_WEIGHT, word))
        if joined and len(joined) >= JOINED_MIN:
            # "bbl'er", "cao's": an apostrophe marks an inflection of the part before it.
            weight = SUBWORD_WEIGHT if "'" in word else 1.0
            tokens.append(Token(stem(joined), weight, word))
            for sub in compound_parts(joined, lexicon.vocabulary):
                tokens.append(Token(stem(sub), SUBWORD_WEIGHT, word))
    tokens.extend(concept_tokens(surface, lexicon))
    return tokens


def concept_tokens(surface: list[str], lexicon: Lexicon) -> list[Token]:
    """One token per glossary phrase found in the word sequence (longest match first).

    A concept found inside one word ("bbl'er") names that word as its source, so a query
    scores the word and its concept as one clause rather than twice.
    """
    if not lexicon.concepts:
        return []
    sequence: list[str] = []
    owner: list[int] = []
    for n, word in enumerate(surface):
        parts = split_word(word)[0]
        sequence += parts
        owner += [n] * len(parts)
    stems = [stem(w) for w in sequence]
    found: list[Token] = []
    names: set[str] = set()
    i = 0
    while i < len(stems):
        for length in range(min(lexicon.longest_concept, len(stems) - i), 0, -1):
            name = lexicon.concepts.get(tuple(stems[i:i + length]))
            if name:
                owners = set(owner[i:i + length])
                source = (surface[owner[i]] if len(owners) == 1
                          else " ".join(surface[n] for n in sorted(owners)))
                found.append(Token(CONCEPT_PREFIX + name, 1.0, source))
                names.add(name)
                i += length
                break
        else:
            i += 1
    # Joined forms ("zijinstromer" for "zij-instromer") match single-word variants too.
    for word in surface:
        joined = split_word(word)[1]
        name = lexicon.concepts.get((stem(joined),)) if joined else None
        if name and name not in names:
            names.add(name)
            found.append(Token(CONCEPT_PREFIX + name, 1.0, word))
    return found


def concept_name(term: str) -> str:
    """A stable concept token name from a glossary term: "erkend leerbedrijf" → "erkend-leerbedrijf"."""
    return "-".join(words(term)) or term


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau–Levenshtein (adjacent transpositions) distance, stopping early beyond ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def allowed_typos(word: str) -> int:
    """Typo tolerance: none below 5 letters, 1 from 5, 2 from 8."""
    return 0 if len(word) < 5 else (1 if len(word) < 8 else 2)


def deletes(word: str) -> set[str]:
    """The word with each single letter removed (for finding near words quickly)."""
    return {word[:i] + word[i + 1:] for i in range(len(word))}
