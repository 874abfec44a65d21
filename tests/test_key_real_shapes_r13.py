"""Key entries and the subject as published reviews declare them (issue 13), on fictional text."""

from __future__ import annotations

from structure_text import build


def test_a_footnote_digit_glued_to_the_subject_code_is_no_new_person():
    report = build(
        "Kestrelford Safeguarding Children Partnership\n\nChild Safeguarding Practice Review\n\nChild T\n\n"
        "1. Introduction\n\n1.1 This review concerns Child T1, a boy of six months. Child T lived with his mother.\n\n"
        "1 Child T is the name the Partnership chose.\n"
    )
    assert "Child T1" not in report.codes()
    assert "Child T" in report.codes()


def test_a_numbered_series_is_kept():
    report = build(
        "Shalebridge Safeguarding Children Board\n\nSerious Case Review\n\nChild P\n\n1. Introduction\n\n"
        "1.1 Child P lived with Child P1 and Child P2. Child P1 was older than Child P2.\n"
    )
    assert {"Child P1", "Child P2"} <= set(report.codes())


def test_the_title_joins_two_coded_subjects():
    report = build(
        "Norbury Safeguarding Children Board\n\nSerious Case Review\n\nconcerning KL1 & KL2\n\nOverview Report\n\n"
        "1. Introduction\n\n1.1 Two babies died.\n"
    )
    assert report.metadata.subject_child == "KL1"
    assert {"KL1", "KL2"} <= set(report.codes())


def test_a_role_word_with_a_letter_is_one_code():
    report = build(
        "Thornbury Safeguarding Partnership\n\nLearning Review: Sisters A and B\n\n1. Introduction\n\n"
        "1.1 This review looks at the help given to two sisters, referred to as Sister A and Sister B, "
        "and their mother (Ms A).\n"
    )
    assert "Sister" not in report.codes()
    assert {"Sister A", "Sister B", "Ms A"} <= set(report.codes())


def test_the_title_names_the_subject_before_a_code_in_a_contents_run():
    report = build(
        "Title: Serious case review overview report: Corvin. LSCB: Tidemouth Safeguarding Children Board "
        "Author: Hesper Oakfold Date of publication: 2018 Tidemouth Safeguarding Children Board Serious Case "
        "Review Overview Report Corvin CONTENTS PART ONE – INTRODUCTION 3 PART TWO – CORVIN AND HIS FAMILY 6 "
        "3.1 THE VOICE OF THE CHILD 31\n\n1. Introduction\n\n1.1 Corvin was seven. Corvin lived with his aunt.\n"
    )
    assert report.metadata.subject_child == "Corvin"


def test_a_key_set_in_pdf_columns_with_spaces():
    report = build(
        "Serious Case Review\nChild N\n\nPeople in this review\nChild N      Subject child\n"
        "Mother       Mother of Child N\nPartner      Mother's partner at the time\n\n"
        "1. Introduction\n\n1.1 Child N died.\n"
    )
    assert {"Child N", "Mother", "Partner"} <= set(report.codes())


def test_a_key_table_headed_name_slash_code():
    report = build(
        "Serious Case Review – Child R\n\nFamily members\nName/Code\tRelationship\tAge\nChild R\tSubject\t7 months\n"
        "Ms R\tMother\t22\nMr V\tMother's partner\t25\n\n1. Introduction\n\n1.1 Child R was hurt.\n"
    )
    assert {"Child R", "Ms R", "Mr V"} <= set(report.codes())


def test_a_board_of_adults_and_children_is_named_whole():
    report = build(
        "Thornbury Vale Safeguarding Adults and Children Partnership\nLearning Review: Child A\n\n1. Introduction\n"
        "\n1.1 Child A was hurt.\n\nBartholomew Quaintance\n"
        "Independent Scrutineer, Thornbury Vale Safeguarding Partnership\n"
    )
    assert report.metadata.board == "Thornbury Vale Safeguarding Adults and Children Partnership"


def test_a_board_after_the_title_on_a_cover_run_into_one_line():
    report = build(
        "Neglect Thematic Review Lindenholm Safeguarding Children Board Ottoline Featherstone Director of "
        "Consultancy Brightwater Associates Ltd. September 2019 CONTENTS 1. Introduction 3 2. Method 4\n"
    )
    assert report.metadata.board == "Lindenholm Safeguarding Children Board"


def test_pseudonyms_listed_in_the_paragraph_that_declares_them():
    report = build(
        "Harwick Safeguarding Children Partnership\nLocal Child Safeguarding Practice Review\n\n1. Introduction\n\n"
        "1.1 The children have been given other names in this report: Tilly (aged 6) and Nell (aged 4) are Finn's "
        "sisters. Names have been changed throughout; in this report the baby is called Finn.\n"
        "1.2 To protect the family, the names used are pseudonyms: mother – Kayleigh; father – Dwayne.\n"
        "1.3 Finn's cousin, Child J (known as Jonty in this report), visited often.\n"
    )
    assert {"Tilly", "Nell", "Finn", "Kayleigh", "Dwayne", "Jonty"} <= set(report.codes())
    assert all(e.pseudonym for e in report.key if e.code in {"Tilly", "Kayleigh", "Jonty"})


def test_a_role_and_a_name_outside_a_pseudonym_paragraph_declare_nothing():
    report = build(
        "Serious Case Review\nChild M\n\n1. Introduction\n\n1.1 The people involved were: mother – Kayleigh; "
        "father – Dwayne. Tilly (aged 6) visited.\n"
    )
    assert not {"Kayleigh", "Dwayne", "Tilly"} & set(report.codes())
