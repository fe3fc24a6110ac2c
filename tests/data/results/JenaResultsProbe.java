// Prints the result of QUERY on DATA with Jena's own result writers (ResultSetFormatter):
//   java JenaResultsProbe QUERY.rq DATA.ttl tsv|csv|json|xml
// Used to produce the reference files in this directory (see README.md).
import java.io.*;
import org.apache.jena.query.*;
import org.apache.jena.riot.*;
import org.apache.jena.rdf.model.*;
public class JenaResultsProbe {
  public static void main(String[] a) throws Exception {
    Model m = RDFDataMgr.loadModel(a[1]);
    String q = new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get(a[0])), "UTF-8");
    String fmt = a[2];
    try (QueryExecution qe = QueryExecutionFactory.create(q, m)) {
      Query qq = qe.getQuery();
      if (qq.isAskType()) {
        boolean b = qe.execAsk();
        if (fmt.equals("tsv")) ResultSetFormatter.outputAsTSV(System.out, b);
        else if (fmt.equals("csv")) ResultSetFormatter.outputAsCSV(System.out, b);
        else if (fmt.equals("json")) ResultSetFormatter.outputAsJSON(System.out, b);
        else ResultSetFormatter.outputAsXML(System.out, b);
      } else {
        ResultSet rs = qe.execSelect();
        if (fmt.equals("tsv")) ResultSetFormatter.outputAsTSV(System.out, rs);
        else if (fmt.equals("csv")) ResultSetFormatter.outputAsCSV(System.out, rs);
        else if (fmt.equals("json")) ResultSetFormatter.outputAsJSON(System.out, rs);
        else ResultSetFormatter.outputAsXML(System.out, rs);
      }
    }
    System.out.flush();
  }
}
