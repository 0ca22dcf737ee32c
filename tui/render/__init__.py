"""Rich text of what the screens show (the agenda's bar and detail pane, an initiative, a poll): no widgets."""
