"""Review, decide, apply, sign off: the path from a draft to a published, documented review.

The people who decide what is published (the partnership's business manager,
the independent reviewer) work from files, offline:

1. `scr review DRAFT --key KEY --out review.html` (`pipeline.review.page`):
   one self-contained page, owner-only beside the key (it holds real names),
   listing every replacement `scr pseudonymise` would make and every verify
   finding on the coded text, each with a stable id, to be decided in the
   browser and exported as `decisions.json`;
2. `scr apply DRAFT --key KEY --decisions decisions.json --out FINAL`
   (`pipeline.review.apply`): the decisions applied to the same
   pseudonymisation, people added to the key (old key kept), verify re-run on
   FINAL, and a sign-off record `FINAL.signoff.json` / `.signoff.html`
   (`pipeline.review.signoff`) that holds no real name from the key;
3. `scr verify FINAL --signoff FINAL.signoff.json`: what was dismissed in the
   record is reported as accepted; anything new fails.

Formats: docs/review_signoff.md.  `pipeline.review.model.build_review` is the
one computation both the page and `apply` start from, so item ids agree.
"""
