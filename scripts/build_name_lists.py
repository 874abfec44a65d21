"""Build the name gazetteers (models/gazetteer/first_names.txt, surnames.txt) from Faker and curated lists.

    python scripts/build_name_lists.py            # rewrite the two files
    python scripts/build_name_lists.py --check    # exit 1 if they are out of date

Why: UK reviews describe families from many communities (South Asian, Polish and other
Eastern European, Somali, West African, Arabic, Irish, Chinese, Vietnamese, Roma,
Traveller); a gazetteer of English names alone let their names through.  The lists are
only a BOOSTER for the unknown-name detector (``pipeline/deid/names/unknown.py``); the
detector never reports a word because it is listed, only when the context agrees.

Sources (documented in models/gazetteer/SOURCES.md):
* Faker's person providers (MIT licence), Latin-script locales as they are, Cyrillic
  locales transliterated (BGN/PCGN-like table below), Chinese through Faker's own
  pinyin lists;
* hand-curated lists in ``models/gazetteer/curated/*.txt`` for communities Faker has
  no locale for (Somali, Arabic romanisations, Cantonese/Vietnamese surnames, Roma and
  Traveller surnames, Albanian/Kurdish/Afghan/Eritrean names).

Filters: a name from a non-English locale that is an ordinary English word
(``models/names/common_words.txt``: "Will", "Long", "Can", "Hung") is dropped unless an
English-speaking locale also lists it (those stay: the detector's context rules handle
"Grace" and "Mark"); words in ``models/names/not_names.txt`` are removed at load time.
Names with diacritics are also listed without them ("Wiśniewski" and "Wisniewski"),
because agency records often drop them.
"""
from __future__ import annotations

import argparse
import importlib
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GAZ = ROOT / "models" / "gazetteer"
COMMON = ROOT / "models" / "names" / "common_words.txt"

# English-speaking locales: their names are kept even when they are English words.
ENGLISH = ["en_GB", "en", "en_US", "en_IE", "en_NZ", "en_IN", "en_PK", "en_NG", "en_KE"]
# Other locales, by the communities UK reviews describe.
OTHER = [
    # South Asian (Latin-script providers only; en_IN / en_PK above)
    # Polish, other Eastern and Central European, Baltic, Balkan (also Roma families' countries)
    "pl_PL", "cs_CZ", "sk_SK", "ro_RO", "hu_HU", "lt_LT", "lv_LV", "et_EE", "hr_HR", "sl_SI",
    "bg_BG", "uk_UA", "ru_RU",
    # Irish
    "ga_IE",
    # West and East African
    "yo_NG", "ig_NG", "ha_NG", "tw_GH", "sw",
    # North African Arabic in French romanisation, Turkish
    "fr_DZ", "tr_TR",
    # Chinese (pinyin), Vietnamese
    "zh_CN", "vi_VN",
    # Portuguese and Spanish (Portuguese, Brazilian, Latin American families)
    "pt_PT", "pt_BR", "es_ES",
]
# Provider attributes holding names: every tuple/list/dict whose name has "first" (or "last") and "name"
# (providers spell them differently: last_names_male, male_last_names, unisex_last_names, ...).
# Short forms of country names that reviews use and Faker's list spells otherwise.
EXTRA_COUNTRIES = {"UK", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland", "USA", "America",
                   "Russia", "Syria", "Iran", "Vietnam", "Laos", "Korea", "Congo", "Czechia", "Kosovo", "Palestine",
                   "Moldova", "Macedonia", "North Macedonia", "Ivory Coast", "Somaliland", "Kurdistan", "Tanzania", "Libya"}
FIRST_ATTRS = "first"
LAST_ATTRS = "last"

CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґ",
    ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
     "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "ye", "i", "yi", "g"],
))
FOLD = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "ı": "i", "İ": "I", "æ": "ae"}
NAME_RE = re.compile(r"^(?:Ma?c|O')?[^\W\d_][^\W\d_'’-]*(?:[-'][^\W\d_][^\W\d_'’-]*)?$")


def translit(name: str) -> str:
    if not re.search(r"[\u0400-\u04FF]", name):
        return name
    out = "".join(CYRILLIC.get(ch.lower(), ch) if ch.lower() in CYRILLIC else ch for ch in name)
    return out[:1].upper() + out[1:]


def fold(name: str) -> str:
    """'Wiśniewski' -> 'Wisniewski', 'Łukasz' -> 'Lukasz'."""
    name = "".join(FOLD.get(ch, ch) for ch in name)
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def clean(raw: str) -> list[str]:
    """Single-word, Latin-script, capitalised names (with their diacritic-free form)."""
    name = translit(unicodedata.normalize("NFC", raw.strip()))
    if name.isupper() and len(name) > 2:  # zh_TW romanisations are in capitals
        name = "-".join(p.capitalize() for p in name.split("-"))
    if " " in name or not NAME_RE.match(name) or not name[0].isupper():
        return []
    if not all(ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") for ch in name if ch.isalpha()):
        return []
    names = {name, fold(name)}
    return sorted(n for n in names if NAME_RE.match(n))


def polish_feminine(surname: str) -> str | None:
    """'Wiśniewski' -> 'Wiśniewska', 'Nowicki' -> 'Nowicka' (Faker builds these at run time, so they are not in its lists)."""
    for male, female in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
        if surname.endswith(male) and len(surname) > len(male) + 2:
            return surname[: -len(male)] + female
    return None


def provider_names(locale: str, part: str) -> set[str]:
    try:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    except ModuleNotFoundError:
        return set()
    out: set[str] = set()
    for attr in dir(provider):
        if attr.startswith("_") or part not in attr or "name" not in attr:
            continue
        values = getattr(provider, attr, None)
        if not isinstance(values, (tuple, list, dict)):
            continue
        for value in (values.keys() if isinstance(values, dict) else values):
            out.update(clean(str(value)))
    return out


def curated() -> tuple[set[str], set[str], list[str]]:
    firsts: set[str] = set()
    lasts: set[str] = set()
    files = []
    for path in sorted((GAZ / "curated").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        kind = next((l.split(":", 1)[1].strip() for l in lines if l.startswith("# kind:")), "both")
        names = {n for l in lines if l.strip() and not l.startswith("#") for n in clean(l)}
        if kind in ("first", "both"):
            firsts |= names
        if kind in ("surname", "both"):
            lasts |= names
        files.append(path.name)
    return firsts, lasts, files


def build() -> dict[str, str]:
    import faker

    common = {w.strip() for w in COMMON.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")}
    english_first = set().union(*(provider_names(l, FIRST_ATTRS) for l in ENGLISH))
    english_last = set().union(*(provider_names(l, LAST_ATTRS) for l in ENGLISH))
    other_first = set().union(*(provider_names(l, FIRST_ATTRS) for l in OTHER))
    other_last = set().union(*(provider_names(l, LAST_ATTRS) for l in OTHER))
    cur_first, cur_last, files = curated()

    def not_english_word(name: str) -> bool:
        return name.lower() not in common

    firsts = english_first | {n for n in other_first if not_english_word(n)} | cur_first
    lasts = english_last | {n for n in other_last if not_english_word(n)} | cur_last
    lasts |= {feminine for n in lasts for feminine in [polish_feminine(n)] if feminine}
    firsts = {n for n in firsts if len(n) >= 2}
    lasts = {n for n in lasts if len(n) >= 2}
    header = (
        "# Source: scripts/build_name_lists.py (do not edit by hand): Faker {ver} person providers (MIT licence)\n"
        "# {eng} and {oth} (Cyrillic transliterated; non-English-locale names that are ordinary English words dropped),\n"
        "# plus curated lists {cur}. Diacritic-free forms added. See models/gazetteer/SOURCES.md.\n"
        "# A BOOSTER only: a capitalised token found here is more likely a person's name; never a detector on its own.\n"
    )
    common_header = header.format(ver=faker.VERSION, eng=", ".join(ENGLISH), oth=", ".join(OTHER), cur=", ".join(files))
    from faker.providers.address.en import Provider as Address

    countries = sorted({c for c in Address.countries if re.fullmatch(r"[A-Z][A-Za-z' .-]+", c)} | EXTRA_COUNTRIES)
    return {
        "countries.txt": (
            f"# Countries and territories ({len(countries)}): Faker {faker.VERSION} address provider 'en' (MIT licence),\n"
            "# plus the short names reviews use; generated by scripts/build_name_lists.py (do not edit by hand).\n"
            "# A capitalised country is a place, not a person, unless it is also a first name and the parse does not\n"
            "# tag it as a place ('Jordan told the nurse').\n" + "\n".join(countries) + "\n"
        ),
        "first_names.txt": f"# First names ({len(firsts)})\n" + common_header + "\n".join(sorted(firsts)) + "\n",
        "surnames.txt": f"# Surnames ({len(lasts)})\n" + common_header + "\n".join(sorted(lasts)) + "\n",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    outputs = build()
    stale = [name for name, text in outputs.items() if not (GAZ / name).exists() or (GAZ / name).read_text(encoding="utf-8") != text]
    if args.check:
        print("out of date: " + ", ".join(stale) if stale else "up to date")
        return 1 if stale else 0
    for name, text in outputs.items():
        (GAZ / name).write_text(text, encoding="utf-8")
        print(f"{name}: {sum(1 for line in text.splitlines() if not line.startswith('#'))} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
