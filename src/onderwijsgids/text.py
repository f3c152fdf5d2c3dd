"""Safe Markdown: content is written by editors, rendered once at load time, sanitised by nh3."""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"linkify": False, "typographer": False}).enable("table")

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "code", "abbr",
}


def render_markdown(source: str) -> str:
    """Markdown to sanitised HTML; links get ``rel=noopener`` and nothing executable survives."""
    html = _md.render(source or "")
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}, "abbr": {"title"},
                                                            "th": {"scope"}},
                     link_rel="noopener noreferrer", url_schemes={"http", "https", "mailto", "tel"})
