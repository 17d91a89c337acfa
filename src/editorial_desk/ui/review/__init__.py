"""The review workflow in the window: workflow-step actions, the history and
comments panels, the edit-lock banner, the "waiting for me" queues, the users
dialog and the status-bar user text. Self-contained widgets over
`ReviewOperations` (one session per user action); the main window builds them,
`attach(ops)`es them once the store is open and tells them which article is shown.

Import the modules themselves (`ui.review.history_panel`, ...): this package
imports nothing, so loading one panel does not load the others."""
