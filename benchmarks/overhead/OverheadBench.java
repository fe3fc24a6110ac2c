import java.nio.file.Path;
import nl.kikv.Result;
import nl.kikv.Row;
import nl.kikv.Store;

/** The Java side of the overhead benchmark (JNA): prints one JSON object. */
public class OverheadBench {
  public static void main(String[] args) {
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    try (Store store = new Store()) {
      store.load(Path.of(args[0]));
      double best = Double.MAX_VALUE;
      long rows = 0, values = 0;
      for (int r = 0; r < runs + 2; r++) {  // two more runs to warm up the JIT
        long t0 = System.nanoTime();
        rows = 0;
        values = 0;
        try (Result result = store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")) {
          for (Row row : result) {
            rows++;
            values += row.size();
          }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (r >= 2) best = Math.min(best, secs);
      }
      System.out.printf("{\"rows\": %d, \"values\": %d, \"seconds\": %.6f}%n", rows, values, best);
    }
  }
}
