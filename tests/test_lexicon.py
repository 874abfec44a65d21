"""The shared lexicon (pipeline/lexicon.py): one list per concept, and no list contradicting another."""

from __future__ import annotations

import dataclasses

import pytest

from pipeline import lexicon as lx
from pipeline.resources import load_yaml, models_dir


# ---------------------------------------------------------------- the loader
def test_values_are_immutable_and_cached():
    assert lx.titles() is lx.titles()
    assert isinstance(lx.titles(), tuple) and isinstance(lx.title_words(), frozenset)
    with pytest.raises(dataclasses.FrozenInstanceError):
        lx.titles()[0].word = "Sir"  # type: ignore[misc]
    with pytest.raises(TypeError):
        lx.calendar().months["Jan"] = 2  # type: ignore[index]
    with pytest.raises(TypeError):
        lx.title_genders()["Mr"] = "female"  # type: ignore[index]


def test_titles_carry_gender_and_the_subsets_users_need():
    genders = lx.title_genders()
    assert genders["Mrs"] == "female" and genders["Mr"] == "male" and genders["Dr"] is None
    english = {"Mr", "Mrs", "Ms", "Miss", "Mx", "Mister", "Dr"}
    others = {
        "Pani",
        "Herr",
        "Herrn",
        "Frau",
        "Kyrios",
        "Kyria",
        "Senhor",
        "Senhora",
        "Dona",
        "Señor",
        "Señora",
        "Doña",
    }
    others |= {"Signor", "Signora", "Bwana"}  # Mr and Mrs of other languages, before a given name too
    others |= {"Madame", "Mme", "Mademoiselle", "Mlle", "Monsieur", "Sra", "Srta", "Dña", "Mevrouw", "Mevr", "Dhr"}
    others |= {"Doamna", "Domnul"}  # French, Spanish, Dutch and Romanian forms of address
    assert lx.title_words(personal=True) == english | others
    assert "PC" in lx.title_words() and "PC" not in lx.title_words(personal=True)  # "PC A" is a review's lettering
    assert {"Sister", "Officer", "Nurse"} <= lx.title_words(weak=True) and "Mrs" not in lx.title_words(weak=True)
    # "St" starts a place's name: never a person's title, but never part of a person's name either
    assert "St" not in lx.title_words() and "St" in lx.title_words(places=True) and "St" not in genders
    assert lx.title_words(personal=True, casefold=True) == {t.casefold() for t in english | others}


def test_title_pattern_prefers_the_longest_title():
    import re

    pattern = re.compile(rf"(?:{lx.title_pattern(lx.title_words())})\b")
    assert pattern.match("Mrs Hughes").group(0) == "Mrs"
    assert pattern.match("DCI Ward").group(0) == "DCI"


def test_gendered_words_join_family_words_people_words_and_titles():
    female, male = lx.gendered_words("female"), lx.gendered_words("male")
    assert {"mother", "nan", "girl", "mrs", "ms", "dame"} <= female
    assert {"father", "grandad", "boy", "mr", "sir"} <= male
    assert "mrs" not in lx.gendered_words("female", with_titles=False)
    assert "cousin" not in female | male  # a word of either gender
    with pytest.raises(ValueError):
        lx.gendered_words("plural")


def test_words_before_a_name_are_family_words_or_familiar_prefixes():
    before = lx.before_name_words()
    assert {"uncle", "nana", "auntie", "baby", "little"} <= before
    assert "mother" not in before  # "Mother Jane" is no way of naming a relative
    kin = {k.word for k in lx.kin_words()}
    assert before - kin == set(load_yaml("lexicon", "kinship.yaml")["familiar_prefixes"])


def test_calendar_months_and_abbreviations():
    cal = lx.calendar()
    assert cal.full_months[0] == "January" and len(cal.full_months) == 12
    assert sorted(set(cal.months.values())) == list(range(1, 13))
    assert all(cal.months[m] == i + 1 for i, m in enumerate(cal.full_months))
    assert cal.date_abbreviations() == {
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    }
    import re

    full = re.compile(rf"\b(?:{cal.month_pattern(abbreviations=False)})\b")
    assert full.search("in September 2019") and not full.search("in Sept 2019") and not full.search("she may")
    assert re.fullmatch(cal.month_pattern(), "Sept")


def test_reporting_verbs_forms_and_flags():
    forms = lx.reporting_forms()
    assert {"said", "told", "disclosed", "texted", "felt"} <= forms
    assert all(f == f.lower() and " " not in f for f in forms)
    assert "say" in lx.reporting_lemmas(quotes=True) and "text" not in lx.reporting_lemmas(quotes=True)
    assert {"believe", "hope", "want"} <= lx.reporting_lemmas(self_report=True)
    assert {v.kind for v in lx.reporting_verbs()} == {"say", "contact", "think"}


def test_superscript_digits_round_trip():
    assert lx.superscript_digits() == "⁰¹²³⁴⁵⁶⁷⁸⁹"
    assert "12".translate(lx.to_superscript()) == "¹²"
    assert "¹²".translate(lx.from_superscript()) == "12"


def test_kpe_patterns():
    kpe = lx.kpe()
    assert kpe.marker.search("was seen at home (KPE 10).")[1] == "10"
    assert kpe.marker.search("(key practice episode 3)")[1] == "3"
    assert kpe.label("04") == "KPE4"
    assert kpe.in_title.search("4.7 KPE7 Urgent strategy meeting")[1] == "7"
    m = kpe.heading.match("KPE 12: ESW visit to the family")
    assert m and m[1] == "12" and m[2] == "ESW visit to the family"
    assert kpe.trailing.search("Child Q was taken to hospital (KPE 4).")
    assert not kpe.trailing.search("(KPE 4) Child Q was taken to hospital.")


# ---------------------------------------------------------------- no list contradicts another
def test_no_title_is_listed_twice_and_every_gender_is_known():
    words = [t.word.casefold() for t in lx.titles()]
    assert len(words) == len(set(words))
    assert {t.gender for t in lx.titles()} <= {None, "female", "male"}


def test_no_word_has_two_genders():
    assert not lx.gendered_words("female") & lx.gendered_words("male")
    kin = [k.word for k in lx.kin_words()]
    assert len(kin) == len(set(kin))


def test_a_title_that_is_also_a_family_word_has_the_same_gender():
    kin = {k.word: k.gender for k in lx.kin_words()}
    for title in lx.titles():
        if title.word.casefold() in kin:
            assert kin[title.word.casefold()] == title.gender, title.word


def test_events_read_the_lexicon_not_copies_of_it():
    """Events once kept their own gender words and reporting verbs in models/dates/: one home now."""
    from pipeline.events import vocabulary

    assert "gender_words" not in load_yaml("dates", "actions.yaml")
    assert "reporting_lemmas" not in load_yaml("dates", "resolution.yaml")
    assert set(vocabulary.REPORTING_QUOTES) == lx.reporting_lemmas(quotes=True)
    assert set(vocabulary.REPORTING_SELF) == lx.reporting_lemmas(self_report=True)
    assert vocabulary.FOOTNOTE_MARKS == lx.superscript_digits()


def test_the_old_lists_are_gone():
    """Each concept has one home: the lists merged into models/lexicon/ are not kept elsewhere."""
    root = models_dir()
    assert not (root / "titles.yaml").exists()
    assert not (root / "names" / "titles.txt").exists()
    assert not (root / "pseudonymise" / "gender_words.yaml").exists()
    context = load_yaml("pseudonymise", "name_context.yaml")
    assert not {"reporting_verbs", "kin_titles", "personal_titles", "date_abbreviations"} & set(context)
    assert not {"male_words", "female_words"} & set(load_yaml("themes_people.yaml"))
    assert "kpe_heading" not in load_yaml("structure", "report_shapes.yaml")


# ---------------------------------------------------------------- the users read the lexicon
def test_users_read_the_shared_lists():
    from pipeline.deid import keyfile
    from pipeline.deid.names.unknown import lexicon as name_lexicon
    from pipeline.themes.people import load_people_rules

    assert dict(keyfile.title_genders()) == dict(lx.title_genders())
    assert name_lexicon().titles == lx.title_words(places=True, finder=True)
    assert name_lexicon().weak_titles == lx.title_words(weak=True, finder=True)
    agreement = load_people_rules().agreement
    assert agreement["female_words"] == lx.gendered_words("female")
    assert agreement["male_words"] == lx.gendered_words("male")


def test_role_gender_uses_the_family_words():
    from pipeline.deid.keyfile import infer_gender

    assert infer_gender([], "Child E's grandmother") == "female"
    assert infer_gender([], "Maternal uncle") == "male"
    assert infer_gender(["Mrs Ada Vale"], "Carer") == "female"
    assert infer_gender([], "Family friend") is None
