"""Outputs of an advice: Markdown, iCalendar and PDF. Markdown and iCalendar need no Django."""
