"""The unit's own absence data: import, list, delete, load and the figures.

One name for callers (GUI, CLI, demo, tests); the work is split into
:mod:`.absence_import` (writing) and :mod:`.absence_stats` (reading and the
figures). Key figures typed from the data portal are in :mod:`.key_figures`.
"""

from __future__ import annotations

from norddjurs_desktop.services.absence_import import (
    delete_import,
    import_absence_files,
    remembered_mapping,
)
from norddjurs_desktop.services.absence_stats import (
    AbsenceDataset,
    FilterRefused,
    ImportInfo,
    list_imports,
    load_dataset,
    refused_teams,
    unit_stats,
)

__all__ = [
    "AbsenceDataset",
    "FilterRefused",
    "ImportInfo",
    "delete_import",
    "import_absence_files",
    "list_imports",
    "load_dataset",
    "refused_teams",
    "remembered_mapping",
    "unit_stats",
]
