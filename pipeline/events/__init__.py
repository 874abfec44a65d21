"""Chronology extraction: dated events with resolved relative dates, actors,
actions and Key Practice Episode links.

Public API: `extract_events(report, doc) -> list[Event]` (doc from
`pipeline.nlp.parse_report`).

The modules, in the order data flows through them:

- `scope.py`: which blocks of the review are its narrated chronology
  (paragraphs, table rows, dates standing alone as sub-headings), each with
  its section and Key Practice Episode; `masks.py`: the document's own dates
  (cover, version, page headers), which date no event.
- `extract.py`: the orchestrator.  `EventExtractor` walks the blocks in text
  order and, sentence by sentence, asks the modules below for a date, a place
  in the narrative and the roles, and records the `Event` (`model.py`).
- Dates: `candidates.py` finds date phrases by pattern, `normalise.py` turns
  their clean core into a date and infers missing years, `resolve.py`
  (`Resolver`) places relative phrases against the narrative anchor;
  `dating.py` (`DateReader`) chooses the phrase that dates a sentence (not one
  inside reported speech or about a noun; planned ones marked), splits two
  dated coordinated clauses, finds reported and participle clauses with a
  date of their own, and builds the one `DateFields` value an event's date
  fields come from.
- `narrative.py` (`Narrative`): the anchor, what the section and paragraph
  have narrated, whether an undated sentence inherits a date (its paragraph's,
  a date line's, or a window from the date last narrated) and the closing of
  windows at the next date.
- Who did what: `mentions.py` finds role codes, agencies and uncoded roles in
  a sentence; `predicate.py` its main verb, action and tense; `roles.py` reads
  subject, agent and object into a frozen `Roles`, with meetings and
  documents that decide; `discourse.py` (`Discourse`) resolves pronouns to
  the paragraph's actors and remembers the last meeting and each document's
  author.
- `tables.py`: "Date ⇥ Agency ⇥ Event" rows, one event each.
- `vocabulary.py`: the word lists all of them read (models/dates/lexicon.yaml,
  models/dates/actions.yaml, models/agencies.yaml), loaded in one place.
"""

from .extract import extract_events
from .model import Event

__all__ = ["Event", "extract_events"]
