"""Plain-Python rules of the workspace (no Django): study years, deadlines, CSV, reminders."""
