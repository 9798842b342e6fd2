import sys

from ytcs_desktop.cli import main

sys.exit(main())
