"""The inverted index over the whole knowledge base, built once per content release.

Each item becomes a document with four weighted fields (BM25F): title > keywords > summary >
body, where the body holds the text, the action bullets, conditions, flows, organisation names
and crebo codes. The index serialises to deterministic bytes (sorted JSON, zlib), so the copy
stored in SQLite and the one in PostgreSQL are the same bytes and give the same results.
"""

from __future__ import annotations

import json
import re
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterable

from onderwijsgids.kb import KnowledgeBase
from onderwijsgids.kb.schema import Item, Kwalificatie, Organisatie
from onderwijsgids.kb.urls import item_path

from .analyzer import Lexicon, analyze, concept_name, deletes, split_word, words

FORMAT_VERSION = 1
FIELDS = ("title", "keywords", "summary", "body")
FIELD_WEIGHTS = {"title": 5.0, "keywords": 3.0, "summary": 2.0, "body": 1.0}
FIELD_LABELS = {"title": "titel", "keywords": "trefwoorden", "summary": "samenvatting",
                "body": "tekst"}

_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"[*_#>|`]+|^\s*[-+]\s+", re.MULTILINE)


def plain_text(markdown: str) -> str:
    """Markdown reduced to readable text for indexing and snippets."""
    text = _MD_LINK.sub(r"\1", markdown or "")
    text = _MD_MARKS.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Document:
    id: str
    type: str
    titel: str
    url: str
    samenvatting: str
    text: str  # the body as plain text, for snippets


def _names(kb: KnowledgeBase, ids: Iterable[str]) -> list[str]:
    found = []
    for item_id in ids:
        item = kb.get(item_id)
        if item is not None:
            found.append(getattr(item, "naam", None) or item.titel)
    return found


def _body_parts(kb: KnowledgeBase, item: Item) -> list[str]:
    """Everything of an item that is text a user may search for, beyond title and summary."""
    parts = [plain_text(item.inhoud)]
    for actie in getattr(item, "acties", []):
        parts += [actie.tekst, actie.toelichting or ""]
    for attr in ("ondersteuning", "typisch_werk", "doelgroep", "leeftijd", "duur", "plaats"):
        value = getattr(item, attr, None)
        if isinstance(value, str):
            parts.append(value)
    if isinstance(item, Kwalificatie):
        parts.append(f"crebo {item.crebo}")
        if item.dossier:
            parts.append(f"dossier {item.dossier}")
        if item.niveau:
            parts.append(f"niveau {item.niveau}")
    if isinstance(item, Organisatie) and item.provincie:
        parts.append(item.provincie.replace("-", " "))
    parts += [v.tekst for v in getattr(item, "voorwaarden", [])]
    parts += [p.label for p in getattr(item, "parameters", [])]
    parts += [p.omschrijving for p in getattr(item, "perioden", [])]
    parts += [s.voorwaarde or "" for s in getattr(item, "stromen", [])]
    parts += [link.label for link in item.links]
    organisations = list(getattr(item, "organisaties", []))
    for attr in ("aanbieder", "organisatie"):
        if getattr(item, attr, None):
            organisations.append(getattr(item, attr))
    parts += _names(kb, organisations)
    parts += [getattr(kb.get(c), "titel", "") for c in getattr(item, "kwalificaties", [])]
    parts += list(getattr(item, "kwalificaties", []))
    return [p for p in parts if p]


def trade_words(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Item ID → the words of the trade the glossary maps to it (``vakwoorden``)."""
    found: dict[str, list[str]] = defaultdict(list)
    for group in kb.glossary.vakwoorden if kb.glossary is not None else []:
        for item_id in group.items:
            found[item_id] += group.woorden
    return dict(found)


def _fields(kb: KnowledgeBase, item: Item, trade: dict[str, list[str]]) -> dict[str, str]:
    title = item.titel
    naam = getattr(item, "naam", None)
    if naam and naam not in title:
        title = f"{title} {naam}"
    return {
        "title": title,
        "keywords": " ; ".join([*item.trefwoorden, *trade.get(item.id, [])]),
        "summary": item.samenvatting,
        "body": " \n".join(_body_parts(kb, item)),
    }


def glossary_lexicon(kb: KnowledgeBase, vocabulary: set[str]) -> Lexicon:
    lexicon = Lexicon(vocabulary=vocabulary)
    if kb.glossary is not None:
        for begrip in kb.glossary.begrippen:
            lexicon.add_concept(concept_name(begrip.term), [begrip.term, *begrip.varianten])
    return lexicon


def _vocabulary(texts: Iterable[str]) -> set[str]:
    """Whole words (and the parts of hyphenated words) that occur in the content."""
    vocabulary: set[str] = set()
    for text in texts:
        for word in words(text):
            parts, joined = split_word(word)
            vocabulary.update(p for p in parts if p.isalpha())
            if joined and joined.isalpha():
                vocabulary.add(joined)
    return vocabulary


@dataclass
class SearchIndex:
    docs: list[Document]
    lengths: list[list[float]]          # per document, per field: token count
    postings: dict[str, list[list[Any]]]  # term -> [[doc, field, tf], ...]
    vocabulary: list[str]               # sorted folded surface words
    concepts: list[list[Any]]           # [[stems...], name]
    extra: dict[str, Any] = field(default_factory=dict)

    # --- derived, built lazily once per process -------------------------------------------

    @cached_property
    def averages(self) -> list[float]:
        count = max(len(self.lengths), 1)
        return [max(sum(row[f] for row in self.lengths) / count, 1.0) for f in range(len(FIELDS))]

    @cached_property
    def lexicon(self) -> Lexicon:
        lexicon = Lexicon(vocabulary=set(self.vocabulary))
        for stems, name in self.concepts:
            lexicon.concepts[tuple(stems)] = name
            lexicon.concept_labels[name] = name
            lexicon.longest_concept = max(lexicon.longest_concept, len(stems))
        return lexicon

    @cached_property
    def by_id(self) -> dict[str, int]:
        return {doc.id: n for n, doc in enumerate(self.docs)}

    @cached_property
    def near_words(self) -> dict[str, list[str]]:
        """Single-letter deletions of each vocabulary word → the words (for typo lookups)."""
        table: dict[str, list[str]] = defaultdict(list)
        for word in self.vocabulary:
            if len(word) >= 4:
                table[word].append(word)
                for variant in deletes(word):
                    table[variant].append(word)
        return dict(table)

    @cached_property
    def trade_words(self) -> frozenset[str]:
        """Folded words of the trade (``vakwoorden`` of the glossary)."""
        return frozenset(self.extra.get("vakwoorden", ()))

    @cached_property
    def document_frequency(self) -> dict[str, int]:
        return {term: len({p[0] for p in plist}) for term, plist in self.postings.items()}

    # --- serialisation ---------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        payload = {
            "version": FORMAT_VERSION,
            "docs": [doc.__dict__ for doc in self.docs],
            "lengths": self.lengths,
            "postings": self.postings,
            "vocabulary": self.vocabulary,
            "concepts": self.concepts,
            "extra": self.extra,
        }
        text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return zlib.compress(text.encode("utf-8"), 6)

    @classmethod
    def from_bytes(cls, data: bytes) -> "SearchIndex":
        payload = json.loads(zlib.decompress(bytes(data)).decode("utf-8"))
        if payload.get("version") != FORMAT_VERSION:
            raise ValueError("zoekindex heeft een onbekende versie")
        return cls(
            docs=[Document(**doc) for doc in payload["docs"]],
            lengths=payload["lengths"],
            postings=payload["postings"],
            vocabulary=payload["vocabulary"],
            concepts=payload["concepts"],
            extra=payload.get("extra", {}),
        )


def build_index(kb: KnowledgeBase) -> SearchIndex:
    """Index every item of ``kb``; deterministic for the same content."""
    items = sorted(kb.items.values(), key=lambda i: (i.type, i.id))
    trade = trade_words(kb)
    fielded = [_fields(kb, item, trade) for item in items]
    glossary_words: list[str] = []
    if kb.glossary is not None:
        for begrip in kb.glossary.begrippen:
            glossary_words += [begrip.term, *begrip.varianten]
        for group in kb.glossary.vakwoorden:  # known words are never "corrected"
            glossary_words += group.woorden
    vocabulary = _vocabulary([t for f in fielded for t in f.values()] + glossary_words)
    lexicon = glossary_lexicon(kb, vocabulary)

    postings: dict[str, dict[tuple[int, int], float]] = defaultdict(dict)
    lengths: list[list[float]] = []
    docs: list[Document] = []
    for n, (item, fields) in enumerate(zip(items, fielded)):
        row = []
        for f, name in enumerate(FIELDS):
            tokens = analyze(fields[name], lexicon)
            row.append(float(sum(1 for t in tokens if t.weight == 1.0)))
            for token in tokens:
                slot = postings[token.term]
                slot[(n, f)] = round(slot.get((n, f), 0.0) + token.weight, 3)
        lengths.append(row)
        docs.append(Document(
            id=item.id, type=item.type, titel=item.titel,
            url=item_path(item.type, item.id), samenvatting=item.samenvatting,
            text=fields["body"][:4000],
        ))
    return SearchIndex(
        docs=docs,
        lengths=lengths,
        postings={term: [[d, f, tf] for (d, f), tf in sorted(slots.items())]
                  for term, slots in sorted(postings.items())},
        vocabulary=sorted(vocabulary),
        concepts=sorted([list(stems), name] for stems, name in lexicon.concepts.items()),
        extra={"digest": kb.digest,
               "vakwoorden": sorted({w for group in trade.values() for text in group
                                     for w in _vocabulary([text])})},
    )
