"""`python -m norddjurs_desktop …` runs the command-line interface."""

import sys

from norddjurs_desktop.cli import main

sys.exit(main())
