import sys

from tests.benchmarks.search import main

sys.exit(main(sys.argv[1:]))
