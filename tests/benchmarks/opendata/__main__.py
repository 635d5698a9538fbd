import sys

from tests.benchmarks.opendata import main

sys.exit(main(sys.argv[1:]))
