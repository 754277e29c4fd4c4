"""The Linux bundle leaves Qt's desktop libraries to the system, never Python's own.

(packaging/host_libs.py)
"""

from __future__ import annotations

import _sqlite3
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT = Path(__import__("PySide6").__file__).parent

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("readelf") is None
    or shutil.which("ldd") is None, reason="Linux with binutils only (readelf)")


def _host_libs():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("host_libs", ROOT / "packaging" / "host_libs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _system_paths(binary: Path) -> dict[str, str]:
    """name -> path of the system libraries ``binary`` loads, as PyInstaller finds them (ldd)."""
    out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True).stdout
    found = {}
    for line in out.splitlines():
        name, _, rest = line.strip().partition(" => ")
        path = rest.split(" (")[0]
        if path.startswith("/") and "PySide6" not in path:
            found[name] = path
    return found


def test_qt_desktop_libraries_go_python_runtime_libraries_stay() -> None:
    host_libs = _host_libs()
    gui = QT / "Qt" / "lib" / "libQt6Gui.so.6"
    sqlite_ext = Path(_sqlite3.__file__)
    system = {**_system_paths(gui), **_system_paths(sqlite_ext)}
    if "libglib-2.0.so.0" not in system or "libsqlite3.so.0" not in system:
        pytest.skip("this Python or Qt links neither glib nor a shared libsqlite3")
    binaries = [
        ("PySide6/Qt/lib/libQt6Gui.so.6", str(gui), "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", str(QT / "Qt" / "lib" / "libQt6Core.so.6"), "BINARY"),
        (f"python3.11/lib-dynload/{sqlite_ext.name}", str(sqlite_ext), "EXTENSION"),
        *[(name, path, "BINARY") for name, path in system.items()],
    ]

    kept, dropped = host_libs.leave_to_host(binaries)

    kept_names = {Path(dest).name for dest, _, _ in kept}
    # what Qt's wheel takes from the desktop, and what only those libraries needed
    assert {"libglib-2.0.so.0", "libX11.so.6", "libfontconfig.so.1"} & set(system) <= set(dropped)
    if "libpcre2-8.so.0" in system and "libpcre2-8.so.0" not in host_libs.needed(sqlite_ext):
        assert "libpcre2-8.so.0" in dropped  # glib's regex library goes with glib
    # the app's own parts and the database engine Python links stay
    assert {"libQt6Gui.so.6", "libQt6Core.so.6", sqlite_ext.name, "libsqlite3.so.0"} <= kept_names
    assert "libsqlite3.so.0" not in dropped


def test_host_libraries_are_what_the_qt_wheel_does_not_ship() -> None:
    host_libs = _host_libs()
    found = [(str(p.relative_to(QT.parent)), str(p), "BINARY")
             for p in (QT / "Qt" / "lib").glob("lib*.so*") if not p.is_symlink()]
    host = host_libs.host_libraries(found)
    assert "libglib-2.0.so.0" in host and "libxkbcommon.so.0" in host
    assert not any(name.startswith(("libQt6", "libicu")) for name in host)
