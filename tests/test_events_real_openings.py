"""Events on the openings of real published reviews and their press pages (issue 13,
events, measured with bench/eval_real.py): what the first pages hold around the
story (page titles, repository upload lines, one-line PDF covers, flattened contents
lists, cited guidance, the board chair's quote, the review's own apparatus, court
sentence lengths) and the ways a summary tells the story (a death as the subject, a
perfect participle with its own date, states and present modals).  All texts are
fictional and written for these tests, in shapes seen on real pages; none is the
sentence that motivated the rule.
"""

from __future__ import annotations

import datetime as dt

from test_events_real_shapes import event_with, events_of

D = dt.date


def sentences(events) -> list[str]:
    return [e.sentence for e in events]


def dated(events, fragment: str) -> list:
    return [e for e in events if fragment in e.sentence and e.date is not None]


def test_a_page_title_that_names_learning_excludes_nothing_below_it(tmp_path, nlp):
    """A news page: site title, a section title ("Lessons from Local Reviews") that would
    exclude its section, then the story; before the body it is a title, not a section."""
    text = (
        "Partnership News\n\n"
        "Lessons from Local Reviews\n\n"
        "Our partnership publishes its reviews so that practitioners in Northvale can learn from them and improve.\n\n"
        "Practice Review Ellis – published 3rd March 2022\n\n"
        "The review is about Ellis, an infant who died in the winter of 2020. Ellis was born in Hartlepool in "
        "April 2020 and moved to Northvale with his father in June 2020.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "was born in Hartlepool").date == D(2020, 4, 1)
    assert dated(events, "who died in the winter of 2020")
    assert not any(e.date == D(2022, 3, 3) for e in events)


def test_a_month_and_year_with_a_comma_between_are_one_date(tmp_path, nlp):
    text = (
        "Chronology\n\n"
        "Baby Q was admitted to hospital one evening in October, 2016. "
        "On March 9, 2017 the family moved to a new flat.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "admitted to hospital").date == D(2016, 10, 1)
    assert event_with(events, "moved to a new flat").date == D(2017, 3, 9)


def test_the_day_before_a_month_stays_in_that_month(tmp_path, nlp):
    text = (
        "Summary of events\n\n"
        "Child N was taken to hospital in the early hours of a day in August, 2019. "
        "It became clear that the previous evening he had been left with a neighbour.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    previous = event_with(events, "the previous evening")
    assert previous.date.year == 2019 and previous.date.month == 8


def test_a_repository_upload_line_and_a_final_version_date_date_nothing(tmp_path, nlp):
    text = (
        "14.09.2016 Views\n\n"
        "Practice Review Child QZ\n\n"
        "1 Eastmere SCP Child QZ SCR FINAL 21.11.2016 Eastmere Safeguarding Children Partnership Serious Case Review "
        "CHILD QZ Introduction This review is about a girl who lived with her grandmother. Child QZ was placed with "
        "her grandmother in spring 2013.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert not any(e.date in (D(2016, 9, 14), D(2016, 11, 21)) for e in events), sentences(events)
    assert event_with(events, "was placed with").date == D(2013, 3, 1)


def test_a_person_coded_like_a_version_number_does_not_mask_the_date_after_it(tmp_path, nlp):
    text = (
        "Summary\n\n"
        "On 9 June 2012, a youth, [P1], robbed a shop in Marlow Street, having threatened another boy, [V2], the "
        "previous day.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert any(e.date == D(2012, 6, 8) and "having threatened" in e.sentence for e in events), sentences(events)


def test_a_perfect_participle_with_its_own_date_is_an_event_of_its_own(tmp_path, nlp):
    text = (
        "Background\n\n"
        "On Tuesday 14 May 2019 the mother took Baby K to the GP, having noticed a swelling on his arm two days "
        "earlier. The GP referred Baby K to hospital.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "the mother took Baby K").date == D(2019, 5, 14)
    assert any(e.date == D(2019, 5, 12) and e.sentence.startswith("having noticed") for e in events), sentences(events)
    assert event_with(events, "The GP referred").date == D(2019, 5, 14)  # the narrative goes on from the 14th


def test_cited_guidance_and_the_report_pointing_to_its_own_pages_date_nothing(tmp_path, nlp):
    text = (
        "Background\n\n"
        "The review followed the Multi-Agency Escalation Procedures for Westshire April 2021. In July 2020 the "
        "school referred the children to social care. How the referral was handled is considered later in this "
        "report.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert [e.date for e in events if e.date] == [D(2020, 7, 1)], sentences(events)


def test_the_reviews_own_voice_apparatus_and_chair_are_no_events(tmp_path, nlp):
    text = (
        "Introduction\n\n"
        "Child R was found unconscious at home in February 2021 and died two days later. This report has "
        "established that no single agency could have predicted his death. The Local Child Safeguarding Practice "
        "Review (LCSPR) found that his injuries on that day were not foreseeable. Mary Jones, Chair of the "
        'Westshire Safeguarding Children Partnership, said: "We are determined to learn from this." The work was '
        "overseen by an independent chair and an independent author. The case was referred to the Rapid Review "
        "panel on 1st March 2021.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "found unconscious").date == D(2021, 2, 1)
    for fragment in ("has established", "LCSPR", "Chair of the", "independent chair", "Rapid Review panel"):
        assert not any(fragment in s for s in sentences(events)), fragment


def test_a_sentence_length_is_no_time_and_an_outcome_takes_no_paragraph_date(tmp_path, nlp):
    text = (
        "Summary\n\n"
        "In 2015 the children were removed from the care of their parents. The mother was imprisoned for four years "
        "for neglect. The stepfather was sentenced following a trial.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "were removed").date == D(2015, 1, 1)
    assert not dated(events, "imprisoned for four years")
    assert not dated(events, "was sentenced following")


def test_a_death_as_the_subject_takes_the_date_the_narrative_gave_the_death(tmp_path, nlp):
    text = (
        "Summary\n\n"
        "This review was commissioned after the death of a baby boy in November 2018. His father was convicted of "
        "neglect in 2020. The death followed a period when the baby was left unfed for two days.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "The death followed").date == D(2018, 11, 1)
    assert event_with(events, "convicted of neglect").date == D(2020, 1, 1)


def test_present_modals_and_a_cited_work_in_the_present_are_no_events(tmp_path, nlp):
    text = (
        "Introduction\n\n"
        "In March 2017 the youth was excluded from school. Schools can then share the learning with their staff. "
        "The Unseen Children study by the Carter Institute in 2015 remains a guide for this work. "
        "The inquiry into the death of Baby T in May 2016 examines how agencies shared information.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "was excluded").date == D(2017, 3, 1)
    assert not dated(events, "Schools can then")
    assert not dated(events, "Carter Institute")
    assert event_with(events, "death of Baby T").date == D(2016, 5, 1)


def test_a_contents_list_flattened_into_a_paragraph_dates_nothing(tmp_path, nlp):
    text = (
        "Learning review into the support given to young carers in Eastmere. Final Report June 2020 Contents 1 "
        "INTRODUCTION 2 1.1 Why this review 2 1.2 Method 3 2 THE STORY 4 2.1 Early years (2009 - 2012) 4 2.2 Moving "
        "school: September 2013 5 2.3 The first referral (March - May 2014) 6 3 FINDINGS 9\n\n"
        "1. Introduction\n\n"
        "The girl first came to the attention of services in 2009.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert [e.date for e in events if e.date] == [D(2009, 1, 1)], sentences(events)


def test_outside_a_chronology_a_past_state_takes_no_date_from_its_paragraph(tmp_path, nlp):
    text = (
        "Introduction\n\n"
        "Child F and her brother were made subject to child protection plans in the spring of 2018. Their stepfather "
        "had had little contact with the school. He was not the father of the younger child. He moved out in the "
        "summer.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "protection plans").date == D(2018, 3, 1)
    assert not dated(events, "had had little contact")
    assert not dated(events, "was not the father")


def test_where_no_chronology_is_found_the_incident_section_is_the_story(tmp_path, nlp):
    """ "The incident" is excluded where it repeats the end of a chronology; in an opening
    with no chronology it is all the story there is."""
    text = (
        "1 INTRODUCTION\n\n"
        "1.1 THE INCIDENT\n\n"
        "1.1.1 On 19.4.16 Baby M (a 9 week old boy) was brought to the emergency department with a swollen leg. "
        "Mr K told the nurse that the baby had caught his leg in the cot. Baby M was admitted to the ward.\n\n"
        "1.2 THE REVIEW\n\n"
        "1.2.1 The case was referred to the Partnership's case review group on 6.5.16.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "was brought to the emergency department").date == D(2016, 4, 19)
    assert event_with(events, "Mr K told the nurse").date == D(2016, 4, 19)
    assert event_with(events, "Baby M was admitted").date == D(2016, 4, 19)
    assert not any("case review group" in s for s in sentences(events))


def test_a_habit_takes_no_date_from_its_paragraph(tmp_path, nlp):
    text = (
        "Chronology\n\n"
        "In June 2015 the family moved to Lowford. The children were routinely collected from school by their aunt. "
        "The mother registered with a GP.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "registered with a GP").date == D(2015, 6, 1)
    assert not dated(events, "routinely collected")


def test_a_slide_transcript_title_and_the_reviews_own_period_date_nothing(tmp_path, nlp):
    text = (
        "Lessons from Case Reviews in Westfold\n\n"
        "Presentation Transcript\n\n"
        "1. Lessons from Case Reviews in Westfold Ann Price, Designated Nurse, Westfold CCG\n\n"
        "2. Introduction These slides cover 2 serious case reviews and 1 practice review, which were completed between "
        "2017 and 2018.\n\n"
        "3. Child D S.C.R Gender: Female Age: 3 years Summary: In May 2016 , Child D was found with burns at home.\n\n"
        "4. Background • Mother and Child D moved to a refuge in January 2016. • The GP saw Child D in April 2016.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "was found with burns").date == D(2016, 5, 1)
    assert event_with(events, "moved to a refuge").date == D(2016, 1, 1)
    assert not dated(events, "were completed between")


def test_what_someone_was_described_as_takes_no_date(tmp_path, nlp):
    text = (
        "Chronology\n\n"
        "In October 2014 the girl started at Hillside Academy. She was regarded as a quiet pupil. "
        "She joined the school choir.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "joined the school choir").date == D(2014, 10, 1)
    assert not dated(events, "was regarded as")


def test_an_age_that_moves_the_story_on_stops_the_date_given_before(tmp_path, nlp):
    """A birth date then "She was 14 months old when...": what follows happened then, not in
    the birth month."""
    text = (
        "Introduction\n\n"
        "The subject of this review, Bethan, was born in February 2018. She was eleven months old when her "
        "grandmother found bruises on her back. Police were called and arrested the father. Bethan was taken to "
        "hospital.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "was born in February 2018").date == D(2018, 2, 1)
    for fragment in ("eleven months old", "arrested the father", "was taken to hospital"):
        assert not dated(events, fragment), fragment


def test_states_since_a_date_plans_to_come_and_the_reviews_meetings_are_no_events(tmp_path, nlp):
    text = (
        "Introduction\n\n"
        "1. Child Z was taken to hospital on 6th July 2018 with a burn to her foot. Child Z has lived with her aunt "
        "since August 2018. The court has made a special guardianship order and Child Z will start at a new school in "
        "September. 2. At a meeting of the Eastmoor Case Review Sub-Group, on the 4th September 2018, it was agreed "
        "that the criteria were met. The terms of reference for the review were amended in January 2019. 3. The mother "
        "was convicted of neglect in May 2019.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert [e.date for e in events if e.date] == [D(2018, 7, 6), D(2019, 5, 1)], sentences(events)


def test_the_authors_profile_and_the_writers_own_voice_are_no_events(tmp_path, nlp):
    text = (
        "Contents\n\n"
        "1. Introduction 3\n\n"
        "2. Summary of events 6\n\n"
        "3. Recommendations 14\n\n"
        "Page 3\n\n"
        "About the author\n\n"
        "She trained as a health visitor in 1998 and became an independent consultant in 2012.\n\n"
        "1. Introduction\n\n"
        "1.1 We commissioned this review in June 2021. Baby J died at home on 12.5.21. His father had called an "
        "ambulance that morning.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert [e.date for e in events if e.date] == [D(2021, 5, 12), D(2021, 5, 12)], sentences(events)


def test_a_child_coded_with_the_letter_i_is_not_the_writer(tmp_path, nlp):
    text = (
        "Background Information\n\n"
        "• Mother and child I moved to a refuge in March 2012.\n\n"
        "• Child I was seen by the GP in April 2012.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "moved to a refuge").date == D(2012, 3, 1)


def test_a_death_no_date_was_given_for_takes_no_other_date(tmp_path, nlp):
    text = (
        "Introduction\n\n"
        "Callum moved to Northvale with his grandparents in 2015. He died by suicide when he was sixteen. His death "
        "shocked his school.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "moved to Northvale").date == D(2015, 1, 1)
    assert not dated(events, "His death shocked")


def test_a_summary_headline_a_verdict_and_ages_in_a_repository_abstract(tmp_path, nlp):
    text = (
        "Summary\n\n"
        "Severe burn injuries to a 2-year-old girl (Child U) in October 2017. Her stepfather found guilty of neglect. "
        "Child U was seen by the GP at age 14 months with a bruised cheek and the GP noted it. Two days later the "
        "nursery raised a concern.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "Severe burn injuries").date == D(2017, 10, 1)
    for fragment in ("found guilty", "at age 14 months", "Two days later"):
        assert not dated(events, fragment), fragment


def test_guidance_updated_at_a_date_is_no_event_but_a_plan_updated_is(tmp_path, nlp):
    text = (
        "Summary\n\n"
        "In April 2021 the child protection plan was updated after a core group meeting. The regional neglect "
        "toolkit was refreshed in January 2022. The national advice on information sharing has been updated in "
        "May 2023.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert [e.date for e in events if e.date] == [D(2021, 4, 1)], sentences(events)


def test_dated_news_text_above_a_sub_headed_chronology_is_read(tmp_path, nlp):
    """A news page: a lede and paragraphs with dates of the case, then a quoted
    sub-heading over paragraphs that mostly open with a time (a chronology by its
    content).  The chronology does not make the dated narrative above it apparatus:
    each of those dates is read in its own paragraph."""
    text = (
        "Westmoor News\n\n"
        "Boy's fall from a window 'could not have been predicted'\n\n"
        "The fall of a three-year-old boy from a bedroom window could not have been predicted, a review has found.\n\n"
        "More stories from Westmoor and Dunhill\n\n"
        "Children's services first visited the family in May 2016, when the boy was a baby, the report said.\n\n"
        "His mother told a nurse that she felt alone, but nobody followed it up.\n\n"
        "'Nobody told the school'\n\n"
        "When the boy started nursery, a key worker noticed bruises on his arm.\n\n"
        "The next day, the key worker told the manager, who rang the family.\n\n"
        "Soon after, the family moved to a flat on the fourth floor of a tower block.\n\n"
        "In August 2019, the boy fell from a window of the flat and was taken to hospital.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "first visited the family").date == D(2016, 5, 1)
    assert event_with(events, "fell from a window of the flat").date == D(2019, 8, 1)
    assert not dated(events, "felt alone")  # an undated paragraph after it takes no date


def test_an_introductions_month_stays_beside_a_chronology_month_it_does_not_refine(tmp_path, nlp):
    """The introduction says the child died in a month; the chronology tells another
    happening of that month, also only by the month.  Nothing is told more precisely, so
    the death stays beside it."""
    text = (
        "Practice Review: Child W\n\n1. Introduction\n\n"
        'A practice review began when "Child W" died after a fall at home in Fenwick in July 2018.\n\n'
        "The family was known to the health visiting service because of the father's drinking.\n\n"
        "The review found that the practitioners did not share what they knew with each other.\n\n"
        "The partnership has accepted all of the recommendations made by the reviewer.\n\n"
        "'Concerns were not shared'\n\n"
        "In March 2017, Child W was born at Fenwick General Hospital.\n\n"
        "The next week, the midwife told the GP about the father's drinking.\n\n"
        "In May 2017, the father left the family home.\n\n"
        "In July 2018, Child W was taken to hospital by ambulance from the family home.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "died after a fall at home").date == D(2018, 7, 1)
    assert event_with(events, "was taken to hospital by ambulance").date == D(2018, 7, 1)


def test_a_second_dated_clause_the_parser_hangs_higher_is_an_event_of_its_own(tmp_path, nlp):
    """ "..., a young person who was hurt on one day, and who died the following day, <date>":
    the parser joins the second relative clause to the sentence's main verb, not to the
    first; it is still a second happening with a date of its own."""
    text = (
        "1. Why this review was held\n\n"
        "1.1 The Ashby Safeguarding Board agreed to hold a review about K, a young person in care who was "
        "badly hurt in a fall from a wall on 8th May 2017, and who died on the ward the following day, "
        "9th May 2017.\n\n"
        "2. Summary of events\n\n"
        "2.1 On 2nd April 2017 K moved to a children's home in Ashby.\n\n"
        "2.2 On 20th April 2017 K went missing for a night.\n\n"
        "2.3 On 1st May 2017 the social worker visited K at the home.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "badly hurt in a fall").date == D(2017, 5, 8)
    assert event_with(events, "died on the ward the following day").date == D(2017, 5, 9)


def test_a_cover_death_by_the_month_stays_beside_another_happening_of_that_month(tmp_path, nlp):
    """The cover's "Died <month year>" and a review commissioned after a death in that
    month: a month is not a day, and the commissioning is another happening."""
    text = (
        "CHILD J SERIOUS CASE REVIEW\n"
        "Report into the death of Child J aged 16\n"
        "Died March 2019\n\n"
        "1. Introduction\n\n"
        "1.1 This review was commissioned by the Wexcombe Safeguarding Board and the Wexcombe Community Safety "
        "Partnership, following the death in March 2019 of Child J, a boy of 16. Child J died after an "
        "assault by a group of older boys, who were convicted of his manslaughter in November 2019.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "Died March 2019").date == D(2019, 3, 1)


def test_a_when_clause_on_a_date_of_the_reviews_period_is_an_event(tmp_path, nlp):
    """ "The review covers the period from <date>, when <happening>, to <date>, when
    <happening>": the period is the review's, the happenings that bound it are the case's."""
    text = (
        "Learning Review: the Pell children\n\n"
        "Summary\n\n"
        "The review considers the period from June 2015, when the mother asked for help with housing, to "
        "April 2017, when the oldest child told a teacher about the bruises. It finds that the harm was not "
        "foreseeable.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "when the mother asked for help").date == D(2015, 6, 1)
    assert event_with(events, "when the oldest child told a teacher").date == D(2017, 4, 1)


def test_a_relative_clause_with_a_date_of_its_own_is_an_event_at_that_date(tmp_path, nlp):
    """The sentence takes the paragraph's month; the relative clause inside it tells
    another happening at its own date ("the hostel that he had stayed at since <date>")."""
    text = (
        "1. Introduction\n\n"
        "1.1 In October 2019, Child N ran away from his placement in Brackley. He ran away from a trip to the "
        "coast with a boy who was also living at the same hostel that Child N had stayed at since July 2019.\n"
    )
    _, events = events_of(tmp_path, nlp, text)
    assert event_with(events, "In October 2019, Child N ran away").date == D(2019, 10, 1)
    clause = [e for e in events if e.sentence.startswith("that Child N had stayed")]
    assert [e.date for e in clause] == [D(2019, 7, 1)]
