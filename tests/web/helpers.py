"""Reading the pages the tests fetch: links, ids, and the markup a browser would see."""

from __future__ import annotations

import re
from html.parser import HTMLParser

DOC_LINK = re.compile(r'href="/doc/([0-9a-f]{64})')
ENTITY_LINK = re.compile(r'href="/entity/([0-9a-f]+)"')


def doc_ids(page: str) -> list[str]:
    return list(dict.fromkeys(DOC_LINK.findall(page)))


def entity_ids(page: str) -> list[str]:
    return list(dict.fromkeys(ENTITY_LINK.findall(page)))


class Markup(HTMLParser):
    """Every element and attribute of a page, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def markup(page: str) -> Markup:
    parser = Markup()
    parser.feed(page)
    parser.close()
    return parser
