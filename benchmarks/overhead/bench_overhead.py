"""The Python side of the overhead benchmark: iterate a result through kikv (ctypes), converting
every value to a Python value. Prints one JSON object.
    KIKV_LIBRARY=.../libkikv.so PYTHONPATH=bindings/python python3 bench_overhead.py DATA.nt [RUNS]"""
import json
import sys
import time

import kikv

QUERY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"


def main():
    data, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with kikv.Store() as store:
        store.load(data)
        best, rows = None, 0
        for _ in range(runs):
            t0 = time.perf_counter()
            rows = 0
            values = 0
            for row in store.query(QUERY):
                rows += 1
                values += len(row)
            secs = time.perf_counter() - t0
            best = secs if best is None else min(best, secs)
    print(json.dumps({"rows": rows, "values": values, "seconds": best}))


if __name__ == "__main__":
    main()
