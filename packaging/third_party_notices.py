"""Write resources/licenses/THIRD_PARTY_NOTICES.md from the lock file.

    python packaging/third_party_notices.py          # rewrite the file
    python packaging/third_party_notices.py --check  # exit 1 if it is out of date

Every package the app runs with (the runtime part of uv.lock, on Linux and
Windows) is listed at its locked version with its licence and where its
source is. The licences are kept here by hand because package metadata is
too uneven to read them from (matplotlib's "License:" is a whole agreement);
a package in the lock that is missing here stops the script, so an upgrade
cannot slip into the bundle without its notice.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "uv.lock"
NOTICES = ROOT / "resources" / "licenses" / "THIRD_PARTY_NOTICES.md"
PROJECT = "fremmoedepaletten"

# name in the lock -> (SPDX licence, where the source is)
LICENCES: dict[str, tuple[str, str]] = {
    "alembic": ("MIT", "https://github.com/sqlalchemy/alembic"),
    "annotated-types": ("MIT", "https://github.com/annotated-types/annotated-types"),
    "charset-normalizer": ("MIT", "https://github.com/jawah/charset_normalizer"),
    "colorama": ("BSD-3-Clause", "https://github.com/tartley/colorama"),
    "contourpy": ("BSD-3-Clause", "https://github.com/contourpy/contourpy"),
    "cycler": ("BSD-3-Clause", "https://github.com/matplotlib/cycler"),
    "et-xmlfile": ("MIT", "https://foss.heptapod.net/openpyxl/et_xmlfile"),
    "fonttools": ("MIT", "https://github.com/fonttools/fonttools"),
    "greenlet": ("MIT AND PSF-2.0", "https://github.com/python-greenlet/greenlet"),
    "holidays": ("MIT", "https://github.com/vacanza/holidays"),
    "icalendar": ("BSD-2-Clause", "https://github.com/collective/icalendar"),
    "kiwisolver": ("BSD-3-Clause", "https://github.com/nucleic/kiwi"),
    "mako": ("MIT", "https://github.com/sqlalchemy/mako"),
    "markupsafe": ("BSD-3-Clause", "https://github.com/pallets/markupsafe"),
    "matplotlib": ("PSF-based matplotlib licence", "https://github.com/matplotlib/matplotlib"),
    "numpy": ("BSD-3-Clause AND 0BSD AND MIT AND Zlib AND CC0-1.0",
              "https://github.com/numpy/numpy"),
    "openpyxl": ("MIT", "https://foss.heptapod.net/openpyxl/openpyxl"),
    "packaging": ("Apache-2.0 OR BSD-2-Clause", "https://github.com/pypa/packaging"),
    "pillow": ("MIT-CMU", "https://github.com/python-pillow/Pillow"),
    "pydantic": ("MIT", "https://github.com/pydantic/pydantic"),
    "pydantic-core": ("MIT", "https://github.com/pydantic/pydantic-core"),
    "psycopg": ("LGPL-3.0-only", "https://github.com/psycopg/psycopg"),
    # The binary wheel carries libpq (PostgreSQL licence), OpenSSL (Apache-2.0), MIT
    # Kerberos, OpenLDAP and Cyrus SASL (BSD-style licences) beside the LGPL module.
    "psycopg-binary": ("LGPL-3.0-only; bundled libpq: PostgreSQL; OpenSSL: Apache-2.0",
                       "https://github.com/psycopg/psycopg"),
    "pyparsing": ("MIT", "https://github.com/pyparsing/pyparsing"),
    "pyside6-essentials": ("LGPL-3.0-only (chosen of LGPL-3.0/GPL-2.0/GPL-3.0)",
                           "https://code.qt.io/cgit/pyside/pyside-setup.git"),
    "pyside6-pdf": ("LGPL-3.0-only (chosen of LGPL-3.0/GPL-2.0/GPL-3.0)",
                    "https://code.qt.io/cgit/pyside/pyside-setup.git"),
    "python-calamine": ("MIT", "https://github.com/dimastbk/python-calamine"),
    "python-dateutil": ("Apache-2.0 AND BSD-3-Clause", "https://github.com/dateutil/dateutil"),
    "reportlab": ("BSD-3-Clause", "https://hg.reportlab.com/hg-public/reportlab"),
    "shiboken6": ("LGPL-3.0-only (chosen of LGPL-3.0/GPL-2.0/GPL-3.0)",
                  "https://code.qt.io/cgit/pyside/pyside-setup.git"),
    "six": ("MIT", "https://github.com/benjaminp/six"),
    "sqlalchemy": ("MIT", "https://github.com/sqlalchemy/sqlalchemy"),
    "sqlmodel": ("MIT", "https://github.com/fastapi/sqlmodel"),
    "tomli-w": ("MIT", "https://github.com/hukkin/tomli-w"),
    "typing-extensions": ("PSF-2.0", "https://github.com/python/typing_extensions"),
    "typing-inspection": ("MIT", "https://github.com/pydantic/typing-inspection"),
    "tzdata": ("Apache-2.0", "https://github.com/python/tzdata"),
}


def runtime_packages(lock_text: str) -> dict[str, str]:
    """name -> version of everything the project needs at run time (no extras), any OS."""
    packages = {p["name"]: p for p in tomllib.loads(lock_text)["package"]}
    wanted: dict[str, str] = {}
    todo = list(packages[PROJECT].get("dependencies", []))
    while todo:
        dependency = todo.pop()
        package = packages[dependency["name"]]
        # an extra asked for (psycopg[binary]) brings its own packages
        for extra in dependency.get("extra", []):
            todo.extend(package.get("optional-dependencies", {}).get(extra, []))
        if dependency["name"] in wanted:
            continue
        wanted[dependency["name"]] = package["version"]
        todo.extend(package.get("dependencies", []))
    return dict(sorted(wanted.items()))


def qt_version(packages: dict[str, str]) -> str:
    return packages["pyside6-essentials"]


def render(lock_text: str) -> str:
    packages = runtime_packages(lock_text)
    missing = sorted(set(packages) - set(LICENCES))
    if missing:
        raise SystemExit(f"No licence recorded for {', '.join(missing)}: add it to LICENCES.")
    qt = qt_version(packages)
    minor = ".".join(qt.split(".")[:2])
    lines = [
        "# Third-party notices",
        "",
        "Fremmødepaletten itself is licensed under the Mozilla Public License 2.0 (LICENSE).",
        "The installed app and the bundle for Windows and Linux contain the programs below,",
        "each under its own licence. This file is generated from uv.lock by",
        "`packaging/third_party_notices.py`; do not edit it by hand.",
        "",
        "## Qt and Qt for Python (PySide6) — LGPL-3.0",
        "",
        f"The user interface uses Qt {qt} through Qt for Python (PySide6 {qt}, the",
        "PySide6-Essentials and PySide6-Pdf wheels, and shiboken6), used under the GNU",
        "Lesser General Public License version 3. The full texts of the LGPL-3.0 and of the",
        "GPL-3.0 it refers to are in LGPL-3.0.txt and GPL-3.0.txt beside this file.",
        "",
        "- Qt's libraries are shipped unmodified as separate shared libraries (in the",
        "  bundle's `_internal/PySide6` folder), so a user can replace them with another",
        "  build of the same Qt version.",
        f"- The source of Qt {qt}: https://download.qt.io/official_releases/qt/{minor}/{qt}/single/",
        "  and https://code.qt.io/cgit/qt/qtbase.git (tag v" + qt + ").",
        f"- The source of PySide6/shiboken6 {qt}: https://code.qt.io/cgit/pyside/pyside-setup.git",
        f"  (tag v{qt}).",
        "- On request the project provides a copy of exactly these sources.",
        "",
        "## Python",
        "",
        "The bundle contains the Python interpreter and standard library (PSF-2.0,",
        "https://www.python.org/downloads/source/), and the PyInstaller bootloader",
        "(GPL-2.0-or-later with the bootloader exception, which allows distribution with",
        "any program: https://github.com/pyinstaller/pyinstaller).",
        "",
        "## Python packages",
        "",
        "| package | version | licence | source |",
        "|---|---|---|---|",
    ]
    for name, version in packages.items():
        licence, source = LICENCES[name]
        lines.append(f"| {name} | {version} | {licence} | {source} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the file is current")
    args = parser.parse_args(argv)
    text = render(LOCK.read_text(encoding="utf-8"))
    if args.check:
        if NOTICES.read_text(encoding="utf-8") != text:
            print(f"{NOTICES} is out of date: run this script.", file=sys.stderr)
            return 1
        return 0
    NOTICES.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
