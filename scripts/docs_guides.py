"""The guide pages of the docs site: ``docs/*.md``, the README, CONTRIBUTING and the changelog, rendered
into ``guide/`` with a navigation between them. Links between these files become links between their pages,
and the images they show are copied beside the site, so the Markdown reads the same on GitHub and in the
site. Heading ids follow GitHub's rule, so an anchor works in both."""

from __future__ import annotations

import html
import os
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = "guide"
#: Files outside docs/ rendered as guide pages, by the name of their page.
EXTRA = {
    "readme": ROOT / "README.md",
    "contributing": ROOT / "CONTRIBUTING.md",
    "changelog": ROOT / "CHANGELOG.md",
}
HEADING = re.compile(r'<h([1-6]) id="[^"]*">(.*?)</h\1>', re.DOTALL)
LINK = re.compile(r'(href|src)="([^"#:]+)(#[^"]*)?"')


@dataclass(frozen=True)
class Guide:
    name: str  # the page is guide/<name>.html
    source: Path
    title: str


def slug(text: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = unicodedata.normalize("NFC", text).strip().lower()
    return re.sub(r"\s", "-", re.sub(r"[^\w\s-]", "", text))


def title(markdown: str, fallback: str) -> str:
    found = re.search(r"^# (.+)$", markdown, flags=re.MULTILINE)
    return re.sub(r"`", "", found.group(1)).strip() if found else fallback


def guides() -> list[Guide]:
    """The docs/ pages in name order, then the README, CONTRIBUTING and the changelog."""
    sources = {p.stem: p for p in sorted((ROOT / "docs").glob("*.md"))} | EXTRA
    return [Guide(n, p, title(p.read_text(encoding="utf-8"), n)) for n, p in sources.items()]


def _ids(page: str) -> str:
    seen: dict[str, int] = {}

    def one(match: re.Match[str]) -> str:
        level, inner = match.group(1), match.group(2)
        anchor = slug(html.unescape(re.sub(r"<[^>]+>", "", inner)))
        count = seen.get(anchor, 0)
        seen[anchor] = count + 1
        unique = f"{anchor}-{count}" if count else anchor
        return f'<h{level} id="{unique}">{inner}</h{level}>'

    return HEADING.sub(one, page)


def _links(page: str, source: Path, pages: dict[Path, str], out: Path) -> str:
    """Relative links to rendered files point at their pages; to images, at their copies (made here)."""
    here = out / FOLDER

    def one(match: re.Match[str]) -> str:
        attribute, target, fragment = match.group(1), match.group(2), match.group(3) or ""
        path = (source.parent / html.unescape(target)).resolve()
        if path in pages:
            return f'{attribute}="{pages[path]}.html{fragment}"'
        if attribute == "src" and path.is_file() and path.is_relative_to(ROOT):
            copy = out / path.relative_to(ROOT)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, copy)
            return f'{attribute}="{html.escape(os.path.relpath(copy, here))}{fragment}"'
        return match.group(0)

    return LINK.sub(one, page)


def _page(guide: Guide, body: str, nav: str, menu: str, style: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(guide.title)} — billing-sessions</title>
<link rel="icon" type="image/png" href="../swagger-ui/favicon-32x32.png">
<style>{style}
.guides {{ float: right; width: 15rem; margin: 0 0 1rem 1.5rem; padding: .5rem 1rem; background: #f5f5f5; }}
.guides ul {{ padding-left: 1rem; }} main img {{ max-width: 100%; }}
</style>
</head>
<body>
<nav class="docs">{nav}</nav>
<main>
<aside class="guides"><strong>Guides</strong>{menu}</aside>
{body}
</main>
</body>
</html>
"""


def menu(items: list[Guide], prefix: str) -> str:
    """A list linking every guide page (``prefix``: the path from the page to ``guide/``)."""
    rows = "".join(f'<li><a href="{prefix}{g.name}.html">{html.escape(g.title)}</a></li>' for g in items)
    return f'<ul class="guide-list">{rows}</ul>'


def build(out: Path, nav: str, style: str) -> list[Guide]:
    """Write every guide page into ``out/guide/``; returns them (for the index's list)."""
    from pdoc.render_helpers import to_html  # here: the tests read the rules above without pdoc

    items = guides()
    pages = {g.source.resolve(): g.name for g in items}
    (out / FOLDER).mkdir(parents=True, exist_ok=True)
    side = menu(items, "")
    for guide in items:
        body = _links(_ids(to_html(guide.source.read_text(encoding="utf-8"))), guide.source, pages, out)
        page = _page(guide, body, nav, side, style)
        (out / FOLDER / f"{guide.name}.html").write_text(page, encoding="utf-8")
    return items
