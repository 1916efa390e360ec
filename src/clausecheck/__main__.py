import sys

from clausecheck.cli import main

sys.exit(main())
