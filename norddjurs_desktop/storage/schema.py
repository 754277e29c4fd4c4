"""The schema revision this version of the app writes.

Kept as a constant so that opening an up-to-date file needs no Alembic import
(start-up time); a test checks it against the migrations' head.
"""

HEAD_REVISION = "0008"
