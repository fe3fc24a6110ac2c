#!/usr/bin/env python3
"""CLI tests: run_cli_tests.py KIKV_BINARY PROJECT_DIR

Each case runs kikv with arguments (and optional stdin) and checks the exit status and
regular expressions on stdout/stderr. Prints one line per failure; exits 1 if any failed.
"""
import os
import re
import subprocess
import sys
import tempfile

KIKV, ROOT = sys.argv[1], sys.argv[2]
EXAMPLE = os.path.join(ROOT, "examples", "data", "zorgaanbieder-klein.ttl")
failures = []


def run(args, stdin=None):
    p = subprocess.run([KIKV] + args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def case(name, args, ok=True, out=None, err=None, stdin=None):
    rc, so, se = run(args, stdin)
    problems = []
    if ok and rc != 0:
        problems.append("exit %d, expected 0 (stderr: %s)" % (rc, se.strip()[:300]))
    if not ok and rc == 0:
        problems.append("exit 0, expected failure")
    if out and not re.search(out, so, re.M):
        problems.append("stdout %r does not match %r" % (so[:300], out))
    if err and not re.search(err, se, re.M):
        problems.append("stderr %r does not match %r" % (se[:300], err))
    if problems:
        failures.append("%s: %s" % (name, "; ".join(problems)))
    return so


with tempfile.TemporaryDirectory() as tmp:
    def write(name, data):
        path = os.path.join(tmp, name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path

    case("load --stats", ["load", "--stats", EXAMPLE],
         out=r"^triples=89 terms=\d+ bytes_per_triple=[0-9.]+ load_ms=\d+$")
    case("load without --stats is quiet", ["load", EXAMPLE], out=r"^$")
    case("missing file", ["load", os.path.join(tmp, "missing.ttl")], ok=False, err=r"missing\.ttl")
    bad = write("bad.ttl", "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b \"open .\n")
    case("malformed Turtle names file:line:col", ["load", bad], ok=False, err=re.escape(bad) + r":3:\d+: ")
    prefix = write("prefix.ttl", "@prefix ex: <http://example.org/> .\n\nex:a nope:b ex:c .\n")
    case("undefined prefix", ["load", prefix], ok=False, err=re.escape(prefix) + r":3:6: undefined prefix 'nope:'")
    case("unknown extension", ["load", write("data.xyz", "<http://a> <http://b> <http://c> .")], ok=False,
         err=r"cannot tell the RDF syntax")
    case("unknown --format", ["load", "--format", "rdfxml", EXAMPLE], ok=False, err=r"unknown RDF format 'rdfxml'")
    case("invalid UTF-8", ["load", write("bad.nt", b'<http://a> <http://b> "x\xff" .\n')], ok=False,
         err=r"bad\.nt:1:\d+: .*UTF-8")
    case("stdin with --format", ["load", "--stats", "--format", "nt", "-"],
         stdin=b"<http://a> <http://b> <http://c> .\n<http://a> <http://b> <http://c> .\n",
         out=r"^triples=1 ")
    case("duplicates are counted once", ["load", "--stats", EXAMPLE, EXAMPLE], out=r"^triples=89 ")
    # A failing file after a good one: the good one stays, the failure is reported.
    case("second file fails", ["load", "--stats", EXAMPLE, bad], ok=False, err=r"bad\.ttl:3:")
    case("no arguments", ["load"], ok=False, err=r"DATA")
    case("unknown command", ["frobnicate"], ok=False)

    # convert: to each syntax and back; the statement count survives.
    for syntax in ("ntriples", "nquads", "turtle", "trig"):
        text = case("convert to " + syntax, ["convert", "--to", syntax, EXAMPLE])
        ext = {"ntriples": "nt", "nquads": "nq", "turtle": "ttl", "trig": "trig"}[syntax]
        back = write("back." + ext, text)
        case("convert back from " + syntax, ["load", "--stats", back], out=r"^triples=89 ")
    case("convert --to turtle uses prefixes", ["convert", "--to", "turtle", EXAMPLE], out=r"^@prefix onz-g: ")
    out_file = os.path.join(tmp, "out.nt")
    case("convert -o", ["convert", "-o", out_file, EXAMPLE])
    if not os.path.exists(out_file) or os.path.getsize(out_file) == 0:
        failures.append("convert -o: no output file")
    case("convert to an unknown syntax", ["convert", "--to", "rdfxml", EXAMPLE], ok=False,
         err=r"unknown output format 'rdfxml'")
    case("convert to an unwritable file", ["convert", "-o", "/nonexistent/dir/x.nt", EXAMPLE], ok=False,
         err=r"cannot write")

    # query: results, parameters, formats, and bad input
    q = write("q.rq", "PREFIX onz-g: <http://purl.org/ozo/onz-g#>\nSELECT (COUNT(*) AS ?n) WHERE { ?p a onz-g:Human }\n")
    case("query counts", ["query", q, EXAMPLE], out=r'^\?n\n"5"\^\^<http://www.w3.org/2001/XMLSchema#integer>$')
    case("query json", ["query", "--format", "json", q, EXAMPLE], out=r'"n":\s*\{"type":\s*"literal"')
    case("query csv", ["query", "--format", "csv", q, EXAMPLE], out=r"^n\r?\n5\r?$")
    case("query -e", ["query", "-e", "ASK { ?s ?p ?o }", EXAMPLE], out=r"^true")
    pq = write("p.rq", "SELECT ?x WHERE { BIND(?d + \"P1Y\"^^<http://www.w3.org/2001/XMLSchema#duration> - \"P1D\"^^<http://www.w3.org/2001/XMLSchema#duration> AS ?x) }\n")
    case("query --param date", ["query", "--param", "d=2024-01-01", pq, EXAMPLE], out=r'"2024-12-31"\^\^<http://www.w3.org/2001/XMLSchema#date>')
    case("query unknown --param", ["query", "--param", "nope=1", pq, EXAMPLE], ok=False, err=r"nope")
    bad = write("bad.rq", "SELECT ?x WHERE {\n  ?x ?p ?o .\n  FILTR(?x)\n}\n")
    case("query syntax error line:col", ["query", bad, EXAMPLE], ok=False, err=re.escape(bad) + r":3:\d+: ")
    case("query unknown prefix", ["query", "-e", "SELECT * { ?s nope:p ?o }", EXAMPLE], ok=False, err=r"nope")
    case("query unknown function", ["query", "-e", "SELECT * { ?s ?p ?o FILTER(<http://x/f>(?o)) }", EXAMPLE],
         ok=False, err=r"unknown function")
    case("query SERVICE refused", ["query", "-e", "SELECT * { SERVICE <http://x/sparql> { ?s ?p ?o } }", EXAMPLE],
         ok=False, err=r"SERVICE")
    slow = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    case("query timeout", ["query", "--timeout", "0.2", "-e", slow, EXAMPLE], ok=False, err=r"timed out")
    case("query missing query file", ["query", os.path.join(tmp, "none.rq"), EXAMPLE], ok=False, err=r"none\.rq")
    case("query type error is unbound, not a failure", ["query", "-e", 'SELECT (1 + "a" AS ?x) {}', EXAMPLE],
         out=r"^\?x\n$")

for f in failures:
    print("FAIL " + f)
print("cli: %d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
