"""The Dutch analyzer: folding, stemming, hyphens and apostrophes, compounds, glossary, typos."""

from __future__ import annotations

from onderwijsgids.search.engine.analyzer import (
    Lexicon, analyze, compound_parts, edit_distance, fold, stem, words,
)
from onderwijsgids.search.engine.query import clauses_for, correct_typo


def terms(text, lexicon=None):
    return {t.term for t in analyze(text, lexicon or Lexicon())}


def test_diacritics_and_case_are_folded():
    assert fold("Créëer een LEERCULTUUR") == "creeer een leercultuur"
    assert terms("oriëntatie") == terms("orientatie")


def test_dutch_stemming_joins_singular_and_plural():
    assert stem("leerbedrijven") == stem("leerbedrijf")
    assert stem("subsidies") == stem("subsidie")
    assert terms("erkende leerbedrijven") & terms("erkend leerbedrijf")


def test_stop_words_are_dropped():
    assert terms("hoe kom je van de") == set()


def test_hyphenated_words_index_parts_and_joined_form():
    found = terms("bbl-leerling")
    assert {stem("bbl"), stem("leerling"), stem("bblleerling")} <= found
    assert terms("zij-instromer") & terms("zijinstromer")


def test_apostrophe_forms_keep_the_base_word():
    assert stem("bbl") in terms("bbl'er")
    assert words("bbl’ers") == ["bbl'ers"]


def test_compounds_split_into_known_words():
    vocabulary = {"praktijkopleider", "cursus", "leer", "bedrijf"}
    assert compound_parts("praktijkopleiderscursus", vocabulary) == ["praktijkopleider", "cursus"]
    assert compound_parts("leerbedrijf", vocabulary) == ["leer", "bedrijf"]
    assert compound_parts("cursus", vocabulary) == []
    tokens = analyze("praktijkopleiderscursus", Lexicon(vocabulary=vocabulary))
    sub = {t.term: t.weight for t in tokens}
    assert sub[stem("cursus")] < 1.0  # a sub-word counts less than the word itself


def test_glossary_variants_become_one_concept(index):
    lexicon = index.lexicon
    bbl = {t.term for t in analyze("on-the-job", lexicon) if t.term[0] == "="}
    assert bbl and bbl <= {t.term for t in analyze("bbl'er", lexicon)}
    assert {t.term for t in analyze("leermeester", lexicon)} & \
        {t.term for t in analyze("praktijkopleider", lexicon)}


def test_compound_from_the_content_vocabulary(index):
    # "leerbedrijf" occurs on its own, so "mbo-leerbedrijf" and "erkend leerbedrijf" meet.
    assert stem("leerbedrijf") in terms("mbo-leerbedrijf", index.lexicon)


def test_edit_distance_with_transpositions():
    assert edit_distance("subsidie", "subsidei", 2) == 1
    assert edit_distance("werven", "werfen", 1) == 1
    assert edit_distance("bbl", "bol", 1) == 1
    assert edit_distance("abcdef", "uvwxyz", 2) == 3


def test_typos_corrected_only_for_long_enough_words(index):
    assert correct_typo(index, "subsidei") == "subsidie"          # 8 letters: up to 2
    assert correct_typo(index, "stagaire") in {"stagiaire", "stagiair"}
    assert correct_typo(index, "bbbl") is None                    # under 5 letters: none
    _clauses, corrections = clauses_for(index, "bedrijfsvakschol")
    assert corrections == {"bedrijfsvakschol": "bedrijfsvakschool"}
