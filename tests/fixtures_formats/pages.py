"""Render a plain-text review as a council web page, with the furniture a
reader must leave out (navigation, banner, cookie notice, footer, scripts)."""

from __future__ import annotations

import re
from html import escape

SUPERS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
NOTE_RE = re.compile(f"^([{SUPERS}]+)\\s*(.*)$")
HEADING_RE = re.compile(r"^(\d{1,2})((?:\.\d{1,2}){0,3})\.?\s+[A-Z][^.!?]{0,90}$")
FURNITURE = [
    "Skip to main content",
    "Accept all cookies",
    "Home",
    "Children and families",
    "Contact the council",
    "Copyright Example Borough Council",
    "Follow us on social media",
]


def _inline(text: str) -> str:
    out = escape(text, quote=False)
    return re.sub(
        f"[{SUPERS}]+",
        lambda m: (
            f'<sup><a href="#fn{m.group(0).translate(str.maketrans(SUPERS, "0123456789"))}">'
            f"{m.group(0).translate(str.maketrans(SUPERS, '0123456789'))}</a></sup>"
        ),
        out,
    )


def render_review_html(text: str, hidden_comment: str = "reviewed by a named officer") -> str:
    blocks = [[line for line in b.split("\n") if line.strip()] for b in re.split(r"\n\s*\n", text) if b.strip()]
    body, notes = [], []
    for block in blocks:
        m = NOTE_RE.match(block[0])
        if len(block) == 1 and m:
            number = m[1].translate(str.maketrans(SUPERS, "0123456789"))
            notes.append(f'<li id="fn{number}">{escape(m[2], quote=False)} <a href="#ref{number}">↩</a></li>')
            continue
        if all("\t" in line for line in block):
            rows = "".join(
                "<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in line.split("\t")) + "</tr>" for line in block
            )
            body.append(f"<table><tbody>{rows}</tbody></table>")
        elif all(line.lstrip()[:2] in ("- ", "* ") for line in block):
            body.append("<ul>" + "".join(f"<li>{_inline(line.lstrip()[2:])}</li>" for line in block) + "</ul>")
        else:
            for line in block:
                h = HEADING_RE.match(line.strip())
                if h:
                    level = 2 + line.split()[0].rstrip(".").count(".")
                    body.append(f"<h{level}>{_inline(line.strip())}</h{level}>")
                else:
                    body.append(f"<p>\n  {_inline(line.strip())}\n</p>")
    notes_html = (
        f'<h2 class="visually-hidden">Footnotes</h2><ol class="footnotes">{"".join(notes)}</ol>' if notes else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Review | Example Borough</title>
<meta name="author" content="Web Team Officer"><script>var tracking = "{FURNITURE[0]}";</script>
<style>.x{{color:red}}</style></head>
<body>
<a class="skip-link" href="#main">{FURNITURE[0]}</a>
<div class="cookie-banner"><p>We use cookies.</p><button>{FURNITURE[1]}</button></div>
<header role="banner"><nav><ul><li><a href="/">{FURNITURE[2]}</a></li><li><a href="/c">{FURNITURE[3]}</a></li></ul></nav></header>
<main id="main"><!-- {hidden_comment} -->
<h1>Serious case review</h1>
{"".join(body)}
<div style="display:none">Draft note: check names</div>
{notes_html}
</main>
<aside><p>{FURNITURE[4]}</p></aside>
<footer role="contentinfo"><p>{FURNITURE[5]}</p><p>{FURNITURE[6]}</p></footer>
</body></html>"""  # noqa: E501  (a site's markup as served, one element run per line)
