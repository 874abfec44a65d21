"""Abbreviations the report defines itself: "Neonatal Unit (NNU)".

The Schwartz & Hearst (2003) algorithm: for a short form in parentheses,
walk its letters backwards through the preceding words; the long form is the
shortest run of words whose letters contain the short form's letters in order,
with the first letter starting a word.  The reverse shape, "PAMS (Parenting
Assessment Manual)", is also accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PAREN_RE = re.compile(r"\(([^()]{1,120})\)")
SHORT_RE = re.compile(r"^[A-Z][A-Za-z0-9&\-]{1,9}s?$")
CODE_TOKEN_RE = re.compile(r"\b[A-Z]{2,}\b")  # a long form is words, not other codes


@dataclass
class Definition:
    abbr: str
    expansion: str
    start: int
    end: int


def _matches(short: str, long: str) -> bool:
    """Schwartz & Hearst best long form test."""
    s = short.lower().rstrip("s") if short.endswith("s") and short[:-1].isupper() else short.lower()
    lng = long.lower()
    s_index, l_index = len(s) - 1, len(lng) - 1
    while s_index >= 0:
        ch = s[s_index]
        if not ch.isalnum():
            s_index -= 1
            continue
        while l_index >= 0 and (lng[l_index] != ch or (s_index == 0 and l_index > 0 and lng[l_index - 1].isalnum())):
            l_index -= 1
        if l_index < 0:
            return False
        l_index -= 1
        s_index -= 1
    return True


def _long_form_before(text: str, paren_start: int, short: str) -> tuple[str, int] | None:
    window = text[max(0, paren_start - 200) : paren_start].rstrip()
    words = list(re.finditer(r"[\w'’&\-]+", window))
    if not words:
        return None
    limit = min(len(words), len(short) + 5, 2 * len(short) + 1)
    base = max(0, paren_start - 200)
    for k in range(1, limit + 1):
        first = words[-k]
        candidate = window[first.start() :]
        if "\n" in candidate or "." in candidate[:-1]:
            break
        if first.group()[0].lower() == short[0].lower() and _matches(short, candidate):
            return candidate.strip(), base + first.start()
    return None


def find_definitions(text: str) -> list[Definition]:
    """All "long form (SHORT)" and "SHORT (long form)" definitions in the text."""
    found: list[Definition] = []
    seen: set[str] = set()
    for m in PAREN_RE.finditer(text):
        inner = m.group(1).strip()
        if SHORT_RE.match(inner) and sum(c.isupper() for c in inner) >= 2:
            hit = _long_form_before(text, m.start(), inner)
            if hit:
                expansion, start = hit
                if inner not in seen:
                    seen.add(inner)
                    found.append(Definition(inner, expansion, start, m.end()))
                continue
        before = re.search(r"([A-Z][A-Z0-9&\-]{1,9})\s*$", text[max(0, m.start() - 12) : m.start()])
        if before and len(inner.split()) >= 2 and not CODE_TOKEN_RE.search(inner) and _matches(before.group(1), inner):
            abbr = before.group(1)
            if abbr not in seen and inner.split()[0][0].lower() == abbr[0].lower():
                seen.add(abbr)
                found.append(Definition(abbr, inner, m.start() - len(before.group(0)), m.end()))
    return found
