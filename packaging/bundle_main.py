"""Entry point of the Linux bundle, where one executable is both programs.

    fremmoedepaletten ...        the command line (no Qt is loaded)
    fremmoedepaletten-gui ...    the window: a symlink to the same executable

Linux has no console and window kinds of executable, so the two programs need
not be two executables, each with its own ~16 MB copy of every Python module.
The name the program was started by decides which one runs. Windows keeps two
executables (a console one for IT's scripts, a windowed one for the Start
menu): one executable there would open a console window beside the app.
"""

import sys
from pathlib import Path

WINDOW_PROGRAM = "fremmoedepaletten-gui"


def main() -> int:
    if Path(sys.argv[0]).name.startswith(WINDOW_PROGRAM):
        import gui_main

        return gui_main.main()
    import cli_main

    return cli_main.main()


if __name__ == "__main__":
    sys.exit(main())
