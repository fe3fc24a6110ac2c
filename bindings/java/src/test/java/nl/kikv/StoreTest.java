package nl.kikv;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class StoreTest {
  static final String EX = "http://example.org/";
  static final String XSD = "http://www.w3.org/2001/XMLSchema#";
  static final String DATA = String.join("\n",
      "@prefix ex: <http://example.org/> .",
      "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
      "ex:anna a ex:Client ; ex:name \"Anna\" ; ex:age 87 ; ex:born \"1937-05-04\"^^xsd:date ;",
      "  ex:weight 61.50 ; ex:score 2.5e0 ; ex:active true ; ex:label \"Anna de V.\"@nl ;",
      "  ex:huge 123456789012345678901234567890 ; ex:odd \"abc\"^^xsd:integer ; ex:friend _:f ;",
      "  ex:note \"tab\\there\\u001Fsep\" .",
      "ex:bert a ex:Client ; ex:name \"Bert\" ; ex:age 72 ; ex:born \"1952-11-30\"^^xsd:date .",
      "_:f ex:name \"Friend\" .");

  Store store;

  @Before public void open() {
    store = new Store();
    store.loadString(DATA);
  }

  @After public void close() {
    store.close();
  }

  @Test public void version() {
    assertEquals("0.1.0", Store.libraryVersion());
  }

  @Test public void valuesBecomeJavaTypes() {
    try (Result r = store.query("PREFIX ex: <" + EX + "> SELECT ?name ?age ?born ?weight ?score ?active ?label ?huge ?odd ?friend ?note ?none "
        + "WHERE { ex:anna ex:name ?name ; ex:age ?age ; ex:born ?born ; ex:weight ?weight ; ex:score ?score ; ex:active ?active ; "
        + "ex:label ?label ; ex:huge ?huge ; ex:odd ?odd ; ex:friend ?friend ; ex:note ?note OPTIONAL { ?x ex:none ?none } }")) {
      List<Row> rows = r.toList();
      assertEquals(1, rows.size());
      Row row = rows.get(0);
      assertEquals("Anna", row.get("name"));
      assertEquals(87L, row.get("age"));
      assertEquals(LocalDate.of(1937, 5, 4), row.get("born"));
      assertEquals(new BigDecimal("61.50"), row.get("weight"));
      assertEquals(2.5, (Double) row.get("score"), 0.0);
      assertEquals(Boolean.TRUE, row.get("active"));
      assertEquals(Literal.lang("Anna de V.", "nl"), row.get("label"));
      assertEquals(new BigInteger("123456789012345678901234567890"), row.get("huge"));
      assertEquals(Literal.typed("abc", XSD + "integer"), row.get("odd"));
      assertTrue(row.get("friend") instanceof BlankNode);
      assertEquals("tab\there\u001fsep", row.get("note"));
      assertNull(row.get("none"));
    }
  }

  @Test public void parameters() {
    String q = "PREFIX ex: <" + EX + "> SELECT ?c WHERE { ?c ex:age ?age ; ex:born ?born FILTER(?age >= ?min && ?born < ?peil) } ORDER BY ?c";
    try (Statement st = store.prepare(q)) {
      assertTrue(st.parameters().contains("peil"));
      st.bind("min", 80L).bind("peil", LocalDate.of(2000, 1, 1));
      List<Row> rows = st.execute().toList();
      assertEquals(1, rows.size());
      assertEquals(new Iri(EX + "anna"), rows.get(0).get(0));
      st.bind("min", new BigDecimal("70"));
      assertEquals(2, st.execute().toList().size());
      st.bind("min", 71.9).bind("peil", LocalDate.of(1950, 1, 1));
      assertEquals(1, st.execute().toList().size());
      st.unbind("min");
      assertEquals(0, st.execute().toList().size());
    }
    assertTrue(store.ask("ASK { ?c a ?k }", Map.of("k", new Iri(EX + "Client"))));
    assertTrue(store.ask("ASK { ?c <" + EX + "label> ?l }", Map.of("l", Literal.lang("Anna de V.", "NL"))));
    assertFalse(store.ask("ASK { ?c <" + EX + "name> ?n }", Map.of("n", "Nobody")));
    assertTrue(store.ask("ASK { ?c <" + EX + "active> ?v }", Map.of("v", true)));
  }

  @Test public void parameterErrors() {
    try (Statement st = store.prepare("SELECT ?x WHERE { ?x ?p ?o }")) {
      try {
        st.bind("peildatum", 1L);
        fail();
      } catch (KikvException e) {
        assertEquals(KikvLibrary.KIKV_NOTFOUND, e.code());
        assertTrue(e.getMessage().contains("peildatum"));
      }
      try {
        st.bindLangString("x", "a", "not a tag");
        fail();
      } catch (KikvException e) {
        assertEquals(KikvLibrary.KIKV_SYNTAX, e.code());
      }
      try {
        st.bind("x", new Object());
        fail();
      } catch (IllegalArgumentException expected) {
        // not a value kikv can bind
      }
    }
  }

  @Test public void askConstructDescribe() {
    try (Result r = store.query("ASK { ?s ?p ?o }")) {
      assertEquals(Boolean.TRUE, r.next().get(0));
      assertFalse(r.hasNext());
    }
    try (Result r = store.query("CONSTRUCT { ?c <" + EX + "older> true } WHERE { ?c <" + EX + "age> ?a FILTER(?a > 80) }")) {
      assertEquals(List.of("subject", "predicate", "object"), r.columns());
      Row t = r.next();
      assertEquals(new Iri(EX + "anna"), t.get("subject"));
      assertEquals(Boolean.TRUE, t.get(2));
      assertFalse(r.hasNext());
    }
    try (Result r = store.query("DESCRIBE <" + EX + "bert>")) {
      assertEquals(4, r.toList().size());
    }
  }

  @Test public void syntaxErrorsCarryPosition() {
    try {
      store.query("SELECT ?x WHERE {\n  ?x ?y }");
      fail();
    } catch (KikvException e) {
      assertEquals(KikvLibrary.KIKV_SYNTAX, e.code());
      assertEquals(2, e.line());
      assertEquals(9, e.column());
      assertEquals("syntax error", e.codeName());
    }
  }

  @Test public void lazyBatchesAndBusyStore() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 3000; i++) b.append("<" + EX + "s" + i + "> <" + EX + "p> " + i + " .\n");
    store.loadString(b.toString());
    Result r = store.query("SELECT ?o WHERE { ?s <" + EX + "p> ?o } ORDER BY ?o");
    assertEquals(0L, r.next().get(0));
    try {
      store.loadString("<" + EX + "x> <" + EX + "y> 1 .");
      fail();
    } catch (KikvException e) {
      assertEquals(KikvLibrary.KIKV_BUSY, e.code());
    }
    long n = 1;
    for (Row row : r) assertEquals(n++, row.get(0));
    assertEquals(3000, n);
    store.loadString("<" + EX + "x> <" + EX + "y> 1 .");
  }

  @Test public void transactions() {
    long size = store.size();
    store.begin();
    store.loadString("<" + EX + "z> <" + EX + "p> 1 .");
    assertEquals(size + 1, store.size());
    store.rollback();
    assertEquals(size, store.size());
  }

  @Test public void export() throws Exception {
    String nt = store.export("ntriples", null);
    assertEquals(store.size(), nt.chars().filter(c -> c == '\n').count());
    Path file = Files.createTempFile("kikv", ".nt");
    Files.writeString(file, nt);
    try (Store copy = new Store()) {
      copy.load(file);
      assertEquals(store.size(), copy.size());
    } finally {
      Files.delete(file);
    }
  }

  @Test public void timeoutAndInterrupt() throws Exception {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 2000; i++) b.append("<http://x/s" + i + "> <http://x/p> " + i + " .\n");
    try (Store s = new Store()) {
      s.loadString(b.toString());
      String slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }";
      try (Statement st = s.prepare(slow)) {
        st.setTimeout(Duration.ofMillis(200));
        st.execute().toList();
        fail();
      } catch (KikvException e) {
        assertEquals(KikvLibrary.KIKV_INTERRUPT, e.code());
        assertTrue(e.getMessage().contains("timed out"));
      }
      List<KikvException> errors = new ArrayList<>();
      Thread t = new Thread(() -> {
        try {
          s.query(slow).toList();
        } catch (KikvException e) {
          errors.add(e);
        }
      });
      t.start();
      Thread.sleep(300);
      try {
        s.size();
        s.query("ASK {}").toList();
        fail("a second thread must be refused");
      } catch (KikvException e) {
        assertEquals(KikvLibrary.KIKV_MISUSE, e.code());
      }
      s.interrupt();
      t.join();
      assertEquals(1, errors.size());
      assertEquals(KikvLibrary.KIKV_INTERRUPT, errors.get(0).code());
    }
  }

  @Test public void useAfterClose() {
    Store s = new Store();
    Statement st = s.prepare("ASK {}");
    Result r = s.query("SELECT * WHERE { ?s ?p ?o }");
    s.close();
    s.close();
    try {
      s.size();
      fail();
    } catch (KikvException e) {
      assertEquals(KikvLibrary.KIKV_MISUSE, e.code());
    }
    try {
      st.execute();
      fail();
    } catch (KikvException e) {
      assertEquals(KikvLibrary.KIKV_MISUSE, e.code());
    }
    try {
      r.hasNext();
      fail();
    } catch (KikvException e) {
      assertEquals(KikvLibrary.KIKV_MISUSE, e.code());
    }
    st.close();
    r.close();
  }

  @Test public void persistentStoreNotAvailable() {
    try {
      new Store("/tmp/zorg.kikv").close();
      fail();
    } catch (KikvException e) {
      assertEquals(KikvLibrary.KIKV_UNSUPPORTED, e.code());
    }
  }
}
