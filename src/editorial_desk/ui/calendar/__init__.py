"""The office's publication plan: month, week and agenda views of the dated items,
the unscheduled tray beside them, drag to reschedule with undo.

The entry point is `editorial_desk.ui.calendar.panel.CalendarPanel`; it reaches the
database only through `source.CalendarSource`. This package file imports nothing,
so importing one calendar module does not pull in the others."""
