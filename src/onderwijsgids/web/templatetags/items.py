"""``{% load items %}`` then ``{{ item|item_url }}``: an item's permanent address, from the one
place that makes them (:func:`onderwijsgids.kb.urls.item_path`)."""

from __future__ import annotations

from django import template

from onderwijsgids.kb.urls import item_path

register = template.Library()


@register.filter
def item_url(item) -> str:
    """``/actiepunten/3/``, ``/regelingen/oom-ptt/``: for any item or reference with a type."""
    return item_path(item.type, item.id)
