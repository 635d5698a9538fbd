"""Run the benchmarks: ``python -m tests.benchmarks [pages] [search] [rooms] [peer] [processes]``
(default: all).

Each benchmark is a package here with a ``main(argv) -> int`` that prints one line per figure,
with the conditions it was measured under. ``make bench`` runs this; ``make test`` never does.
"""

import importlib
import sys

BENCHMARKS = ("pages", "search", "rooms", "opendata")


def run(names: list[str]) -> int:
    status = 0
    for name in names or BENCHMARKS:
        if name not in BENCHMARKS:
            print(f"unknown benchmark {name!r}; choose from {', '.join(BENCHMARKS)}")
            return 2
        print(f"== {name}", flush=True)
        status |= importlib.import_module(f"tests.benchmarks.{name}").main([])
    return status


# Issue 18: Puente beside the Wagtail LMS peer, and throughput against processes.
BENCHMARKS += ("peer", "processes")

sys.exit(run(sys.argv[1:]))
