"""The knowledge base: schema, loading and checking of ``content/`` (no web imports)."""

from pathlib import Path

from .loader import ContentError, KnowledgeBase, Problem, load_knowledge_base, read_items

__all__ = ["ContentError", "KnowledgeBase", "Problem", "load_knowledge_base", "read_items",
           "default_content_dir"]


def default_content_dir() -> Path:
    """``content/`` at the repository root, or ``ONDERWIJSGIDS_CONTENT`` when set."""
    import os

    configured = os.environ.get("ONDERWIJSGIDS_CONTENT")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[3] / "content"
