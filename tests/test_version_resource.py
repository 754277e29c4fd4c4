"""One version number: pyproject.toml, the app's About dialog and the Windows .exe resource."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import norddjurs_desktop

ROOT = Path(__file__).resolve().parents[1]


def load_version_info():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "version_info", ROOT / "packaging" / "windows" / "version_info.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_app_and_the_package_have_one_version() -> None:
    assert load_version_info().project_version() == norddjurs_desktop.__version__


def test_the_exe_resource_carries_that_version_as_four_numbers() -> None:
    module = load_version_info()
    assert module.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert module.version_tuple("2.10.3rc1") == (2, 10, 3, 0)
    calls: list[tuple[str, tuple, dict]] = []

    def record(name: str):  # type: ignore[no-untyped-def]
        def build(*args: object, **kwargs: object) -> str:
            calls.append((name, args, kwargs))
            return name
        return build

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct"]
    eval(module.version_text(norddjurs_desktop.__version__),  # noqa: S307 - our own text
         {name: record(name) for name in names})
    fixed = next(kwargs for name, _args, kwargs in calls if name == "FixedFileInfo")
    assert fixed["filevers"] == module.version_tuple(norddjurs_desktop.__version__)
    strings = {args[0]: args[1] for name, args, _kw in calls if name == "StringStruct"}
    assert strings["ProductVersion"] == strings["FileVersion"] == norddjurs_desktop.__version__
    assert strings["ProductName"] == "Fremmødepaletten"
