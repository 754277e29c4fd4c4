"""Runtime hook of the Linux bundle: Qt's plugin folder, for the window program only.

It replaces PyInstaller's own PySide6 hook there, which imports QtCore at every
start: the command line shares the executable (packaging/bundle_main.py) and
must start without Qt (no Qt libraries, no glib, works on a server without a
desktop). The rest of that hook is not needed for PySide6's PyPI wheels, which
point Qt at its own folder themselves when imported.
"""

import os
import sys

if os.path.basename(sys.argv[0]).startswith("fremmoedepaletten-gui"):
    os.environ["QT_PLUGIN_PATH"] = os.path.join(sys._MEIPASS, "PySide6", "Qt", "plugins")
