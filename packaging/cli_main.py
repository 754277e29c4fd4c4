"""Entry point of the bundled command line (``fremmoedepaletten``), the one IT can script.

Same commands as ``python -m norddjurs_desktop``; no Qt is loaded.
"""

import sys

from norddjurs_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
