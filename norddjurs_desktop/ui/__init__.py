"""The Qt front end: widgets, models, dialogs. Calls services, never SQL."""
