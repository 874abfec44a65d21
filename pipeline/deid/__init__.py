"""De-identification: find what identifies people in a review, then replace it or report it.

Modules in the order data flows (a parsed report in, a coded text or findings out):

- `keyfile`: the author's key (who is who: role codes and the names they go by), read strictly.
- `policy`: what verify reports and how severely (``models/policy.yaml``, a user's merged over it).
- detectors, each proposing candidate spans on the one spaCy parse:
  - `names/`: people's names. `known` finds every form of the key's names (with `derived` word
    forms, `links` between people, `gaelic` surname forms, `folding` of accents); `unknown` finds
    names nobody listed (rule scores in ``models/names/scores.yaml``); `fuzzy` the key's names
    misspelt (verify only);
  - `codes`: role codes (EM, ESW) a review uses without declaring them;
  - `recognizers/`: structured identifiers (NHS number, postcode, phone, address, school…), Presidio
    recognizers described by ``models/recognizers/*.yaml``;
  - `quasi`: facts that identify a child in combination (birth details, age with a date, small places);
  - `hidden`: what a Word, PDF or HTML draft carries outside its text (comments, tracked changes,
    properties).
- overlapping candidates are resolved by the one resolver of `pipeline.spans`, each user with its
  own precedence;
- `pseudonymise`: known names to codes, identifiers to placeholders, unknown people to
  ``[PERSON-n]``, rebuilt by offsets; `word_writer` writes the same replacements into the .docx;
- `verify`: the findings left in a text, with a severity and a reason, for a person to check.
"""
