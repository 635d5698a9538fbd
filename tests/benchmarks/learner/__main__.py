"""python -m tests.benchmarks.learner"""

import sys

from tests.benchmarks.learner import main

sys.exit(main(sys.argv[1:]))
