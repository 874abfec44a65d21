"""Issue 12, set 20: one name in the spellings and scripts different systems give it (all names fictional).

- a Fijian name as an agency hears it ("NATHOLA" of Nacola: c is "th", q "ngg", b "mb", d "nd"), only when the
  draft names the family as Fijian, and only for the family's members;
- a Georgian name in the German or older transcriptions ("Dschanelidse" of Janelidze);
- a name's two words both spelt otherwise, side by side, are the name written whole, even in capitals;
- a name written whole in another script is its one owner's, though its surname alone is the whole family's;
- a word the draft writes in Latin letters for one person is that person in another script too;
- an abugida (Bengali, Gurmukhi, Thai) leaves its unwritten vowels out of a letter-by-letter romanisation;
- Greek and Armenian letter pairs romanised as their passports do ("Γεωργίου" is Georgiou);
- Icelandic thorn written T ("E. Torsson" of Þórsson), and Akan ɔ, ɛ as o, e ("Akɔsua");
- and close names of different people stay apart.
"""

from __future__ import annotations

from pipeline.deid.keyfile import parse_key
from pipeline.deid.names.folding import fold, romanised
from pipeline.deid.names.known import find_known_names


def _key(*people: tuple[str, str, list[str]]):
    return parse_key({"people": [{"code": c, "role": r, "names": n} for c, r, n in people]})


FIJIAN = _key(
    ("CM", "Child M", ["Meresiana Nacola", "Meresiana"]),
    ("MGM", "Child M's grandmother", ["Loata Buadromo"]),
    ("MF", "Child M's father", ["Isikeli Nacola", "Mr Nacola"]),
    ("HV", "Health visitor", ["Nadine Thole", "Ms Thole"]),
)
GEORGIAN = _key(
    ("CN", "Child N", ["Nino Janelidze", "Nino"]),
    ("NB", "Child N's brother", ["Giorgi Janelidze", "Giorgi"]),
    ("NM", "Child N's mother", ["Eka Tsiklauri", "Ms Tsiklauri"]),
)
BENGALI = _key(
    ("CR", "Child R", ["Rubina Akter", "Rubina"]),
    ("RF", "Child R's father", ["Habibur Rahman", "Mr Rahman"]),
    ("RA", "Child R's aunt", ["Rahela Begum"]),
    ("RP", "Child R's grandfather", ["Gurpreet Singh Bains"]),
)


def _codes(text: str, surface: str, key) -> list[str]:
    return [m.code for m in find_known_names(text, key) if m.text == surface]


def test_a_fijian_name_as_an_agency_hears_it_is_the_keyed_name():
    text = 'The family are Fijian. Meresiana came in. The MASH record gives the grandmother as "LOATA MBUANDROMO".'
    assert _codes(text, "LOATA MBUANDROMO", FIJIAN) == ["MGM"]
    text = "The family are Fijian. Meresiana came in. Mr Nathola rang the centre."
    assert _codes(text, "Mr Nathola", FIJIAN) == ["MF"]


def test_without_the_language_named_the_heard_spelling_is_not_taken():
    text = "Meresiana came in. Mr Nathola rang the centre."
    assert _codes(text, "Mr Nathola", FIJIAN) == []
    assert _codes("Meresiana came in. The record has LOATA MBUANDROMO.", "LOATA MBUANDROMO", FIJIAN) == []


def test_the_familys_orthography_never_respells_a_practitioner():
    # in Fijian letters the health visitor's "Thole" would be "Cole": Ms Cole is somebody else
    text = "The family are Fijian. Meresiana came in. Ms Cole from the surgery rang; Ms Thole visited."
    assert _codes(text, "Ms Cole", FIJIAN) == []
    assert _codes(text, "Ms Thole", FIJIAN) == ["HV"]


def test_a_georgian_name_in_the_german_transcription_is_the_keyed_name():
    text = "The family are Georgian. Nino was seen. The police log has Mrs Eka Zyklauri and Nino Dschanelidse."
    assert _codes(text, "Nino Dschanelidse", GEORGIAN) == ["CN"]


def test_a_name_written_whole_in_another_script_is_its_one_owner():
    # ჯანელიძე alone is the whole family's name; with ნინო before it, it is the girl's
    text = "Her school book is signed ნინო ჯანელიძე, and a card reads ჯანელიძე."
    found = {m.text: m.code for m in find_known_names(text, GEORGIAN)}
    assert found.get("ნინო ჯანელიძე") == "CN"
    assert "ჯანელიძე" not in found


def test_a_word_the_draft_codes_in_latin_letters_is_the_same_person_in_its_script():
    text = 'Nino is "Ninuka" at home and Giorgi is "Giorgiko"; Ninuka came. A message: "ნინუკა, მოდი სახლში".'
    codes = {m.text: m.code for m in find_known_names(text, GEORGIAN)}
    assert codes.get("Ninuka") == "CN" and codes.get("ნინუკა") == "CN"
    assert "სახლში" not in codes  # "home": a word, spelt as no name


def test_an_abugida_name_without_its_unwritten_vowels_is_the_keyed_name():
    text = "The letter was addressed to হাবিবুর রহমান and signed by রুবিনা; a card from ਗੁਰਪ੍ਰੀਤ."
    found = {m.text: m.code for m in find_known_names(text, BENGALI)}
    assert found.get("হাবিবুর রহমান") == "RF"
    assert found.get("রুবিনা") == "CR"
    assert found.get("ਗੁਰਪ੍ਰੀਤ") == "RP"


def test_an_abugida_name_with_a_vowel_the_keyed_name_lacks_is_someone_else():
    # "রাহেলা" is Rahela (the aunt); "রাহেলি" has a vowel Rahela does not write, and "রাহিম" (Rahim) has
    # consonants no keyed name has: neither is coded
    text = "Cards from রাহেলা, রাহেলি and রাহিম were on the wall."
    found = {m.text: m.code for m in find_known_names(text, BENGALI)}
    assert found.get("রাহেলা") == "RA"
    assert "রাহেলি" not in found and "রাহিম" not in found


def test_greek_and_armenian_letter_pairs_are_romanised_as_passports_write_them():
    assert romanised("Γεωργίου") == "georgiou"
    assert romanised("Ευστάθιος") == "efstathios" and romanised("Σταύρος") == "stavros"
    assert romanised("Սիրանուշ") == "siranush"
    key = _key(("GF", "Child A's grandfather", ["Stavros Kyriakou"]), ("CA", "Child A", ["Eleni Pappa", "Eleni"]))
    assert _codes("A letter to Σταύρος Κυριάκου came back.", "Σταύρος Κυριάκου", key) == ["GF"]


def test_thorn_written_t_is_the_keyed_name_and_th_still_is():
    assert fold("Þórdís") == "Tordis"
    key = _key(("KF", "Child K's father", ["Bjarki Þórsson", "Bjarki"]))
    assert _codes("Ex-partner B. Torsson: do not visit.", "B. Torsson", key) == ["KF"]
    assert _codes("Bjarki Thorsson rang the office.", "Bjarki Thorsson", key) == ["KF"]


def test_the_open_o_and_e_of_west_african_orthographies_are_o_and_e():
    assert fold("Akɔsua Ɛfua") == "Akosua Efua"
    key = _key(("KM", "Child K's mother", ["Adwoa Mensah-Bonsu", "Adwoa"]), ("KS", "Child K", ["Kofi Mensah-Bonsu"]))
    assert _codes("The church letter, in Twi spelling, was to Adwɔa.", "Adwɔa", key) == ["KM"]
