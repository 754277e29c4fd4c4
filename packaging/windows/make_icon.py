"""Render resources/icons/fremmoedepaletten.svg into the Windows icon (.ico).

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/windows/make_icon.py

Each size is drawn by Qt's SVG renderer from the vector file (sharper than
scaling one bitmap down), then Pillow writes the sizes into one .ico. The
result is committed as packaging/windows/fremmoedepaletten.ico; run this again
whenever the SVG changes.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[2]
SVG = ROOT / "resources" / "icons" / "fremmoedepaletten.svg"
ICO = ROOT / "packaging" / "windows" / "fremmoedepaletten.ico"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def main() -> int:
    _app = QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"Cannot read {SVG}", file=sys.stderr)
        return 1
    images = [render(renderer, size) for size in SIZES]
    largest = images[-1]
    largest.save(ICO, format="ICO", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    print(f"{ICO} ({', '.join(map(str, SIZES))} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
