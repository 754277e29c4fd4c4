"""The data view: the unit's own absence figures, their import, and typed key figures."""
