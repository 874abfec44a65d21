"""A Word package (.docx) opened as what it is: a zip of XML parts.

python-docx's `paragraph.text` drops tracked insertions and deletions and
knows nothing of custom properties or thumbnails, so the reader and the
pseudonymised-Word writer both work on the raw parts with lxml.  This module
opens the package (with clear refusals for what is not a .docx), finds the
main document and its related parts by relationship type, parses them, and reads
the styles both the reader and the writer look up (`read_styles`, `style_value`).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from ..config import MB, limit, limit_bytes, over_limit
from ..errors import UnusableInput

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
OFFICE_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
READ_BLOCK = 1024 * 1024

# relationship type suffix -> our name for the part
REL_KINDS = {
    "/footnotes": "footnotes",
    "/endnotes": "endnotes",
    "/comments": "comments",
    "/header": "header",
    "/footer": "footer",
    "/styles": "styles",
    "/numbering": "numbering",
    "/people": "people",
    "/commentsExtended": "comments_extended",
    "/commentsIds": "comments_ids",
    "/commentsExtensible": "comments_extensible",
}

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)


def parse_part(name: str, part: str, data: bytes) -> etree._Element:
    """Parse one XML part, refusing what Word never writes and would hide text from us.

    Character references (``&#74;``) and the five predefined entities are
    resolved by the parser.  A part that declares its own entities or points
    to an external DTD is refused: with entity resolution off (our XXE and
    billion-laughs guard) a custom entity's text would silently vanish from
    what we read, and survive, unreplaced, in a pseudonymised copy.
    """
    try:
        root = etree.fromstring(data, PARSER)
    except etree.XMLSyntaxError as exc:
        raise UnusableInput(f"{name}: the Word file is damaged ({part} is not well-formed XML: {exc})") from exc
    info = root.getroottree().docinfo
    dtd = info.internalDTD
    if (
        info.system_url  # type: ignore[union-attr]  # lxml-stubs lack DocInfo.system_url (lxml has it)
        or info.public_id
        or (dtd is not None and any(True for _ in dtd.iterentities()))  # type: ignore[union-attr]  # nor DTD.iterentities
        or next(root.iter(etree.Entity), None) is not None
    ):
        raise UnusableInput(
            f"{name}: {part} declares its own XML entities or an external DTD, which Word never writes "
            "and which could hide text; refusing it (re-save the document in Word)"
        )
    return root


def w(tag: str) -> str:
    """Clark name of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{tag}"


@dataclass
class Package:
    """The parts of a .docx, with the main document's related parts by kind."""

    name: str
    files: dict[str, bytes]
    main: str
    related: dict[str, list[str]] = field(default_factory=dict)
    trees: dict[str, etree._Element] = field(default_factory=dict)

    def xml(self, part: str) -> etree._Element | None:
        """The parsed root of a part (parsed once, then shared), or None if absent."""
        if part not in self.files:
            return None
        if part not in self.trees:
            self.trees[part] = parse_part(self.name, part, self.files[part])
        return self.trees[part]

    def first(self, kind: str) -> str | None:
        parts = self.related.get(kind) or []
        return parts[0] if parts else None

    def serialise(self) -> bytes:
        """The package as zip bytes, with every parsed (possibly edited) part written back."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            for name, data in self.files.items():
                if name in self.trees:
                    data = etree.tostring(self.trees[name], xml_declaration=True, encoding="UTF-8", standalone=True)
                out.writestr(name, data)
        return buffer.getvalue()


def rels_path(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def open_package(name: str, data: bytes) -> Package:
    """Open a .docx, refusing old .doc, encrypted and damaged files with a clear message."""
    if data.startswith(OLE_SIGNATURE):
        raise UnusableInput(
            f"{name}: this is not a .docx but an older Word .doc or a password-protected (encrypted) Word file; "
            "remove the password or save it as .docx and try again"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        files = _read_parts(name, archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise UnusableInput(
            f"{name}: not a readable Word .docx file (it is not a valid zip archive: {exc}); "
            "if it is truncated, copy it again; if it is a .doc, save it as .docx"
        ) from exc
    except (zlib.error, OSError, NotImplementedError, RuntimeError) as exc:
        raise UnusableInput(f"{name}: the Word file is damaged or uses an unsupported zip feature ({exc})") from exc
    main = _main_part(name, files)
    package = Package(name=name, files=files, main=main)
    package.related = _related(package, main)
    return package


def _read_parts(name: str, archive: zipfile.ZipFile) -> dict[str, bytes]:
    """Every part's bytes, within the documented limits (zip-bomb guard).

    The entry count and the declared sizes are checked from the zip directory
    before anything is inflated, and the real sizes again while inflating
    (a bomb can lie in its directory), so memory never exceeds the limits.
    """
    infos = archive.infolist()
    if len(infos) > limit("docx_entries"):
        raise UnusableInput(
            over_limit("docx_entries", f"{name}: the Word package's number of parts", f"{len(infos):,}")
        )
    part_max, total_max = limit_bytes("docx_part_mb"), limit_bytes("docx_total_mb")
    declared = sum(info.file_size for info in infos)
    if declared > total_max:
        raise UnusableInput(
            over_limit("docx_total_mb", f"{name}: the Word package uncompressed", f"{declared // MB:,} MB")
        )
    files: dict[str, bytes] = {}
    total = 0
    for info in infos:
        if info.file_size > part_max:
            raise UnusableInput(
                over_limit("docx_part_mb", f"{name}: the Word part {info.filename}", f"{info.file_size // MB:,} MB")
            )
        chunks, size = [], 0
        with archive.open(info) as stream:
            while block := stream.read(READ_BLOCK):
                size += len(block)
                total += len(block)
                if size > part_max:
                    raise UnusableInput(
                        over_limit("docx_part_mb", f"{name}: the Word part {info.filename}", f"over {size // MB:,} MB")
                    )
                if total > total_max:
                    raise UnusableInput(
                        over_limit(
                            "docx_total_mb", f"{name}: the Word package uncompressed", f"over {total // MB:,} MB"
                        )
                    )
                chunks.append(block)
        files[info.filename] = b"".join(chunks)
    return files


def _main_part(name: str, files: dict[str, bytes]) -> str:
    rels = files.get("_rels/.rels")
    if rels is not None:
        root = parse_part(name, "_rels/.rels", rels)
        for rel in root:
            if rel.get("Type") == OFFICE_DOC_REL:
                target = rel.get("Target", "").lstrip("/")
                if target in files:
                    return target
    if "word/document.xml" in files:
        return "word/document.xml"
    raise UnusableInput(
        f"{name}: a zip file but not a Word document (no word/document.xml); is it another Office format?"
    )


def _related(package: Package, part: str) -> dict[str, list[str]]:
    """Parts related to `part`, by our kind name (headers and footers in file order)."""
    found: dict[str, list[str]] = {}
    data = package.files.get(rels_path(part))
    if data is None:
        return found
    root = parse_part(package.name, rels_path(part), data)
    folder = posixpath.dirname(part)
    for rel in root:
        if rel.get("TargetMode") == "External":
            continue
        rel_type = rel.get("Type", "")
        for suffix, kind in REL_KINDS.items():
            if rel_type.endswith(suffix):
                target = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
                if target in package.files:
                    found.setdefault(kind, []).append(target)
    return found


# ---------------------------------------------------------------- styles (shared by the reader and the writer)
def is_on(el) -> bool:
    """A toggle property (w:vanish, w:b…) that is present and not switched off."""
    return el is not None and (el.get(w("val")) or "true").lower() not in ("0", "false", "off")


def num_pr(num) -> tuple[str, str] | None:
    """(numId, ilvl) of a w:numPr, None when it switches numbering off."""
    if num is None:
        return None
    num_id = num.find(w("numId"))
    ilvl = num.find(w("ilvl"))
    if num_id is None or num_id.get(w("val")) in (None, "0"):
        return None
    return num_id.get(w("val")), (ilvl.get(w("val")) if ilvl is not None else "0")


def read_styles(package: Package) -> dict[str, dict]:
    """Style id -> {name, based, outline, num, vanish}: what the reader and the writer look up in styles.xml."""
    root = package.xml(package.first("styles") or "")
    styles: dict[str, dict] = {}
    if root is None:
        return styles
    for style in root.iter(w("style")):
        sid = style.get(w("styleId"))
        if sid is None:
            continue  # no paragraph can name it (style_value never looks a style up without its id)
        name_el = style.find(w("name"))
        based = style.find(w("basedOn"))
        ppr = style.find(w("pPr"))
        outline = ppr.find(w("outlineLvl")) if ppr is not None else None
        num = ppr.find(w("numPr")) if ppr is not None else None
        rpr = style.find(w("rPr"))
        styles[sid] = {
            "name": name_el.get(w("val")) if name_el is not None else sid,
            "based": based.get(w("val")) if based is not None else None,
            "outline": (
                int(level) if outline is not None and (level := outline.get(w("val")) or "").isdigit() else None
            ),
            "num": num_pr(num),
            "vanish": rpr is not None and is_on(rpr.find(w("vanish"))),
        }
    return styles


def style_value(styles: dict, sid: str | None, key: str):
    """`key` of style `sid`, inherited along basedOn (the first value set, None if none)."""
    seen = set()
    while sid and sid in styles and sid not in seen:
        seen.add(sid)
        value = styles[sid][key]
        if value not in (None, False):
            return value
        sid = styles[sid]["based"]
    return None
