"""Pseudonymisation on fictional drafts the pipeline has never seen, scored against generated gold.

Each draft source (`corpus/drafts/*.md.src`; with `--blind` also
`corpus/drafts_blind/*.md.src`, format in `pipeline/evaluate/drafts.py`) gives the draft
text, the author's key and gold spans.  We write the draft and key to
`bench/out/eval_drafts/`, run `scr pseudonymise` in-process (ingest, one
parse, known / structured / unknown names, with one spaCy load for all
drafts) and score the replacements, which carry offsets into the draft:

- names left: person mentions (key or unknown) with a name character not
  inside any replacement (titles do not count: "Ms [PERSON-1]" leaves no
  name); cross-check: occurrences in the output of a name word of a marked
  surface beyond those the input has outside mentions (traps, ordinary words);
- code accuracy: mentions wholly replaced by exactly their code (key people)
  or by their id's placeholder (unknown people: the `[PERSON-n]` most of the
  id's mentions got, owned by no other id); "second identity": a key person's
  mention given a `[PERSON-n]`; "wrong code": given another key code;
- over-replacement: share of word tokens outside every gold span that a
  replacement touches; traps (`[[!|..]]`) touched are failures;
- structured identifiers: share whose value is gone (every character
  replaced) and share replaced by exactly their type's placeholder;
- verify backstop: `scr verify --key` on the coded output; how many left-over
  mentions (and identifiers) a medium or high finding covers.  Pseudonymise +
  verify must leave 0 unflagged;
- time: our pseudonymise (reading the file included) against one plain spaCy
  pass (`spacy.load(model)(text)`) on the same text, best of `--repeat`
  interleaved runs.

`bench/eval_drafts.py` prints only counts; `--misses` also prints the missed
surfaces (fictional here, but the habit matters).  Summary JSON:
`bench/out/eval_drafts/summary.json`.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

from pipeline.evaluate import drafts as drafts_mod
from pipeline.evaluate.paths import OUT
from pipeline.evaluate.timing import CLOCKS, interleaved

OUT_DIR = OUT / "eval_drafts"
PERSON_RE = re.compile(r"^\[PERSON-\d+\]$")
WORD_RE = re.compile(r"\w+")
FLAGGED = ("medium", "high")


# ---------------------------------------------------------------- runner
class Ours:
    """The pseudonymise command's pipeline with model, analyzer, lexicon and policy loaded once."""

    def __init__(self, model: str | None):
        from pipeline.commands.pseudonymise import _analyzer, _policy
        from pipeline.deid.names.known import english_lexicon
        from pipeline.deid.policy import load_policy
        from pipeline.nlp import load_nlp

        self.nlp = load_nlp(model)
        self.analyzer = _analyzer(self.nlp)
        self.policy = _policy()
        self.verify_policy = load_policy()
        self.lexicon = english_lexicon(self.nlp)

    def pseudonymise(self, draft_path: Path, key_path: Path):
        """As `scr pseudonymise FILE --key KEY`: (report, result)."""
        from pipeline.deid.keyfile import load_key
        from pipeline.deid.pseudonymise import parse_for_key, pseudonymise_report
        from pipeline.ingest import load_report

        key = load_key(key_path)
        report = load_report(draft_path)
        doc = parse_for_key(report, self.nlp, key)
        return report, pseudonymise_report(
            report, doc, key, analyzer=self.analyzer, policy=self.policy, lexicon=self.lexicon
        )

    def verify(self, coded_path: Path, key_path: Path):
        """As `scr verify FILE --key KEY`: (report, findings)."""
        from pipeline.deid.keyfile import load_key
        from pipeline.deid.verify import verify_report
        from pipeline.ingest import load_report
        from pipeline.nlp import parse_report

        report = load_report(coded_path)
        doc = parse_report(report, self.nlp)
        return report, verify_report(
            report, doc, key=load_key(key_path), policy=self.verify_policy, analyzer=self.analyzer
        )


# ---------------------------------------------------------------- coverage
class Coverage:
    """Which input characters the replacements cover, and where input offsets land in the output."""

    def __init__(self, replacements, length: int):
        self.reps = sorted(replacements, key=lambda r: r.start)
        self.owner: list = [None] * length
        for r in self.reps:
            for i in range(r.start, r.end):
                self.owner[i] = r

    def touching(self, start: int, end: int) -> list:
        seen, out = set(), []
        for r in self.owner[start:end]:
            if r is not None and id(r) not in seen:
                seen.add(id(r))
                out.append(r)
        return out

    def uncovered(self, start: int, end: int, chars: set[int]) -> list[int]:
        return [i for i in range(start, end) if i in chars and self.owner[i] is None]

    def out_pos(self, pos: int) -> int:
        """Output offset of an input character no replacement covers."""
        shift = 0
        for r in self.reps:
            if r.end > pos:
                break
            shift += (r.out_end - r.out_start) - (r.end - r.start)
        return pos + shift


def name_chars(span, titles: AbstractSet[str]) -> set[int]:
    """Offsets of the name characters of a person mention (letters/digits, titles excluded)."""
    chars: set[int] = set()
    words = [m.group(0).casefold() for m in WORD_RE.finditer(span.surface)]
    if words and all(w in titles or w in drafts_mod.FAMILY_ADJECTIVES for w in words):
        return chars  # "Old Nan": family words only, no name
    for m in WORD_RE.finditer(span.surface):
        if m.group(0).casefold() in titles:
            continue
        chars.update(range(span.start + m.start(), span.start + m.end()))
    return chars


# ---------------------------------------------------------------- scoring
def score_people(draft, cov: Coverage, titles: AbstractSet[str]) -> tuple[dict, list[dict], set[str]]:
    """Names left, code accuracy, second identities; each left-over mention; the name words of all surfaces."""
    people = draft.people
    reps_of = {}
    left = []
    for i, s in enumerate(people):
        chars = name_chars(s, titles)
        miss = cov.uncovered(s.start, s.end, chars)
        reps_of[i] = cov.touching(s.start, s.end)
        if miss:
            left.append({"index": i, "span": s, "chars": miss})
    # the placeholder each unknown id "owns": the one most of its mentions got
    votes: dict[str, Counter] = defaultdict(Counter)
    for i, s in enumerate(people):
        if s.kind == "unknown":
            for r in reps_of[i]:
                if PERSON_RE.match(r.replacement):
                    votes[s.label][r.replacement] += 1
    owner = {lab: c.most_common(1)[0][0] for lab, c in votes.items() if c}
    shared = {p for p, n in Counter(owner.values()).items() if n > 1}
    missed_ids = {i["index"] for i in left}
    right = second = wrong = false_key = 0
    by_kind: Counter[str] = Counter()
    right_by_kind: Counter[str] = Counter()
    for i, s in enumerate(people):
        by_kind[s.kind] += 1
        got = {r.replacement for r in reps_of[i]}
        if s.kind == "key":
            if any(PERSON_RE.match(g) for g in got):
                second += 1
            if any(r.source == "known" and r.code != s.label for r in reps_of[i]):
                wrong += 1
            ok = i not in missed_ids and got == {s.label}
        else:
            if any(r.source == "known" for r in reps_of[i]):
                false_key += 1
            want = owner.get(s.label)
            ok = i not in missed_ids and want is not None and want not in shared and got == {want}
        right += ok
        right_by_kind[s.kind] += ok
    words = {w.casefold() for s in people for w in drafts_mod.name_words(s.surface, titles)}
    stats = {
        "mentions": len(people),
        "key_mentions": by_kind["key"],
        "unknown_mentions": by_kind["unknown"],
        "names_left": len(left),
        "names_left_key": sum(1 for x in left if x["span"].kind == "key"),
        "names_left_unknown": sum(1 for x in left if x["span"].kind == "unknown"),
        "code_right": right,
        "code_right_key": right_by_kind["key"],
        "code_right_unknown": right_by_kind["unknown"],
        "code_accuracy": _share(right, len(people)),
        "code_accuracy_key": _share(right_by_kind["key"], by_kind["key"]),
        "code_accuracy_unknown": _share(right_by_kind["unknown"], by_kind["unknown"]),
        "second_identity": second,
        "wrong_code": wrong,
        "unknown_given_key_code": false_key,
        "unknown_ids": len({s.label for s in people if s.kind == "unknown"}),
        "placeholders_shared_by_ids": len(shared),
    }
    return stats, left, words


def name_words_left(draft, output: str, words: set[str]) -> tuple[int, list[str]]:
    """Cross-check: name words in the output beyond those the input has outside person mentions."""
    text = draft.text
    person = sorted((s.start, s.end) for s in draft.people)
    extra, which = 0, []
    for w in sorted(words):
        rx = re.compile(rf"(?<!\w){re.escape(w)}(?!\w)", re.IGNORECASE)
        outside = sum(1 for m in rx.finditer(text) if not any(a <= m.start() < b for a, b in person))
        n = len(rx.findall(output)) - outside
        if n > 0:
            extra += n
            which.append(w)
    return extra, which


def score_other(draft, cov: Coverage) -> tuple[dict, list[str], list[str]]:
    """Other word tokens changed; traps touched."""
    gold = sorted((s.start, s.end) for s in draft.spans)
    inside = [False] * len(draft.text)
    for a, b in gold:
        for i in range(a, b):
            inside[i] = True
    others = changed = 0
    changed_words = []
    for m in WORD_RE.finditer(draft.text):
        if any(inside[m.start() : m.end()]):
            continue
        others += 1
        if cov.touching(m.start(), m.end()):
            changed += 1
            changed_words.append(m.group(0))
    traps = draft.of_kind("keep")
    failed = [t.surface for t in traps if cov.touching(t.start, t.end)]
    return (
        {
            "other_words": others,
            "other_words_changed": changed,
            "other_words_changed_share": _share(changed, others),
            "traps": len(traps),
            "trap_failures": len(failed),
        },
        failed,
        changed_words,
    )


def score_ids(draft, cov: Coverage) -> tuple[dict, list[dict]]:
    from pipeline.deid.recognizers import PLACEHOLDERS

    ids = draft.of_kind("id")
    gone = exact = 0
    left = []
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for s in ids:
        chars = {i for i in range(s.start, s.end) if draft.text[i].isalnum()}
        ok = not cov.uncovered(s.start, s.end, chars)
        reps = cov.touching(s.start, s.end)
        is_exact = ok and bool(reps) and all(r.replacement == PLACEHOLDERS.get(s.label, f"[{s.label}]") for r in reps)
        gone += ok
        exact += is_exact
        by_type[s.label][0] += 1
        by_type[s.label][1] += ok
        by_type[s.label][2] += is_exact
        if not ok:
            left.append({"span": s, "chars": cov.uncovered(s.start, s.end, chars)})
        elif not is_exact:
            left.append({"span": s, "chars": [], "got": sorted({r.replacement for r in reps})})
    return {
        "identifiers": len(ids),
        "identifiers_removed": gone,
        "identifiers_removed_share": _share(gone, len(ids)),
        "identifiers_exact": exact,
        "identifiers_exact_share": _share(exact, len(ids)),
        "by_type": {t: {"n": v[0], "removed": v[1], "exact": v[2]} for t, v in sorted(by_type.items())},
    }, left


def backstop(left: list[dict], cov: Coverage, findings) -> tuple[int, list]:
    """How many left-over spans a medium/high verify finding covers (any left character)."""
    flagged_spans = [(f.start, f.end) for f in findings if f.severity in FLAGGED]
    flagged, unflagged = 0, []
    for item in left:
        if not item["chars"]:
            continue
        positions = [cov.out_pos(i) for i in item["chars"]]
        if any(a <= p < b for p in positions for a, b in flagged_spans):
            flagged += 1
        else:
            unflagged.append(item)
    return flagged, unflagged


def _out_range(cov: Coverage, start: int, end: int) -> tuple[int, int]:
    """Where the input stretch [start, end) lands in the output (a replacement touching it taken whole)."""
    first, last = cov.owner[start], cov.owner[end - 1]
    a = first.out_start if first is not None and first.out_start is not None else cov.out_pos(start)
    b = last.out_end if last is not None and last.out_end is not None else cov.out_pos(end - 1) + 1
    return a, b


def false_flag_findings(draft, cov: Coverage, findings) -> list:
    """Medium/high verify findings on text the gold marks as no person and no identifier: noise a reader must
    clear (the row counts the key backstop's, KEY_NAME, and every type's)."""
    marked = [_out_range(cov, s.start, s.end) for s in draft.of_kind("key", "unknown", "id") if s.end > s.start]
    return [f for f in findings if f.severity in FLAGGED and not any(a < f.end and f.start < b for a, b in marked)]


def _share(n: int, d: int) -> float | None:
    return round(n / d, 4) if d else None


# ---------------------------------------------------------------- one draft, all drafts
def evaluate(draft, ours: Ours, plain_nlp, out_dir: Path, repeat: int, clock: str) -> tuple[dict, dict]:
    """One draft: write it and its key, pseudonymise, verify, time on `CLOCKS[clock]`; (row, misses)."""
    (out_dir / "keys").mkdir(parents=True, exist_ok=True)
    draft_path = out_dir / f"{draft.name}.md"
    key_path = out_dir / "keys" / f"{draft.name}.key.yaml"
    coded_path = out_dir / f"{draft.name}.coded.md"
    draft_path.write_text(draft.text, encoding="utf-8")
    key_path.write_text(draft.key_yaml(), encoding="utf-8")
    key_path.chmod(0o600)  # a key maps names to codes: owner-only, as scr expects
    times, outputs = interleaved(
        {"ours": lambda: ours.pseudonymise(draft_path, key_path), "spacy": lambda: plain_nlp(draft.text)},
        repeat,
        CLOCKS[clock],
    )
    report, result = outputs["ours"]
    if report.text != draft.text:
        raise SystemExit(
            f"{draft.name}: the pipeline read a different text than the generator wrote; offsets would not hold"
        )
    coded_path.write_text(result.text, encoding="utf-8")
    titles = drafts_mod._titles()
    cov = Coverage(result.replacements, len(draft.text))
    people, left, words = score_people(draft, cov, titles)
    extra, extra_words = name_words_left(draft, result.text, words)
    other, trap_failed, changed_words = score_other(draft, cov)
    ids, ids_left = score_ids(draft, cov)
    coded_report, findings = ours.verify(coded_path, key_path)
    if coded_report.text != result.text:
        raise SystemExit(f"{draft.name}: verify read a different text than pseudonymise wrote")
    flagged, unflagged = backstop(left, cov, findings)
    ids_flagged, ids_unflagged = backstop(ids_left, cov, findings)
    flag_findings = false_flag_findings(draft, cov, findings)  # once: the counts and the misses list share it
    row = {
        "words": len(draft.text.split()),
        **people,
        "name_words_left_in_output": extra,
        **other,
        **ids,
        "verify": {
            "findings_medium_high": sum(f.severity in FLAGGED for f in findings),
            "names_left_flagged": flagged,
            "names_left_unflagged": len(unflagged),
            "identifiers_left_flagged": ids_flagged,
            "identifiers_left_unflagged": len(ids_unflagged),
            "false_flags_key": sum(f.type == "KEY_NAME" for f in flag_findings),
            "false_flags_all": len(flag_findings),
        },
        "time": {
            "clock": clock,
            "ours_s": round(times["ours"], 2),
            "spacy_s": round(times["spacy"], 2),
            "ours_vs_spacy": round(times["ours"] / times["spacy"], 2),
        },
        "unplaced_people": len(result.unplaced),
    }
    misses = {
        "names_left": [f"{x['span'].label}: {x['span'].surface!r}" for x in left],
        "names_left_unflagged_by_verify": [f"{x['span'].label}: {x['span'].surface!r}" for x in unflagged],
        "false_flags_key": [f"{f.rule}: {f.text!r}" for f in flag_findings if f.type == "KEY_NAME"],
        "wrongly_coded": _wrongly_coded(draft, cov, left),
        "unlisted_inconsistent": _unlisted_inconsistent(draft, cov),
        "name_words_left_in_output": extra_words,
        "trap_failures": trap_failed,
        "identifiers": [
            f"{x['span'].label}: {x['span'].surface!r}"
            + (f" -> {', '.join(x['got'])}" if x.get("got") else " (value left)")
            for x in ids_left
        ],
        "other_words_changed": sorted(Counter(changed_words).items(), key=lambda kv: -kv[1]),
    }
    return row, misses


def _wrongly_coded(draft, cov: Coverage, left) -> list[str]:
    out = []
    lefts = {id(x["span"]) for x in left}
    for s in draft.people:
        if id(s) in lefts:
            continue
        got = sorted({r.replacement for r in cov.touching(s.start, s.end)})
        if s.kind == "key" and got != [s.label]:
            out.append(f"{s.label}: {s.surface!r} -> {', '.join(got)}")
        elif s.kind == "unknown" and (len(got) != 1 or not PERSON_RE.match(got[0])):
            out.append(f"?{s.label}: {s.surface!r} -> {', '.join(got)}")
    return out


def _unlisted_inconsistent(draft, cov: Coverage) -> list[str]:
    """Mentions of unlisted people whose placeholder is not the one their person owns, or is shared."""
    got_of = {}
    votes: dict[str, Counter] = defaultdict(Counter)
    for s in draft.people:
        if s.kind == "unknown":
            got_of[id(s)] = [r.replacement for r in cov.touching(s.start, s.end) if PERSON_RE.match(r.replacement)]
            votes[s.label].update(got_of[id(s)])
    owner = {lab: c.most_common(1)[0][0] for lab, c in votes.items() if c}
    shared = {p for p, n in Counter(owner.values()).items() if n > 1}
    out = []
    for s in draft.people:
        got = got_of.get(id(s))
        if got and (set(got) != {owner[s.label]} or owner[s.label] in shared):
            note = "shared with another person" if owner[s.label] in shared else f"the person's own: {owner[s.label]}"
            out.append(f"?{s.label}: {s.surface!r} -> {', '.join(sorted(set(got)))} ({note})")
    return out


def overall(rows: dict[str, dict]) -> dict:
    """Totals over drafts (shares recomputed from the summed counts)."""

    def total(k):
        return sum(r[k] for r in rows.values())

    def vtotal(k):
        return sum(r["verify"][k] for r in rows.values())

    right, right_key, right_unk = total("code_right"), total("code_right_key"), total("code_right_unknown")
    return {
        "drafts": len(rows),
        "words": total("words"),
        "mentions": total("mentions"),
        "key_mentions": total("key_mentions"),
        "unknown_mentions": total("unknown_mentions"),
        "code_right": right,
        "code_right_key": right_key,
        "code_right_unknown": right_unk,
        "names_left": total("names_left"),
        "names_left_key": total("names_left_key"),
        "names_left_unknown": total("names_left_unknown"),
        "name_words_left_in_output": total("name_words_left_in_output"),
        "code_accuracy": _share(right, total("mentions")),
        "code_accuracy_key": _share(right_key, total("key_mentions")),
        "code_accuracy_unknown": _share(right_unk, total("unknown_mentions")),
        "second_identity": total("second_identity"),
        "wrong_code": total("wrong_code"),
        "unknown_given_key_code": total("unknown_given_key_code"),
        "other_words": total("other_words"),
        "other_words_changed": total("other_words_changed"),
        "other_words_changed_share": _share(total("other_words_changed"), total("other_words")),
        "traps": total("traps"),
        "trap_failures": total("trap_failures"),
        "identifiers": total("identifiers"),
        "identifiers_removed": total("identifiers_removed"),
        "identifiers_removed_share": _share(total("identifiers_removed"), total("identifiers")),
        "identifiers_exact": total("identifiers_exact"),
        "identifiers_exact_share": _share(total("identifiers_exact"), total("identifiers")),
        "verify": {
            k: vtotal(k)
            for k in (
                "names_left_flagged",
                "names_left_unflagged",
                "false_flags_key",
                "false_flags_all",
                "identifiers_left_flagged",
                "identifiers_left_unflagged",
            )
        },
        "time": {
            "ours_s": round(sum(r["time"]["ours_s"] for r in rows.values()), 2),
            "spacy_s": round(sum(r["time"]["spacy_s"] for r in rows.values()), 2),
        },
    }


def evaluate_drafts(
    drafts: list,
    model: str | None = None,
    repeat: int = 3,
    clock: str = "wall",
    out: Path = OUT_DIR,
    blind: bool = False,
) -> dict[str, Any]:
    """Every draft pseudonymised, verified, scored and timed with one model load.

    Returns {"model", "blind", "drafts": per-draft rows, "overall": totals, "misses"};
    everything but the misses (surfaces) is also written to `out/summary.json`.
    """
    import spacy

    from pipeline.nlp import configured_model_name

    model_name = configured_model_name(model)
    ours = Ours(model)
    plain_nlp = spacy.load(model_name)
    out.mkdir(parents=True, exist_ok=True)
    rows, misses = {}, {}
    for draft in drafts:
        rows[draft.name], misses[draft.name] = evaluate(draft, ours, plain_nlp, out, repeat, clock)
    summary = {"model": model_name, "blind": blind, "drafts": rows, "overall": overall(rows)}
    (out / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return summary | {"misses": misses}
