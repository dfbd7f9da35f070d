"""Qt only: the main window, compose widgets, recipients editor, status table and dialogs."""
