"""Files and secrets: drafts, recent files, settings, history. No Qt."""
