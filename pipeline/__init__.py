"""scr-pipeline: a staged text-mining and anonymisation pipeline for UK
child safeguarding case reviews (Serious Case Reviews and Child Safeguarding
Practice Reviews).

Stages: ingest -> structure -> nlp -> pseudonymise/verify -> events -> themes
-> corpus store.  Every stage reads and writes plain data (JSON / JSON Lines).

Packages, in the order data flows (each one's docstring says more):

- `ingest/`: every format into one `Report` (text, paragraphs, hidden Word parts);
- `structure/`: sections and their roles, the key of role codes, footnotes, cover metadata;
- `nlp`: the one spaCy pass;
- `lexicon`, `spans`: the shared vocabulary (models/lexicon/) and the one span type and
  overlap resolver every detector's candidates go through;
- `deid/`: keyfile and policy, names (keyed and unlisted), recognizers, pseudonymise and
  the Word writer, verify and hidden parts;
- `events/`: the dated chronology; `themes/`: learning themes;
- `store/`: the corpus index and search; `page/`, `review/`: the report and sign-off pages;
- `batch`, `stagefile`: many reviews, and the one contract of every stage file;
- `commands/`, `cli`: the `scr` commands; `evaluate/`: scoring against gold (bench/ wraps it).
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("scr-pipeline")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"

PIPELINE_SCHEMA_VERSION = 1
