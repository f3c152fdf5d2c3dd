"""Onderwijsgids: de onderwijsgids van Koninklijke Metaalunie als interactieve applicatie."""
