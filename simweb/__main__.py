"""`python -m simweb`."""
import sys

from simweb.cli import cli_main

sys.exit(cli_main())
