"""Use cases over domain + storage. The only layer that opens database sessions.

Services take a :class:`~norddjurs_desktop.storage.database.Database` and return
plain dataclasses, so the GUI and the CLI never see a table or a session.
"""
