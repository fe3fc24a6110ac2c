#!/usr/bin/env python3
"""Example: load the example care provider and ask which Wlz indications were running on a
reference date (peildatum), with the peildatum as a query parameter.

    KIKV_LIBRARY=build/release/lib/libkikv.so PYTHONPATH=bindings/python \\
        python3 examples/python/zorg.py examples/data/zorgaanbieder-klein.ttl
"""
import datetime
import sys

import kikv

QUERY = """
PREFIX onz-g:    <http://purl.org/ozo/onz-g#>
PREFIX onz-zorg: <http://purl.org/ozo/onz-zorg#>
SELECT ?client ?profiel ?start WHERE {
  ?indicatie a onz-zorg:WlzIndicatie ; onz-g:isAbout ?client ;
             onz-zorg:heeftZorgprofiel ?profiel ; onz-g:startDatum ?start .
  FILTER(?start <= ?peildatum)
} ORDER BY ?start
"""


def main(paths):
    with kikv.Store() as store:
        for path in paths:
            store.load(path)
        print("%d statements loaded" % len(store))
        for peildatum in (datetime.date(2023, 1, 1), datetime.date(2024, 1, 1)):
            result = store.query(QUERY, params={"peildatum": peildatum})
            rows = result.fetchall()
            print("peildatum %s: %d indication(s)" % (peildatum, len(rows)))
            for client, profiel, start in rows:
                # client and profiel are kikv.IRI values, start a datetime.date
                print("  %s  %s  since %s" % (client.rsplit("/", 1)[-1], profiel.rsplit("#", 1)[-1], start))
        try:
            store.query("SELECT ?x WHERE { ?x }")
        except kikv.ParseError as e:
            print("a malformed query gives kikv.ParseError at line %d, column %d" % (e.line, e.column))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["examples/data/zorgaanbieder-klein.ttl"]))
