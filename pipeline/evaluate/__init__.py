"""Evaluation: each stage scored against gold, one module per thing scored.

The `bench/` scripts are thin command-line wrappers over these modules
(argument parsing and printing); the tests use the same scorers.  The gold and
fixtures live in a source checkout (`corpus/`, `tests/data/`, see `paths`), so
the evaluations run from one, never from an installed wheel.

In the order data flows through the pipeline:

- `structure`: sections, key, cover fields, page furniture on openings in the
  shapes of real reviews (`bench/eval_structure_real.py`);
- `drafts`: the marked-up fictional draft format and the gold generated from it
  (`bench/drafts.py`);
- `pseudonymise`: `scr pseudonymise` (and the `scr verify --key` backstop) on
  those drafts (`bench/eval_drafts.py`);
- `reidentify`: a real coded review turned back into a named draft, coded again
  and compared with plain Presidio (`bench/reidentify.py`);
- `recognizers`: the structured-identifier recognizers on held-out sentences
  (`bench/eval_recognizers.py`);
- `verify`: planted leaks, the Child E review and the cost of `scr verify`
  (`bench/eval_verify.py`); `verify_shapes`: false alarms and planted recall on
  real-review shapes (`bench/eval_verify_real.py`); `verify_openings`: findings
  per 1,000 words on a folder without gold (`bench/verify_openings.py`);
- `events`: `scr events` against a hand-annotated chronology and the real-review
  shapes (`bench/eval_events.py`);
- `themes`: the theme tagger against gold labels, held-out and real-shape sets
  (`bench/eval_themes.py`);
- `real`: every stage on real published openings against a reader's gold
  (`bench/eval_real.py`);
- `paths` (where the gold lives) and `timing` (interleaved best-of-N runs on a
  wall or CPU clock), shared by the above.
"""
