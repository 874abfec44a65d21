"""scr-pipeline: a staged text-mining and anonymisation pipeline for UK
child safeguarding case reviews (Serious Case Reviews and Child Safeguarding
Practice Reviews).

Stages: ingest -> structure -> nlp -> pseudonymise/verify -> events -> themes
-> corpus store.  Every stage reads and writes plain data (JSON / JSON Lines).
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("scr-pipeline")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"

PIPELINE_SCHEMA_VERSION = 1
