"""Entry point of the frozen `ytcs` executable: the same `main` as the console script, so `ytcs`
with no command opens the window and every subcommand works as when installed with pip."""

import sys

from ytcs_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
