"""Small template helpers for item pages (faster than an {% include %} inside a loop)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def source_link(bron) -> SafeString:
    """A source (``presenters.SourceView``) as a link to its address, or its guide section."""
    if bron.url:
        return format_html('<a href="{}">{}</a>', bron.url, bron.label)
    return format_html("{}", bron.label)
