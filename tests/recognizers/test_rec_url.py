"""URL: web addresses, bare, in <angle brackets> or in markdown links."""

import pytest


@pytest.mark.parametrize(
    "sentence, url",
    [
        (
            "See https://www.example.org/reports/child-a.pdf for the full text.",
            "https://www.example.org/reports/child-a.pdf",
        ),
        (
            "¹ <http://procedures.example.co.uk/chapters/p_conf.html>",
            "http://procedures.example.co.uk/chapters/p_conf.html",
        ),
        (
            "The guidance ([link](https://example.gov.uk/guide?id=3&x=1)) was followed.",
            "https://example.gov.uk/guide?id=3&x=1",
        ),
        ("Her page www.facebook.com/kayleigh.smith.123 was public.", "www.facebook.com/kayleigh.smith.123"),
        ("Read https://en.example.org/wiki/Care_order_(England).", "https://en.example.org/wiki/Care_order_(England)"),
        (
            "The board's site is safeguarding-example.org.uk/reviews, updated yearly.",
            "safeguarding-example.org.uk/reviews",
        ),
        ("Go to http://example.com.", "http://example.com"),
        ("Support is listed at ExampleCharity.org.uk/help for parents.", "ExampleCharity.org.uk/help"),
    ],
)
def test_urls_are_found_without_brackets_or_trailing_punctuation(find, sentence, url):
    assert ("URL", url) in find(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan, e.g. weekly visits, i.e. more contact, was agreed.",
        "The report.pdf and notes.docx were shared.",
        "It was 3.30pm and the Dr.Smith clinic was closed.",
        "The worker noted sc.De in the transcript.",
        "She was at home.Co-sleeping was discussed.",  # a missing space, not a domain
    ],
)
def test_abbreviations_and_file_names_are_not_urls(find, sentence):
    assert find(sentence, "URL") == []


def test_markdown_link_text_and_target_are_both_urls(find):
    sentence = "[https://example.org/a](https://example.org/a)"
    assert find(sentence) == [("URL", "https://example.org/a"), ("URL", "https://example.org/a")]
