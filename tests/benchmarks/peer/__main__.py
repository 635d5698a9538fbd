"""python -m tests.benchmarks.peer"""

import sys

from tests.benchmarks.peer import main

sys.exit(main(sys.argv[1:]))
