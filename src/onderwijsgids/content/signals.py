"""Sent inside the load transaction, so derived data (the search index) is replaced atomically."""

from django.dispatch import Signal

# kwargs: kb (onderwijsgids.kb.KnowledgeBase), release (ContentRelease)
content_loaded = Signal()
