import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import nl.kikv.Iri;
import nl.kikv.KikvException;
import nl.kikv.Result;
import nl.kikv.Row;
import nl.kikv.Statement;
import nl.kikv.Store;

/**
 * Example: load the example care provider and list the Wlz indications running on a reference
 * date (peildatum), bound as a query parameter.
 *
 *   java -cp kikv-java.jar:/usr/share/java/jna.jar:. -Dkikv.library=build/release/lib/libkikv.so \
 *       Zorg examples/data/zorgaanbieder-klein.ttl
 */
public class Zorg {
  static final String QUERY = String.join("\n",
      "PREFIX onz-g:    <http://purl.org/ozo/onz-g#>",
      "PREFIX onz-zorg: <http://purl.org/ozo/onz-zorg#>",
      "SELECT ?client ?profiel ?start WHERE {",
      "  ?indicatie a onz-zorg:WlzIndicatie ; onz-g:isAbout ?client ;",
      "             onz-zorg:heeftZorgprofiel ?profiel ; onz-g:startDatum ?start .",
      "  FILTER(?start <= ?peildatum)",
      "} ORDER BY ?start");

  public static void main(String[] args) {
    try (Store store = new Store()) {
      for (String path : args) store.load(Path.of(path));
      System.out.println(store.size() + " statements loaded");
      try (Statement st = store.prepare(QUERY)) {
        for (LocalDate peildatum : new LocalDate[] {LocalDate.of(2023, 1, 1), LocalDate.of(2024, 1, 1)}) {
          st.bind("peildatum", peildatum);
          try (Result result = st.execute()) {
            System.out.println("peildatum " + peildatum + ":");
            for (Row row : result) {
              Iri client = (Iri) row.get("client");
              LocalDate start = (LocalDate) row.get("start");
              System.out.println("  " + client.value() + " since " + start);
            }
          }
        }
      }
      System.out.println("clients with 5VV: " + store.query(
          "SELECT (COUNT(*) AS ?n) WHERE { ?i <http://purl.org/ozo/onz-zorg#heeftZorgprofiel> ?p }",
          Map.of("p", new Iri("http://purl.org/ozo/onz-zorg#5VV"))).next().get(0));
      try {
        store.query("SELECT ?x WHERE { ?x }");
      } catch (KikvException e) {
        System.out.println("a malformed query: " + e.codeName() + " at " + e.line() + ":" + e.column());
      }
    }
  }
}
