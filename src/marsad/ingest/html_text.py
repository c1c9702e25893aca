"""All visible text of a page, however deeply it nests: the fallback when lxml gives up.

libxml2 stops building the tree at 256 nested elements (2,048 with its "huge" option), so a hostile or
machine-made page nested deeper parses to an empty tree and trafilatura finds no text. Python's own
html.parser keeps no tree: it streams tags and text with no depth limit, so it can still read what the
page shows (script, style and other invisible elements left out, nothing fetched).
"""

from __future__ import annotations

from html.parser import HTMLParser

_INVISIBLE = frozenset({"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0  # inside this many invisible elements
        self.depth = 0
        self.deepest = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        self.depth += 1
        self.deepest = max(self.deepest, self.depth)
        self.hidden += tag in _INVISIBLE

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        self.depth = max(0, self.depth - 1)
        if tag in _INVISIBLE and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden and data.strip():
            self.parts.append(data.strip())


def visible_text(page: str) -> tuple[str, int]:
    """The page's visible text, a line per run of text, and how deep its elements nest."""
    parser = _Text()
    parser.feed(page)
    parser.close()
    return "\n".join(parser.parts), parser.deepest
