"""Trim the ICU data library Qt carries on Linux to the locales the app speaks.

``libicudata.so.73`` is 31 MB: collation, names and number formats for about 500
locales, plus converters for EBCDIC and East Asian encodings. Qt uses ICU for
collation (QCollator), case mapping and legacy text codecs; the app speaks Danish
(and Qt's own English). The build keeps root, da* and en* locale data, every
non-locale table (Unicode properties, collation base data, time zones, break
rules and dictionaries) and the Western codepages (ISO 8859, Windows-125x, DOS
437/850/865), and drops the rest: 31 MB becomes about 8.5 MB.

How: the data is one symbol, ``icudt<N>_dat``, in the library's ``.rodata``. It is
cut out, filtered with ICU's own ``icupkg`` (Debian: icu-devtools; it refuses a
removal that another kept item depends on), and assembled into a library with
the same soname and symbol. Without ``icupkg`` or a C compiler, or on any other
platform, the original library stays (the bundle is then only bigger).

    python packaging/icu_data.py LIBRARY OUT_DIR     # try it by hand
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

KEEP_LOCALES = re.compile(r"^(root|da|en)(_[A-Za-z0-9_]*)?$")
LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")
KEEP_CODEPAGES = re.compile(r"8859|ibm-53(4[6-9]|5[0-4])_|ibm-1252_|ibm-(437|850|865)_")
SYMBOL = re.compile(r"\b(icudt(\d+)_dat)\b")


def dropped(item: str) -> bool:
    """True for an item of the ICU package the app never needs."""
    name = item.rsplit("/", 1)[-1]
    stem, _, kind = name.rpartition(".")
    if name == "confusables.cfu":  # spoof detection for identifiers
        return True
    if kind == "cnv":
        return not KEEP_CODEPAGES.search(stem)
    if kind == "res" and stem != "res_index" and LOCALE.match(stem):
        return not KEEP_LOCALES.match(stem)
    return False


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def _data_symbol(library: Path) -> tuple[str, str, int, int]:
    """(symbol, version, file offset, size) of the data blob in the library."""
    symbols = _run("readelf", "--dyn-syms", "-W", str(library))
    for line in symbols.splitlines():
        match = SYMBOL.search(line)
        if match and " OBJECT " in line:
            fields = line.split()
            address, size = int(fields[1], 16), int(fields[2], 0)
            break
    else:
        raise ValueError(f"no icudt*_dat symbol in {library}")
    for line in _run("readelf", "-S", "-W", str(library)).splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".rodata":
            section_address, section_offset = int(fields[3], 16), int(fields[4], 16)
            return match.group(1), match.group(2), address - section_address + section_offset, size
    raise ValueError(f"no .rodata in {library}")


def trim(library: Path, work: Path) -> Path:
    """Build the trimmed library in ``work`` and return its path."""
    symbol, version, offset, size = _data_symbol(library)
    work.mkdir(parents=True, exist_ok=True)
    package = work / f"icudt{version}l.dat"  # icupkg takes the package name from the file
    with library.open("rb") as source:
        source.seek(offset)
        package.write_bytes(source.read(size))
    items = [line.strip() for line in _run("icupkg", "-l", str(package)).splitlines()]
    drop_list = work / "dropped.txt"
    drop_list.write_text("\n".join(item for item in items if item and dropped(item)) + "\n")
    trimmed_dir = work / "trimmed"
    trimmed_dir.mkdir(exist_ok=True)
    trimmed = trimmed_dir / package.name
    trimmed.unlink(missing_ok=True)
    _run("icupkg", "-r", str(drop_list), str(package), str(trimmed))
    assembly = work / "icudata.S"
    assembly.write_text(
        "    .section .rodata\n"
        f"    .global {symbol}\n"
        f"    .type {symbol}, @object\n"
        "    .balign 16\n"
        f"{symbol}:\n"
        f'    .incbin "{trimmed}"\n'
        f"    .size {symbol}, . - {symbol}\n"
        '    .section .note.GNU-stack,"",@progbits\n'
    )
    output = work / library.name
    _run("cc", "-shared", "-nostdlib", "-o", str(output), f"-Wl,-soname,{library.name}",
         str(assembly))
    return output


def trimmed_binaries(binaries: list, work: Path) -> list:
    """PyInstaller's binaries with libicudata replaced by a trimmed build, where possible."""
    if not sys.platform.startswith("linux"):
        return binaries
    missing = [tool for tool in ("icupkg", "cc", "readelf") if shutil.which(tool) is None]
    result = []
    for dest, source, kind in binaries:
        if Path(dest).name.startswith("libicudata.so"):
            if missing:
                print(f"icu_data: {', '.join(missing)} missing; ICU data left whole")
            else:
                source = str(trim(Path(source), work))
        result.append((dest, source, kind))
    return result


if __name__ == "__main__":
    print(trim(Path(sys.argv[1]), Path(sys.argv[2])))
