"""Entry point of the bundled window program (``fremmoedepaletten-gui``).

    fremmoedepaletten-gui [--db FILE]
    fremmoedepaletten-gui --self-test [--db FILE]   # start, check, quit (make bundle-check)
"""

import sys


def main() -> int:
    if "--self-test" in sys.argv:
        from norddjurs_desktop.ui.self_test import run_self_test

        return run_self_test([arg for arg in sys.argv if arg != "--self-test"])
    from norddjurs_desktop.ui.app import run

    return run(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
