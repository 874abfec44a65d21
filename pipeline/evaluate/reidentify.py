"""Re-identify a real (already coded) review and measure how well we code it again.

The published review uses role codes ("EM", "ESW", "Child E").  We turn it back
into a realistic *draft*: every body mention of a code becomes a fictional
name (Faker en_GB), rotating the forms authors write (full name, first name,
title + surname, initial + surname, ALL CAPS, a line break inside the name, a
lower-case slip; possessives come from the text's own "EM's"), family members
share surnames (mother and child, father and paternal grandmother), and a few
structured identifiers are planted (NHS / NI number, address + postcode,
phone, e-mail containing the name, date of birth, school, nursery, case
number).  We write the matching key.  The original text (with the planted
identifiers as their placeholders) is then the exact gold.  The key section
of the report ("EM - Child E's mother") stays in codes.

We then run `scr pseudonymise` (in-process: ingest + one parse + known/unknown
names + recognizers) and plain Presidio (default recognizers, Presidio's own
default NLP configuration with our spaCy model, AnonymizerEngine `replace`)
on the same draft and report, per name draw:

- names left: occurrences of a fictional name word in the output beyond those
  in the gold (must be 0), and how many mention positions still hold a word
  of that person's name;
- code accuracy: share of mention positions carrying exactly the right code;
- other words changed: share of the gold's other words (not mentions, not
  placeholders) that the output does not keep, by token alignment (difflib);
- planted identifiers: share replaced by exactly their placeholder (ours) and
  share whose value no longer appears (both);
- time ratios against one plain spaCy pass (`spacy.load(model)(text)`), best
  of N interleaved runs (spaCy, ours, Presidio in turn, so a change in the
  machine's load hits all three alike), model loading excluded for all three.

Run it with `bench/reidentify.py` (its docstring has the usage); drafts, keys,
outputs and `summary.json` go to `bench/out/reidentify/` (git-ignored).
"""

from __future__ import annotations

import difflib
import json
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.evaluate.paths import CHILD_E, OUT
from pipeline.evaluate.pseudonymise import Ours
from pipeline.evaluate.timing import CLOCKS, interleaved

DEFAULT_REPORT = CHILD_E
OUT_DIR = OUT / "reidentify"

FAMILY_FORMS = [
    "full",
    "first",
    "title_surname",
    "first",
    "possessive_first",
    "initial_surname",
    "first",
    "upper_full",
    "full",
    "linebreak_full",
    "title_surname",
    "lower_full",
    "first",
]
CHILD_FORMS = ["first", "full", "first", "first", "upper_first", "first", "full"]
PRACTITIONER_FORMS = [
    "title_surname",
    "full",
    "first",
    "title_surname",
    "initial_surname",
    "full",
    "linebreak_full",
    "title_surname",
    "upper_full",
]
FEMALE_TITLES = ["Ms", "Mrs", "Miss"]


@dataclass
class FakePerson:
    code: str
    role: str
    first: str
    surname: str
    gender: str
    kind: str  # child / family / practitioner
    title: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.surname}"

    def words(self) -> list[str]:
        return [w for w in re.split(r"[\s\-]+", self.full) if len(w) > 1]

    def form(self, name: str) -> str:
        return {
            "full": self.full,
            "first": self.first,
            "possessive_first": self.first,
            "title_surname": f"{self.title} {self.surname}",
            "initial_surname": f"{self.first[0]}. {self.surname}",
            "upper_full": self.full.upper(),
            "upper_first": self.first.upper(),
            "linebreak_full": f"{self.first}\n{self.surname}",
            "lower_full": self.full.lower(),
        }[name]


@dataclass
class Mention:
    code: str
    form: str
    gold_start: int
    gold_end: int
    draft_text: str


@dataclass
class Planted:
    type: str
    value: str
    placeholder: str
    gold_start: int
    gold_end: int


@dataclass
class Draft:
    seed: int
    text: str
    gold: str
    people: list[FakePerson]
    mentions: list[Mention] = field(default_factory=list)
    planted: list[Planted] = field(default_factory=list)

    def key_yaml(self, style: str = "titles") -> str:
        """The key an author would write: full names (and some first names);
        with style "titles", also how an adult who shares a surname with
        someone else is addressed ("Ms Smith"), as the ambiguity log asks."""
        import yaml

        people = []
        surnames = [p.surname for p in self.people]
        for i, p in enumerate(self.people):
            names = [p.full] if i % 2 else [p.full, p.first]
            if style == "titles" and p.title and p.kind != "child" and surnames.count(p.surname) > 1:
                names.append(f"{p.title} {p.surname}")
            people.append({"code": p.code, "role": p.role, "names": names})
        return yaml.safe_dump({"people": people}, allow_unicode=True, sort_keys=False)


# ---------------------------------------------------------------- names
def _family_branch(description: str) -> str | None:
    d = description.casefold()
    if "paternal" in d or re.search(r"\bfather\b", d):
        return "father"
    if "maternal" in d or re.search(r"\b(mother|sibling|sister|brother|child)\b", d):
        return "mother"
    return None


def draw_people(report, seed: int) -> list[FakePerson]:
    """One fictional person per declared code; family members share surnames."""
    from faker import Faker

    from pipeline.deid.keyfile import infer_gender

    fake = Faker("en_GB")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    codes = set(report.codes())
    used_first: set[str] = set()
    surnames = {"mother": fake.last_name(), "father": fake.last_name()}
    while surnames["father"] == surnames["mother"]:
        surnames["father"] = fake.last_name()
    people: list[FakePerson] = []
    for entry in report.key:
        gender = infer_gender([], entry.description) or rng.choice(["female", "male"])
        child = entry.subject or re.search(r"sibling|brother|sister|son|daughter", entry.description, re.I)
        kind = "child" if child else ("family" if entry.kind == "family" else "practitioner")
        while True:
            first = fake.first_name_female() if gender == "female" else fake.first_name_male()
            if first not in used_first and first not in codes and first.upper() not in codes:
                break
        used_first.add(first)
        branch = _family_branch(entry.description) if entry.kind == "family" else None
        surname = surnames[branch] if branch else fake.last_name()
        # an author calls two people by the same "title surname" only by mistake
        taken = {(p.title, p.surname) for p in people}
        offered = rng.sample(FEMALE_TITLES, len(FEMALE_TITLES)) if gender == "female" else ["Mr"]
        titles = [t for t in offered if (t, surname) not in taken]
        title = titles[0] if titles else ""
        people.append(FakePerson(entry.code, entry.description, first, surname, gender, kind, title))
    return people


# ---------------------------------------------------------------- identifiers
def _nhs_number(rng: random.Random) -> str:
    while True:
        digits = [rng.randint(0, 9) for _ in range(9)]
        check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11
        check = 0 if check == 11 else check
        if check != 10 and digits[0] != 0:
            s = "".join(map(str, digits + [check]))
            return f"{s[:3]} {s[3:6]} {s[6:]}"


def _plants(fake, rng: random.Random, people: list[FakePerson]) -> list[tuple[str, list[tuple[str, str]]]]:
    """(template, [(type, value)]) - each {} in the template takes one value."""
    carer = next((p for p in people if p.kind == "practitioner"), people[0])
    email = f"{carer.first}.{carer.surname}{rng.randint(1, 99)}@example.co.uk".lower().replace(" ", "")
    number, street_name = rng.randint(2, 180), fake.last_name()  # drawn in this order: the seeds' drafts stay the same
    street = f"{number} {street_name} " + rng.choice(["Road", "Street", "Avenue", "Close", "Lane", "Drive"])
    letters = "ABCEGHJKLMNPRSTWXYZ"
    nino = (
        f"{rng.choice('ABCEHJKLMNPRSTWYZ')}{rng.choice(letters)} "
        f"{rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.choice('ABCD')}"
    )
    dob = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/20{rng.randint(10, 17)}"
    return [
        ("Her NHS number is {}.", [("NHS_NUMBER", _nhs_number(rng))]),
        ("Her National Insurance number is {}.", [("NI_NUMBER", nino)]),
        (
            "At that time the family lived at {}, " + fake.city() + " {}.",
            [("ADDRESS", street), ("POSTCODE", fake.postcode())],
        ),
        (
            "The foster carer could be contacted on {} or by email at {}.",
            [("PHONE", f"07700 900{rng.randint(100, 999)}"), ("EMAIL", email)],
        ),
        ("The child's date of birth is {}.", [("DATE_OF_BIRTH", dob)]),
        (
            "The older sibling attended {} before starting at {}.",
            [("NURSERY", f"{fake.last_name()} Day Nursery"), ("SCHOOL", f"{fake.last_name()} Primary School")],
        ),
        (
            "The care proceedings case number was {}.",
            [("CASE_REF", f"MA{rng.randint(15, 19)}C{rng.randint(10000, 99999)}")],
        ),
    ]


def placeholder_for(entity: str) -> str:
    try:
        from pipeline.deid.recognizers import PLACEHOLDERS

        return PLACEHOLDERS.get(entity, f"[{entity}]")
    except ImportError:
        return f"[{entity}]"


# ---------------------------------------------------------------- draft
def build_draft(report, seed: int, plant: bool = True) -> Draft:
    """A re-identified draft of `report` and its exact gold."""
    from faker import Faker

    rng = random.Random(seed * 7919)
    fake = Faker("en_GB")
    fake.seed_instance(seed + 1000)
    people = draw_people(report, seed)
    by_code = {p.code: p for p in people}
    text = report.text
    key_spans = [(e.start, e.end) for e in report.key]
    codes = sorted(by_code, key=len, reverse=True)
    code_re = re.compile(r"(?<![\w])(" + "|".join(map(re.escape, codes)) + r")(?![\w])")
    events: list[tuple[int, int, str, Any]] = []
    for m in code_re.finditer(text):
        if any(s <= m.start() < e for s, e in key_spans):
            continue
        events.append((m.start(), m.end(), "mention", m.group(1)))
    if plant:
        last_key = max((e for _, e in key_spans), default=0)
        body = [p for p in report.paragraphs if p.start > last_key and p.kind == "text" and p.end - p.start > 200]
        plants = _plants(fake, rng, people)
        step = max(1, len(body) // (len(plants) + 1))
        for i, plant_spec in enumerate(plants):
            if (i + 1) * step < len(body):
                para = body[(i + 1) * step]
                events.append((para.end, para.end, "plant", plant_spec))
    events.sort(key=lambda e: (e[0], e[2] == "mention"))
    counters: dict[str, int] = {}
    draft_parts, gold_parts, pos = [], [], 0
    draft = Draft(seed, "", "", people)
    gold_len = 0

    def emit(both: str) -> None:
        nonlocal gold_len
        draft_parts.append(both)
        gold_parts.append(both)
        gold_len += len(both)

    for start, end, kind, payload in events:
        emit(text[pos:start])
        pos = end
        if kind == "mention":
            person = by_code[payload]
            forms = {"child": CHILD_FORMS, "practitioner": PRACTITIONER_FORMS}.get(person.kind, FAMILY_FORMS)
            n = counters.get(person.code, 0)
            counters[person.code] = n + 1
            form = forms[n % len(forms)]
            if not person.title and form == "title_surname":
                form = "full"
            if form == "possessive_first" and not re.match(r"['’]s\b", text[end : end + 3]):
                form = "first"
            value = person.form(form)
            draft_parts.append(value)
            gold_parts.append(payload)
            draft.mentions.append(Mention(person.code, form, gold_len, gold_len + len(payload), value))
            gold_len += len(payload)
        else:
            template, values = payload
            pieces = template.split("{}")
            emit(" ")
            for piece, (etype, value) in zip(pieces, values, strict=False):  # one piece more than values
                emit(piece)
                placeholder = placeholder_for(etype)
                draft_parts.append(value)
                gold_parts.append(placeholder)
                draft.planted.append(Planted(etype, value, placeholder, gold_len, gold_len + len(placeholder)))
                gold_len += len(placeholder)
            emit(pieces[-1])
    emit(text[pos:])
    draft.text = "".join(draft_parts)
    draft.gold = "".join(gold_parts)
    return draft


# ---------------------------------------------------------------- scoring
TOKEN_RE = re.compile(r"\[[A-Z_]+(?:-\d+)?\]|<[A-Z_]+>|\w+|[^\w\s]")


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def score(draft: Draft, output: str) -> dict:
    """Names left, code accuracy, other words changed, planted identifiers replaced."""
    gold_toks, out_toks = _tokens(draft.gold), _tokens(output)
    matcher = difflib.SequenceMatcher(None, [t[0] for t in gold_toks], [t[0] for t in out_toks], autojunk=False)
    kept = [False] * len(gold_toks)
    block_of: dict[int, tuple[int, int]] = {}  # gold token -> output token range of its changed block
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for i in range(i1, i2):
            if tag == "equal":
                kept[i] = True
            else:
                block_of[i] = (j1, j2)
    starts = [t[1] for t in gold_toks]
    import bisect

    def token_range(s: int, e: int) -> range:
        return range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e))

    special: set[int] = set()
    right = mentions_left = 0
    people = {p.code: p for p in draft.people}
    for m in draft.mentions:
        idx = token_range(m.gold_start, m.gold_end)
        special.update(idx)
        right += all(kept[i] for i in idx)
        words = {w.casefold() for w in people[m.code].words()}
        out_words = {out_toks[j][0].casefold() for i in idx if i in block_of for j in range(*block_of[i])}
        mentions_left += bool(words & out_words)
    exact = 0
    for p in draft.planted:
        idx = token_range(p.gold_start, p.gold_end)
        special.update(idx)
        exact += all(kept[i] for i in idx)
    removed = sum(p.value not in output for p in draft.planted)
    others = [i for i, t in enumerate(gold_toks) if i not in special and re.match(r"\w", t[0])]
    changed = sum(not kept[i] for i in others)
    left = 0
    for w in sorted({w for p in draft.people for w in p.words()}):
        rx = re.compile(rf"(?<!\w){re.escape(w)}(?!\w)", re.IGNORECASE)
        left += max(0, len(rx.findall(output)) - len(rx.findall(draft.gold)))
    return {
        "mentions": len(draft.mentions),
        "names_left": left,
        "mentions_with_name_left": mentions_left,
        "code_accuracy": round(right / max(1, len(draft.mentions)), 4),
        "other_words": len(others),
        "other_words_changed": changed,
        "other_words_changed_share": round(changed / max(1, len(others)), 4),
        "planted": len(draft.planted),
        "planted_exact_placeholder": exact,
        "planted_removed": removed,
    }


# ---------------------------------------------------------------- runners
def write_draft(draft: Draft, out_dir: Path, key_style: str = "titles") -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "keys").mkdir(exist_ok=True)
    draft_path = out_dir / f"draft_seed{draft.seed}.txt"
    key_path = out_dir / "keys" / f"key_seed{draft.seed}.yaml"
    draft_path.write_text(draft.text, encoding="utf-8")
    key_path.write_text(draft.key_yaml(key_style), encoding="utf-8")
    key_path.chmod(0o600)  # a key file holds names: owner-only, as users are told to keep theirs
    (out_dir / f"gold_seed{draft.seed}.txt").write_text(draft.gold, encoding="utf-8")
    return draft_path, key_path


class PlainPresidio:
    """Presidio as shipped: default registry and NLP configuration (our model), replace operator."""

    def __init__(self, model: str):
        import presidio_analyzer
        import tldextract
        import yaml
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider
        from presidio_anonymizer import AnonymizerEngine

        # Presidio's e-mail recognizer calls tldextract, which would fetch the
        # public suffix list; use the snapshot it ships (nothing goes online)
        tldextract.extract = tldextract.TLDExtract(suffix_list_urls=())  # type: ignore[assignment]
        conf = yaml.safe_load((Path(presidio_analyzer.__file__).parent / "conf" / "default.yaml").read_text())
        conf["models"] = [{"lang_code": "en", "model_name": model}]
        engine = NlpEngineProvider(nlp_configuration=conf).create_engine()
        self.analyzer = AnalyzerEngine(nlp_engine=engine)
        self.anonymizer = AnonymizerEngine()

    def run(self, text: str) -> str:
        results = self.analyzer.analyze(text=text, language="en")
        # the analyzer's and the anonymizer's RecognizerResult are two classes of one shape
        return self.anonymizer.anonymize(text=text, analyzer_results=results).text  # type: ignore[arg-type]


def evaluate(
    report_path: Path,
    seeds: list[int],
    model: str | None = None,
    repeat: int = 3,
    presidio: bool = True,
    clock: str = "wall",
    key_style: str = "titles",
    out: Path = OUT_DIR,
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Per seed: build the draft, code it (ours, plain Presidio), score and time; yields (seed, row).

    `clock` names one of `CLOCKS` ("cpu": this process's CPU seconds, steadier when the machine is shared).

    Drafts, keys and outputs go to `out`; `summary.json` is written there once
    every seed is done.  Timing (interleaved, best of `repeat`) is on the first
    seed only.
    """
    import spacy

    from pipeline.ingest import load_report
    from pipeline.nlp import configured_model_name

    model_name = configured_model_name(model)
    report = load_report(report_path)
    ours = Ours(model)
    plain = PlainPresidio(model_name) if presidio else None
    plain_nlp = spacy.load(model_name)
    summary: dict[str, Any] = {"report": report_path.name, "model": model_name, "key_style": key_style, "seeds": {}}
    for n, seed in enumerate(seeds):
        row = _evaluate_seed(report, seed, n == 0, ours, plain, plain_nlp, repeat, clock, key_style, out)
        summary["seeds"][seed] = row
        yield seed, row
    (out / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")


def _evaluate_seed(
    report,
    seed: int,
    timed: bool,
    ours: Ours,
    presidio: PlainPresidio | None,
    plain_nlp,
    repeat: int,
    clock: str,
    key_style: str,
    out: Path,
) -> dict[str, Any]:
    """One seed's draft coded by ours (and Presidio), scored, and on the first seed timed."""
    draft = build_draft(report, seed)
    draft_path, key_path = write_draft(draft, out, key_style)
    runners: dict[str, Callable[[], Any]] = {"ours": lambda: ours.pseudonymise(draft_path, key_path)}
    if presidio is not None:
        runners["presidio"] = lambda: presidio.run(draft.text)
    if timed:
        runners["spacy"] = lambda: plain_nlp(draft.text)
    # interleaved runs, best of N each: the machine's load changes less between neighbours
    times, outputs = interleaved(runners, repeat if timed else 1, CLOCKS[clock])
    _, result = outputs["ours"]
    (out / f"coded_seed{seed}.txt").write_text(result.text, encoding="utf-8")
    row: dict[str, Any] = {
        "words": len(draft.text.split()),
        "ours": score(draft, result.text),
        "unplaced_people": len(result.unplaced),
        "ambiguous": len(result.ambiguous),
    }
    if presidio is not None:
        (out / f"presidio_seed{seed}.txt").write_text(outputs["presidio"], encoding="utf-8")
        row["presidio"] = score(draft, outputs["presidio"])
    if timed:
        row["time"] = {"clock": clock, **{f"{k}_s": round(v, 2) for k, v in times.items()}}
        row["time"]["ours_vs_spacy"] = round(times["ours"] / times["spacy"], 2)
        if presidio is not None:
            row["time"]["presidio_vs_spacy"] = round(times["presidio"] / times["spacy"], 2)
            row["time"]["ours_vs_presidio"] = round(times["ours"] / times["presidio"], 2)
    return row
