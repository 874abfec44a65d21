"""Pseudonymised Word output: the draft's own formatting, none of what hides in it.

`scr pseudonymise` works on `report.text`; for a .docx that text was made by
`pipeline.ingest.docx.walk`, which also records which `w:t` node each stretch
came from.  Here the same walk is repeated on the source file, so every
replacement (offsets into that text) lands on the runs it covers: the first
run keeps the replacement and its formatting (bold, italic, heading style),
the text it covered in later runs is removed.

Then everything a reader of the file could recover is removed:

- tracked changes, accepted or rejected as the caller chooses (there is no
  default: a draft with tracked changes is refused until the choice is made,
  because the two give different documents).  Text brought back by rejecting
  a deletion was never pseudonymised, so every real name the replacements
  covered is substituted there too; formatting changes are always accepted;
- comments (and the reviewer list), hidden text, image descriptions;
- identifying document properties (author, last modified by, company,
  manager, keywords, description, category, subject), custom properties and
  the embedded thumbnail; the title is kept with names substituted;
- names in headers and footers (outside the text) are substituted.

The file is written atomically and never over the source.
"""

from __future__ import annotations

import bisect
import posixpath
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

from lxml import etree

from ..errors import UnusableInput
from ..fileio import atomic_write_bytes, refuse_overwriting_input
from ..ingest.docx import Segment, walk
from ..ingest.ooxml import CT_NS, WP_NS, Package, is_on, open_package, read_styles, rels_path, style_value, w

TrackedChoice = Literal["accept", "reject"]
INS = (w("ins"), w("moveTo"))
DELS = (w("del"), w("moveFrom"))
PROPERTY_PARENTS = {w("rPr"), w("pPr"), w("trPr"), w("tcPr"), w("tblPr"), w("sectPr"), w("numPr")}
CHANGE_TAGS = [
    w(t)
    for t in (
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tcPrChange",
        "trPrChange",
        "tblGridChange",
        "tblPrExChange",
        "numberingChange",
    )
]
RANGE_MARKS = [
    w(t)
    for t in (
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "commentRangeStart",
        "commentRangeEnd",
    )
]
COMMENT_KINDS = ("comments", "comments_extended", "comments_ids", "comments_extensible", "people")
CLEARED_CORE = {
    "creator",
    "lastModifiedBy",
    "description",
    "keywords",
    "subject",
    "category",
    "contentStatus",
    "identifier",
}
CLEARED_APP = {"Company", "Manager", "HyperlinkBase"}


def _get(r: Any, name: str):
    return r[name] if isinstance(r, dict) else getattr(r, name)


# ---------------------------------------------------------------- replacements on runs
def _edits(segments: list[Segment], replacements: Iterable[Any]) -> dict[Any, list[tuple[int, int, str]]]:
    """Per node: (local start, local end, new text); a replacement goes into its first node."""
    starts = [s.start for s in segments]
    per_node: dict[Any, list[tuple[int, int, str]]] = {}
    for r in replacements:
        start, end, new = _get(r, "start"), _get(r, "end"), _get(r, "replacement")
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        placed = False
        while i < len(segments) and segments[i].start < end:
            seg = segments[i]
            a, b = max(start, seg.start), min(end, seg.end)
            if a < b:
                local = (a - seg.start + seg.node_start, b - seg.start + seg.node_start)
                per_node.setdefault(seg.node, []).append((*local, "" if placed else new))
                placed = True
            i += 1
    return per_node


def _apply_edits(per_node: dict[Any, list[tuple[int, int, str]]]) -> None:
    for node, edits in per_node.items():
        text = node.text or ""
        for a, b, new in sorted(edits, reverse=True):
            text = text[:a] + new + text[b:]
        run = node.getparent()
        if not text and run is not None and run.tag == w("r") and all(c is node or c.tag == w("rPr") for c in run):
            _remove(run)  # a run whose text moved wholly into the first run of the replacement
        else:
            _set_text(node, text)


def _set_text(node, text: str) -> None:
    node.text = text
    node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _name_pattern(
    replacements: Iterable[Any], names: Mapping[str, str] | None = None
) -> tuple[re.Pattern | None, dict[str, str]]:
    """One regex for every real text the replacements covered, and the caller's names (longest first)."""
    mapping: dict[str, str] = {
        real.strip().lower(): code for real, code in (names or {}).items() if len(real.strip()) >= 2
    }
    for r in replacements:
        real = (_get(r, "text") or "").strip()
        if len(real) >= 2 and real != _get(r, "replacement"):
            mapping.setdefault(real.lower(), _get(r, "replacement"))
    if not mapping:
        return None, mapping
    alternatives = "|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE), mapping


def _substitute_nodes(nodes: Iterable[Any], pattern: re.Pattern | None, mapping: dict[str, str]) -> int:
    count = 0
    if pattern is None:
        return count
    for node in nodes:
        if node.text:
            new, n = pattern.subn(lambda m: mapping[m.group(0).lower()], node.text)
            if n:
                _set_text(node, new)
                count += n
    return count


# ---------------------------------------------------------------- tracked changes
def _unwrap(el) -> None:
    """Replace an element by its children, keeping their order and tail text."""
    parent = el.getparent()
    index = parent.index(el)
    for child in reversed(list(el)):
        parent.insert(index, child)
    parent.remove(el)


def _remove(el) -> None:
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def has_tracked_changes(package: Package) -> bool:
    for part in _story_parts(package):
        root = package.xml(part)
        if root is not None and next(root.iter(*INS, *DELS), None) is not None:
            return True
    return False


def _resolve_tracked(root, choice: TrackedChoice) -> list:
    """Accept or reject content changes; returns the w:t nodes a rejection restored."""
    restored = []
    for el in list(root.iter(*INS, *DELS)):
        if el.getparent() is None:
            continue
        if el.getparent().tag in PROPERTY_PARENTS:  # a mark on a paragraph mark or row: drop the mark
            _remove(el)
            continue
        keep = (el.tag in INS) == (choice == "accept")
        if not keep:
            _remove(el)
            continue
        for dt in list(el.iter(w("delText"))):
            dt.tag = w("t")
            restored.append(dt)
        for di in list(el.iter(w("delInstrText"))):
            di.tag = w("instrText")
        _unwrap(el)
    for el in list(root.iter(*CHANGE_TAGS, *RANGE_MARKS)):
        _remove(el)
    return restored


# ---------------------------------------------------------------- hidden things
def _remove_comment_marks(root) -> int:
    count = 0
    for ref in list(root.iter(w("commentReference"))):
        run = ref.getparent()
        _remove(ref)
        count += 1
        if run is not None and run.tag == w("r") and all(c.tag == w("rPr") for c in run):
            _remove(run)
    for mark in list(root.iter(w("commentRangeStart"), w("commentRangeEnd"))):
        _remove(mark)
    return count


def _remove_hidden_text(root, styles: dict) -> int:
    count = 0
    for p in list(root.iter(w("p"))):
        style = p.find(f"{w('pPr')}/{w('pStyle')}")
        if style is not None and style_value(styles, style.get(w("val")), "vanish"):
            _remove(p)
            count += 1
    for run in list(root.iter(w("r"))):
        rpr = run.find(w("rPr"))
        if rpr is None:
            continue
        vanish = rpr.find(w("vanish"))
        char_style = rpr.find(w("rStyle"))
        hidden = is_on(vanish)
        if vanish is None and char_style is not None:
            hidden = bool(style_value(styles, char_style.get(w("val")), "vanish"))
        if hidden:
            _remove(run)
            count += 1
    return count


def _remove_alt_text(root) -> int:
    count = 0
    for el in root.iter(f"{{{WP_NS}}}docPr", "{http://schemas.openxmlformats.org/drawingml/2006/picture}cNvPr"):
        for attr in ("descr", "title"):
            if el.get(attr):
                del el.attrib[attr]
                count += 1
    return count


def _drop_parts(package: Package, parts: set[str]) -> None:
    """Remove parts with their relationships and content-type overrides."""
    parts = {p for p in parts if p in package.files}
    if not parts:
        return
    for name in list(package.files):
        if name.endswith(".rels"):
            root = package.xml(name)
            if root is None:
                continue
            source_folder = posixpath.dirname(posixpath.dirname(name))
            for rel in list(root):
                target = rel.get("Target", "")
                resolved = (
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join(source_folder, target))
                )
                if rel.get("TargetMode") != "External" and resolved in parts:
                    root.remove(rel)
    types = package.xml("[Content_Types].xml")
    if types is not None:
        for override in list(types.iter(f"{{{CT_NS}}}Override")):
            if override.get("PartName", "").lstrip("/") in parts:
                types.remove(override)
    for part in parts:
        package.files.pop(part, None)
        package.trees.pop(part, None)
        package.files.pop(rels_path(part), None)
        package.trees.pop(rels_path(part), None)


def _clean_properties(package: Package, pattern, mapping) -> int:
    count = 0
    core = package.xml("docProps/core.xml")
    if core is not None:
        for el in core:
            local = etree.QName(el).localname
            if local in CLEARED_CORE and (el.text or "").strip():
                el.text = ""
                count += 1
            elif local == "title" and el.text:
                count += _substitute_nodes([el], pattern, mapping)
    app = package.xml("docProps/app.xml")
    if app is not None:
        for el in app:
            if etree.QName(el).localname in CLEARED_APP and (el.text or "").strip():
                el.text = ""
                count += 1
    return count


def _story_parts(package: Package) -> list[str]:
    parts = [package.main]
    for kind in ("footnotes", "endnotes", "header", "footer"):
        parts += package.related.get(kind, [])
    return parts


# ---------------------------------------------------------------- entry point
def require_tracked_choice(source_path: str | Path, tracked: TrackedChoice | None) -> None:
    """Refuse early (before any parsing) a draft with tracked changes and no accept/reject choice."""
    if tracked is not None:
        return
    from ..ingest import read_bytes

    if has_tracked_changes(open_package(str(source_path), read_bytes(Path(source_path)))):
        raise UnusableInput(
            f"{source_path} has tracked changes; choose whether to accept or reject them "
            "(--tracked-changes accept|reject) before a pseudonymised copy can be written"
        )


def write_pseudonymised_docx(
    source_path: str | Path,
    out_path: str | Path,
    replacements: Iterable[Any],
    tracked: TrackedChoice | None,
    expected_text: str | None = None,
    names: Mapping[str, str] | None = None,
) -> dict[str, int]:
    """Write `out_path`: `source_path` with `replacements` applied and its hidden parts removed.

    `replacements`: objects or dicts with start, end, replacement (and text,
    the real text, used to check the offsets and to substitute names outside
    the text), offsets into the text `pipeline.ingest.docx.read` gives for
    the source.  `tracked`: "accept" or "reject"; None refuses a draft that
    has tracked changes.  `expected_text`: the report text the offsets refer
    to; a mismatch is refused rather than corrupting the draft.  `names`:
    real name -> code (e.g. every name form in the key), substituted in text
    outside the offsets: restored deletions, headers, footers, the title.
    Returns counts of what was replaced and removed.
    """
    source_path, out_path = Path(source_path), Path(out_path)
    refuse_overwriting_input(out_path, source_path)
    if tracked not in (None, "accept", "reject"):
        raise UnusableInput(f"tracked changes: choose 'accept' or 'reject', not {tracked!r}")
    from ..ingest import read_bytes

    require_tracked_choice(source_path, tracked)
    package = open_package(str(source_path), read_bytes(source_path))
    replacements = sorted(replacements, key=lambda r: _get(r, "start"))
    walked = walk(package)
    _check(walked.text, replacements, expected_text, source_path)
    _apply_edits(_edits(walked.segments, replacements))
    pattern, mapping = _name_pattern(replacements, names)
    styles = read_styles(package)
    counts = {
        "replacements": len(replacements),
        "tracked_changes": 0,
        "names_outside_text": 0,
        "comments": 0,
        "hidden_text": 0,
        "image_descriptions": 0,
        "properties": 0,
        "parts_removed": 0,
    }
    for part in _story_parts(package):
        root = package.xml(part)
        if root is None:
            continue
        counts["tracked_changes"] += sum(1 for _ in root.iter(*INS, *DELS))
        restored = _resolve_tracked(root, tracked or "accept")
        counts["names_outside_text"] += _substitute_nodes(restored, pattern, mapping)
        if part in package.related.get("header", []) + package.related.get("footer", []):
            counts["names_outside_text"] += _substitute_nodes(root.iter(w("t")), pattern, mapping)
        counts["comments"] += _remove_comment_marks(root)
        counts["hidden_text"] += _remove_hidden_text(root, styles)
        counts["image_descriptions"] += _remove_alt_text(root)
    counts["properties"] = _clean_properties(package, pattern, mapping)
    doomed = {p for kind in COMMENT_KINDS for p in package.related.get(kind, [])}
    doomed |= {n for n in package.files if n.lower().startswith("docprops/thumbnail") or n == "docProps/custom.xml"}
    counts["parts_removed"] = len({p for p in doomed if p in package.files})
    _drop_parts(package, doomed)
    atomic_write_bytes(out_path, package.serialise())
    return counts


def _check(text: str, replacements: list, expected_text: str | None, source: Path) -> None:
    """Refuse offsets that do not belong to this draft's text."""
    if expected_text is not None and expected_text != text:
        raise UnusableInput(
            f"{source}: the replacements were made on a different text than this draft gives; "
            "pseudonymise the same file you write from"
        )
    previous_end = -1
    for r in replacements:
        start, end = _get(r, "start"), _get(r, "end")
        if start < previous_end or start < 0 or end > len(text) or end < start:
            raise UnusableInput(f"{source}: replacement offsets {start}-{end} overlap or fall outside the draft's text")
        real = _get(r, "text") if isinstance(r, dict) and "text" in r or hasattr(r, "text") else None
        if real is not None and text[start:end] != real:
            raise UnusableInput(f"{source}: replacement at {start}-{end} does not match the draft's text there")
        previous_end = end
