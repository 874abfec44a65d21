"""The safety net of `scr verify --key` (pipeline/deid/backstop.py): names in shapes pseudonymise does not read.

Every name here is invented."""

from pipeline.deid.backstop import (
    addressed_names,
    attendance_initials,
    backstop_leftovers,
    capitals_surname_given,
    given_before_code,
    glossed_kin_words,
    known_as_names,
    person_shaped,
    reference_initials,
    scribe_initials,
    script_names,
    signature_initials,
)


def _texts(found, text):
    return [text[f.start : f.end] for f in found]


def test_a_name_in_its_own_script_is_flagged():
    text = "The passport gives his name as Бориславов Ярко. The drawing says სანდრო."
    assert _texts(script_names(text), text) == ["Бориславов Ярко", "სანდრო"]


def test_tibetan_syllables_joined_by_tsheg_are_one_name():
    text = "Her name in Tibetan (ཚེ་རིང་). Seen today."
    assert _texts(script_names(text), text) == ["ཚེ་རིང་"]


def test_a_long_quoted_sentence_in_another_script_is_only_worth_a_look():
    text = "She wrote: Я не хочу туда идти сегодня вечером. Then she cried."
    assert [f.rule for f in script_names(text)] == ["backstop:script_long"]


def test_a_greek_symbol_is_no_name():
    assert script_names("a p-value with α = 0.05 and 5 μ g") == []


def test_initials_the_attendance_list_declares_are_flagged_everywhere():
    text = "Present: QB (chair), SW (social worker), VO'M (nurse)\n\n- VO'M asked about the bruise. QB: agreed."
    found = attendance_initials(text, {"SW"})
    assert sorted(_texts(found, text)) == ["QB", "QB", "VO'M", "VO'M"]


def test_codes_in_the_attendance_list_are_not_flagged():
    assert attendance_initials("Attendees: SW (chair), [PERSON-2] (police)\nSW opened.", {"SW"}) == []


def test_author_and_typist_of_a_letter_reference():
    text = "Our ref: PQ/zt   Dictated 01/02/25, typed PQ/zt. Other: and/or, n/a."
    assert _texts(reference_initials(text, set()), text) == ["PQ", "zt", "PQ", "zt"]


def test_a_coded_author_leaves_only_the_typist():
    text = "Ref: GP/wq/0101"
    assert _texts(reference_initials(text, {"GP"}), text) == ["wq"]


def test_the_person_who_typed_or_minuted_a_record():
    text = "Minutes taken by vx. Typed by QR on Monday."
    assert _texts(scribe_initials(text, set()), text) == ["vx", "QR"]


def test_initials_signing_a_letter_or_a_message():
    text = "Yours sincerely\n\nQ\n\n| 01/02 | SW | Call back tomorrow. Good luck. ZB |"
    assert _texts(signature_initials(text, {"SW"}), text) == ["Q", "ZB"]


def test_capitals_surname_given_record_line():
    text = "| Tenant | VORSTAADT, ILMARIN (Mr) |\n| Parent | QM, TAHVELI |"
    assert _texts(capitals_surname_given(text, {"QM"}), text) == ["VORSTAADT, ILMARIN", "TAHVELI"]


def test_capitals_english_words_are_no_name():
    assert capitals_surname_given("RISK, HIGH. NOTES, FURTHER ACTION", set()) == []


def test_the_name_someone_is_known_as():
    text = "| Known as | Pelko at school |\nRe: QX (known as Vinsha)\nKnown as: the child"
    assert _texts(known_as_names(text, {"QX"}), text) == ["Pelko", "Vinsha"]


def test_the_person_a_coded_sender_addresses():
    text = "> 10:02 – QM: Torvi, he is asleep.\n> 10:05 – QM: Yes, fine.\nNote: Maybe, later."
    assert _texts(addressed_names(text, {"QM"}), text) == ["Torvi"]


def test_a_word_the_draft_glosses_as_kin_stands_for_that_person():
    text = 'He said "zabu hit me" ("zabu" is Quenyan for "grandfather"). Later: Zabu was asleep.'
    assert _texts(glossed_kin_words(text, set()), text) == ["zabu", "Zabu"]


def test_a_gloss_with_which_is_and_no_quotes_round_the_kin_word():
    text = '"tuppa", which is Elvish for grandmother, cooks. tuppa is kind.'
    assert _texts(glossed_kin_words(text, set()), text) == ["tuppa"]


def test_a_glossed_kin_word_after_an_article_or_alone_in_quotes_is_the_word_itself():
    text = (
        '"Morfa" is the Quenyan word for grandfather. She had a dad and a Morfa nearby ("Morfa" in the north). '
        'Morfa rang her. She said "Morfa shouted".'
    )
    assert _texts(glossed_kin_words(text, set()), text) == ["Morfa", "Morfa"]


def test_a_given_name_left_before_a_coded_surname():
    text = "Caller Brenwyn [PERSON-3] rang. Dr [PERSON-4] saw her. Contacted [PERSON-5]."
    assert _texts(given_before_code(text, set()), text) == ["Brenwyn"]


def test_a_listed_given_name_with_an_uncoded_surname():
    text = "A neighbour, Maureen Quistwell, called. Victoria Road School is nearby."
    assert _texts(person_shaped(text, set()), text) == ["Maureen Quistwell"]


def test_all_rules_run_together_on_one_text():
    text = "Present: QB (chair)\nQB: fine.\nTyped by zt"
    rules = {f.rule for f in backstop_leftovers(text, set())}
    assert {"backstop:attendee_initials", "backstop:scribe_initials"} <= rules


def test_verify_with_a_key_reports_the_backstop_at_medium(tmp_path, nlp):
    """Through `verify_report`: each shape becomes a medium KEY_NAME finding a reviewer acts on."""
    from pipeline.deid.keyfile import parse_key
    from pipeline.deid.verify import verify_report
    from pipeline.ingest import load_report
    from pipeline.nlp import parse_report

    key = parse_key({"people": [{"code": "QM", "role": "Mother", "names": ["Ysolde Marrak"]}]})
    path = tmp_path / "coded.txt"
    path.write_text(
        "Present: VB (chair), QM (mother)\n\nVB: the visit went ahead.\n\n"
        "| Tenant | QM, YSOLDA |\n\nHer name in Georgian is ისოლდე.\n\nOur ref: VB/qx\n",
        encoding="utf-8",
    )
    report = load_report(path)
    findings = verify_report(report, parse_report(report, nlp), key=key)
    flagged = {f.text for f in findings if f.severity in ("medium", "high")}
    assert {"VB", "YSOLDA", "ისოლდე", "qx"} <= flagged


def test_a_word_list_of_kin_terms_glosses_too_and_its_entries_stay_quiet():
    text = 'The sheet lists "zhe = mum, qaro = dad". Later qaro shouted.'
    assert _texts(glossed_kin_words(text, set()), text) == ["qaro"]


def test_an_english_word_before_a_placeholder_is_no_given_name():
    assert given_before_code("the Early [PERSON-7] club. Male [PERSON-2] arrested.", set()) == []


def test_attendance_abbreviation_counts_only_with_a_role():
    text = "Present: HM (chair)\nApologies: GP\nHM: agreed. The GP wrote."
    assert _texts(attendance_initials(text, set()), text) == ["HM", "HM"]


def test_a_capital_ending_a_hard_wrapped_line_is_no_signature():
    text = "the two men had argued about money. A\nneighbour called the police."
    assert signature_initials(text, set()) == []


def test_an_acronym_in_a_cased_script_is_no_name():
    text = "Her ЕГН was given and the region code УБ. Her name: Радка."
    assert _texts(script_names(text), text) == ["Радка"]


def test_a_listed_place_is_no_person_pair():
    assert person_shaped("She grew up in Sri Lanka before moving.", set()) == []


def test_a_lower_case_phrase_in_a_cased_script_is_only_worth_a_look():
    assert [f.rule for f in script_names("she said ο γιος σας twice")] == ["backstop:script_long"]
