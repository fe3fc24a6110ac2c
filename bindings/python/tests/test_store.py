"""pytest: the kikv Python binding (run by CTest with KIKV_LIBRARY set to the build's libkikv)."""
import datetime
import decimal
import gc
import threading
import time

import pytest

import kikv
from kikv import IRI, BlankNode, Literal

EX = "http://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"

DATA = """
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:anna a ex:Client ; ex:name "Anna" ; ex:age 87 ; ex:born "1937-05-04"^^xsd:date ;
  ex:weight 61.50 ; ex:score 2.5e0 ; ex:active true ; ex:label "Anna de V."@nl ;
  ex:seen "2024-01-01T10:00:00Z"^^xsd:dateTime ; ex:odd "abc"^^xsd:integer ; ex:friend _:f ;
  ex:note "tab\\there\\u001Fsep\\u001Bend" .
ex:bert a ex:Client ; ex:name "Bert" ; ex:age 72 ; ex:born "1952-11-30"^^xsd:date .
_:f ex:name "Friend" .
"""


@pytest.fixture
def store():
    with kikv.Store() as s:
        s.load_string(DATA)
        yield s


def test_version():
    assert kikv.library_version() == kikv.version


def test_values_become_python_types(store):
    row = store.query(
        "PREFIX ex: <%s> SELECT ?name ?age ?born ?weight ?score ?active ?label ?seen ?odd ?friend ?none "
        "WHERE { ex:anna ex:name ?name ; ex:age ?age ; ex:born ?born ; ex:weight ?weight ; ex:score ?score ; "
        "ex:active ?active ; ex:label ?label ; ex:seen ?seen ; ex:odd ?odd ; ex:friend ?friend "
        "OPTIONAL { ?x ex:none ?none } }" % EX).fetchall()
    assert len(row) == 1
    name, age, born, weight, score, active, label, seen, odd, friend, none = row[0]
    assert name == "Anna" and type(name) is str
    assert age == 87 and type(age) is int
    assert born == datetime.date(1937, 5, 4)
    assert weight == decimal.Decimal("61.50") and str(weight) == "61.50"
    assert score == 2.5 and type(score) is float
    assert active is True
    assert label == Literal("Anna de V.", lang="nl") and label.lang == "nl"
    assert seen == Literal("2024-01-01T10:00:00Z", XSD + "dateTime")
    assert odd == Literal("abc", XSD + "integer")  # ill-typed: kept as a Literal
    assert isinstance(friend, BlankNode)
    assert none is None


def test_iri_and_columns(store):
    result = store.query("SELECT ?c ?n WHERE { ?c a <%sClient> ; <%sname> ?n } ORDER BY ?n" % (EX, EX))
    assert result.columns == ["c", "n"]
    rows = list(result)
    assert rows == [(IRI(EX + "anna"), "Anna"), (IRI(EX + "bert"), "Bert")]
    assert isinstance(rows[0][0], IRI) and repr(rows[0][0]) == "IRI('%sanna')" % EX


def test_escaped_bytes_survive(store):
    (note,), = store.query("SELECT ?n WHERE { ?s <%snote> ?n }" % EX)
    assert note == "tab\there\x1fsep\x1bend"


def test_parameters(store):
    q = "PREFIX ex: <%s> SELECT ?c WHERE { ?c ex:age ?age ; ex:born ?born FILTER(?age >= ?min && ?born < ?peil) } ORDER BY ?c" % EX
    run = lambda **p: [r[0] for r in store.query(q, params=p)]
    assert run(min=80, peil=datetime.date(2000, 1, 1)) == [EX + "anna"]
    assert run(min=70, peil=datetime.date(2000, 1, 1)) == [EX + "anna", EX + "bert"]
    assert run(min=decimal.Decimal("72.5"), peil=datetime.date(2000, 1, 1)) == [EX + "anna"]
    assert run(min=71.9, peil=datetime.date(1950, 1, 1)) == [EX + "anna"]
    assert run(min=None, peil=datetime.date(2000, 1, 1)) == []  # unbound: FILTER error
    assert store.ask("ASK { ?c <%sname> ?n }" % EX, params={"n": "Anna"})
    assert not store.ask("ASK { ?c <%sname> ?n }" % EX, params={"n": "Nobody"})
    assert store.ask("ASK { ?c <%slabel> ?n }" % EX, params={"n": Literal("Anna de V.", lang="NL")})
    assert store.ask("ASK { ?c a ?k }", params={"k": IRI(EX + "Client")})
    assert store.ask("ASK { ?c <%sactive> ?v }" % EX, params={"v": True})
    assert store.ask("ASK { FILTER(?big > 1) }", params={"big": 10 ** 30})


def test_parameter_errors(store):
    with pytest.raises(kikv.NotFoundError, match="peildatum"):
        store.query("SELECT ?x WHERE { ?x ?p ?o }", params={"peildatum": 1})
    with pytest.raises(kikv.MisuseError, match="BIND"):
        store.query("SELECT ?y WHERE { BIND(1 AS ?y) }", params={"y": 2})
    with pytest.raises(TypeError):
        store.query("SELECT ?x WHERE { ?x ?p ?o }", params={"x": object()})
    with pytest.raises(TypeError):
        store.query("SELECT ?x WHERE { ?x ?p ?o }", params={"x": BlankNode("b0")})
    with pytest.raises(kikv.ParseError):
        store.query("SELECT ?x WHERE { ?x ?p ?o }", params={"x": Literal("a", lang="not a tag")})


def test_prepared_statement_reuse(store):
    with store.prepare("SELECT (COUNT(*) AS ?n) WHERE { ?c <%sage> ?a FILTER(?a > ?min) }" % EX) as st:
        assert sorted(st.parameters) == ["a", "c", "min", "n"]
        assert st.execute({"min": 80}).scalar() == 1
        assert st.execute({"min": 0}).scalar() == 2
        first = st.execute({"min": 0})
        second = st.execute({"min": 100})
        assert list(first) == []  # executing again ends the previous result
        assert second.scalar() == 0


def test_ask_construct_describe(store):
    assert store.query("ASK { ?s ?p ?o }").fetchall() == [(True,)]
    triples = store.query("CONSTRUCT { ?c <%solder> true } WHERE { ?c <%sage> ?a FILTER(?a > 80) }" % (EX, EX))
    assert triples.columns == ["subject", "predicate", "object"]
    assert triples.fetchall() == [(IRI(EX + "anna"), IRI(EX + "older"), True)]
    described = store.query("DESCRIBE <%sbert>" % EX).fetchall()
    assert len(described) == 4 and all(t[0] == EX + "bert" for t in described)


def test_lazy_iteration_in_batches(store):
    lines = "".join("<%ss%d> <%sp> %d .\n" % (EX, i, EX, i) for i in range(5000))
    store.load_string(lines, format="ntriples") if False else store.load_string(lines)
    result = store.query("SELECT ?o WHERE { ?s <%sp> ?o } ORDER BY ?o" % EX)
    first = next(result)
    assert first == (0,)
    assert len(result._rows) <= kikv.store.BATCH_ROWS  # not everything at once
    # the store cannot change while the result is being read ...
    with pytest.raises(kikv.BusyError):
        store.load_string("<%sx> <%sy> 1 ." % (EX, EX))
    rest = [r[0] for r in result]
    assert rest == list(range(1, 5000))
    # ... and can once it is read to the end
    store.load_string("<%sx> <%sy> 1 ." % (EX, EX))
    partial = store.query("SELECT ?o WHERE { ?s <%sp> ?o }" % EX)
    next(partial)
    partial.close()
    store.load_string("<%sx> <%sy> 2 ." % (EX, EX))


def test_dicts(store):
    rows = list(store.query("SELECT ?n ?a WHERE { ?c <%sname> ?n ; <%sage> ?a } ORDER BY ?a" % (EX, EX)).dicts())
    assert rows == [{"n": "Bert", "a": 72}, {"n": "Anna", "a": 87}]


def test_syntax_errors_carry_position(store):
    with pytest.raises(kikv.ParseError) as e:
        store.query("SELECT ?x WHERE {\n  ?x ?y }")
    assert e.value.line == 2 and e.value.column == 9
    assert "2:9" in e.value.message
    assert e.value.code == 5
    with pytest.raises(kikv.ParseError) as e:
        store.load_string("@prefix ex: <http://x/> .\nex:a ex:b \"open .\n")
    assert e.value.line == 2
    with pytest.raises(kikv.IoError):
        store.load("/nonexistent/file.ttl")


def test_transactions(store):
    size = len(store)
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.load_string("<%sz> <%sp> 1 ." % (EX, EX))
            assert len(store) == size + 1
            raise RuntimeError("undo")
    assert len(store) == size and not store.in_transaction
    with store.transaction():
        store.load_string("<%sz> <%sp> 1 ." % (EX, EX))
    assert len(store) == size + 1


def test_export(store, tmp_path):
    text = store.export("ntriples")
    assert text.count("\n") == len(store)
    assert "@prefix xsd:" in store.export("turtle")
    path = tmp_path / "out.nt"
    store.export_file(path)
    with kikv.Store() as copy:
        copy.load(path)
        assert len(copy) == len(store)


def test_timeout_and_interrupt():
    with kikv.Store() as s:
        s.load_string("".join("<http://x/s%d> <http://x/p> %d .\n" % (i, i) for i in range(2000)))
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
        t0 = time.monotonic()
        with pytest.raises(kikv.InterruptError, match="timed out"):
            s.query(slow, timeout=0.2).fetchall()
        assert time.monotonic() - t0 < 5
        timer = threading.Timer(0.2, s.interrupt)
        timer.start()
        with pytest.raises(kikv.InterruptError, match="interrupted"):
            s.query(slow).fetchall()
        timer.join()
        assert s.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").scalar() == 2000


def test_use_after_close():
    s = kikv.Store()
    s.load_string("<http://x/a> <http://x/b> 1 .")
    st = s.prepare("SELECT * WHERE { ?s ?p ?o }")
    result = s.query("SELECT * WHERE { ?s ?p ?o }")
    s.close()
    s.close()  # idempotent
    assert s.closed
    with pytest.raises(kikv.MisuseError):
        s.query("ASK {}")
    with pytest.raises(kikv.MisuseError):
        len(s)
    with pytest.raises(kikv.MisuseError):
        st.execute()
    with pytest.raises(kikv.MisuseError):
        list(result)
    del st, result
    gc.collect()


def test_persistent_store_not_available(tmp_path):
    with pytest.raises(kikv.UnsupportedError, match="persistent"):
        kikv.Store(str(tmp_path / "zorg.kikv"))


def test_one_store_from_two_threads_is_refused_not_racy():
    with kikv.Store() as s:
        s.load_string("".join("<http://x/s%d> <http://x/p> %d .\n" % (i, i) for i in range(2000)))
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
        errors = []

        def run():
            try:
                s.query(slow).fetchall()
            except kikv.Error as e:
                errors.append(e)

        t = threading.Thread(target=run)
        t.start()
        time.sleep(0.3)
        with pytest.raises(kikv.MisuseError):
            s.query("ASK {}").fetchall()
        s.interrupt()
        t.join()
        assert len(errors) == 1 and isinstance(errors[0], kikv.InterruptError)
