"""Leave to a Linux desktop the system libraries Qt itself takes from it.

PyInstaller copies every shared library a collected binary links, system ones
included: on the build machine that was ~28 MB of X11/xcb, glib, fontconfig,
FreeType, D-Bus with systemd and libgcrypt behind it, and CUPS with GnuTLS,
Kerberos and Avahi behind it. The PySide6 wheel ships none of these: its Qt
links them from the system (the same set Qt documents as its X11
requirements), so any machine where Qt starts at all already has them, and
copies from the build machine only add weight and the risk of mixing two
versions of one library in one process (the AppImage project's "excludelist"
leaves most of them out for that reason).

The rule, computed from the binaries rather than from a hand-kept list:

1. host libraries = every library a binary of the PySide6 wheel needs
   (``DT_NEEDED``) that the wheel does not ship itself;
2. those are left out, and so is every other top-level library that no
   remaining binary needs any more (GnuTLS was there only for CUPS);
3. everything else stays: the Python runtime and the libraries its modules
   link (SQLite, libffi, expat, lzma, bz2 ...), and the libraries the other
   wheels ship privately (numpy.libs, pillow.libs, psycopg_binary.libs).

Only Linux: on Windows PyInstaller collects no system DLLs (the Windows build's
rules are in packaging/README.md).

    python packaging/host_libs.py dist/Fremmoedepaletten/_internal   # what a built folder links
"""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

# The interpreter is loaded by the bootloader (dlopen), not through DT_NEEDED.
ALWAYS_KEEP = ("libpython",)


@functools.cache
def needed(path: str) -> tuple[str, ...]:
    """The DT_NEEDED names of one ELF file."""
    out = subprocess.run(["readelf", "-d", "-W", path], capture_output=True, text=True).stdout
    return tuple(line.split("[", 1)[1].rstrip("]").strip()
                 for line in out.splitlines() if "(NEEDED)" in line)


def _from_qt_wheel(dest: str) -> bool:
    return dest.replace("\\", "/").startswith(("PySide6/", "shiboken6/"))


def host_libraries(binaries: list) -> set[str]:
    """Names of the libraries the PySide6 wheel expects the system to provide."""
    qt = [(dest, source) for dest, source, kind in binaries
          if kind != "SYMLINK" and _from_qt_wheel(dest)]
    shipped = {Path(dest).name for dest, _ in qt}
    return {name for _, source in qt for name in needed(source)} - shipped


def leave_to_host(binaries: list) -> tuple[list, list[str]]:
    """(the binaries to bundle, the names left to the system)."""
    if not sys.platform.startswith("linux"):
        return binaries, []
    host = host_libraries(binaries)
    # Top-level real files are what PyInstaller copied from the system's library folders;
    # the wheels' own libraries live in their package folders (top-level names are symlinks).
    system = {Path(dest).name: source for dest, source, kind in binaries
              if kind == "BINARY" and "/" not in dest.replace("\\", "/")
              and not dest.startswith(ALWAYS_KEEP)}
    roots = [source for dest, source, kind in binaries
             if kind != "SYMLINK" and Path(dest).name not in system]
    roots += [source for name, source in system.items() if name.startswith(ALWAYS_KEEP)]
    reached: set[str] = set()
    todo = list(roots)
    while todo:
        for name in needed(todo.pop()):
            if name in system and name not in host and name not in reached:
                reached.add(name)
                todo.append(system[name])
    dropped = sorted(name for name in system if name not in reached)
    kept = [entry for entry in binaries
            if not ("/" not in entry[0].replace("\\", "/") and entry[0] in dropped)]
    return kept, dropped


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    found = [(str(p.relative_to(folder)), str(p), "SYMLINK" if p.is_symlink() else "BINARY")
             for p in folder.rglob("*.so*") if p.is_file()]
    print("\n".join(sorted(host_libraries(found))))
