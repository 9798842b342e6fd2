"""Qt widgets, dialogs, item models and background workers. No SQL or rules here."""
