"""The Windows version resource (Explorer → Egenskaber → Detaljer), from pyproject.toml.

    python packaging/windows/version_info.py build/version_info.txt
    python packaging/windows/version_info.py --print      # just the version (installer)

The spec calls write_version_file() on Windows, so the version shown by
Explorer, the installer and the About dialog is the one in pyproject.toml.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'0.1.0' → (0, 1, 0, 0); Windows wants four numbers."""
    numbers = [int(re.match(r"[0-9]*", part).group() or 0)  # type: ignore[union-attr]
               for part in version.split(".")]
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def version_text(version: str) -> str:
    """The resource in PyInstaller's text form (a VSVersionInfo expression)."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": "Norddjurs Kommune",
        "FileDescription": "Fremmødepaletten",
        "FileVersion": version,
        "InternalName": "fremmoedepaletten",
        "LegalCopyright": "Mozilla Public License 2.0",
        "OriginalFilename": "fremmoedepaletten.exe",
        "ProductName": "Fremmødepaletten",
        "ProductVersion": version,
    }
    entries = ",\n            ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040604b0', [
            {entries}])]),
    VarFileInfo([VarStruct('Translation', [0x0406, 1200])])
  ]
)
"""


def write_version_file(path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(version_text(project_version()), encoding="utf-8")
    return str(path)


if __name__ == "__main__":
    if sys.argv[1:] == ["--print"]:
        print(project_version())
    else:
        print(write_version_file(Path(sys.argv[1]) if len(sys.argv) > 1 else
                                 ROOT / "build" / "version_info.txt"))
