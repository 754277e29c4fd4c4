"""Start Fremmødepaletten: `python main.py [--db FILE]`."""

import sys

from norddjurs_desktop.ui.app import run

if __name__ == "__main__":
    sys.exit(run(sys.argv))
