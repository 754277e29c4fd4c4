"""The bundle's ICU data keeps what Danish text needs (packaging/icu_data.py)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _icu_data():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("icu_data", ROOT / "packaging" / "icu_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_danish_english_and_shared_tables_stay_other_locales_go() -> None:
    dropped = _icu_data().dropped
    for kept in ("da.res", "coll/da.res", "en_GB.res", "root.res", "coll/root.res",
                 "coll/ucadata.icu", "res_index.res", "zone/da.res", "supplementalData.res",
                 "brkitr/cjdict.dict", "ibm-5348_P100-1997.cnv", "iso-8859_15-1999.cnv",
                 "ibm-865_P100-1995.cnv", "unames.icu", "pool.res", "zoneinfo64.res"):
        assert not dropped(kept), kept
    for gone in ("de.res", "coll/zh_Hant.res", "lang/fr_CA.res", "coll/de_.res",
                 "gb18030.cnv", "ibm-1390_P110-2003.cnv", "confusables.cfu"):
        assert dropped(gone), gone


QT_LIB = Path(__import__("PySide6").__file__).parent / "Qt" / "lib"
ICUDATA = next(iter(QT_LIB.glob("libicudata.so.*")), None)


@pytest.mark.skipif(
    ICUDATA is None or shutil.which("icupkg") is None or shutil.which("cc") is None,
    reason="Linux with ICU's icupkg and a C compiler (the bundle build's tools)",
)
def test_qt_sorts_danish_with_the_trimmed_data(tmp_path: Path) -> None:
    assert ICUDATA is not None
    trimmed = _icu_data().trim(ICUDATA, tmp_path / "icu")
    assert trimmed.stat().st_size < ICUDATA.stat().st_size / 3
    # A copy of Qt's libraries with the trimmed data, loaded by a fresh interpreter.
    qt = tmp_path / "site" / "PySide6"
    shutil.copytree(QT_LIB.parents[1], qt, symlinks=True)
    shutil.copytree(QT_LIB.parents[2] / "shiboken6", tmp_path / "site" / "shiboken6")
    shutil.copy(trimmed, qt / "Qt" / "lib" / ICUDATA.name)
    code = (
        "import PySide6\n"
        "from PySide6.QtCore import QCollator, QLocale, QStringDecoder\n"
        "c = QCollator(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))\n"
        "print(PySide6.__file__)\n"
        "print('|'.join(sorted(['Aarhus', 'Zealand', 'Ærø', 'Åbo', 'Øster'], key=c.sortKey)))\n"
        "print(QStringDecoder('windows-1252').isValid())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"PYTHONPATH": str(tmp_path / "site"), "QT_QPA_PLATFORM": "offscreen"},
                         check=True).stdout.splitlines()
    assert out[0].startswith(str(tmp_path))
    assert out[1:] == ["Zealand|Ærø|Øster|Åbo|Aarhus", "True"]
