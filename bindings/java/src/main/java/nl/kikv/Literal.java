package nl.kikv;

import java.util.Locale;
import java.util.Objects;

/**
 * A literal with no exact Java type: language-tagged strings, other datatypes (xsd:dateTime,
 * xsd:int, gYear ...) and ill-typed lexical forms. Keeps lexical form, datatype and language.
 */
public final class Literal {
  public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
  public static final String RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

  private final String lexical;
  private final String datatype;
  private final String lang;

  private Literal(String lexical, String datatype, String lang) {
    this.lexical = Objects.requireNonNull(lexical);
    this.datatype = datatype;
    this.lang = lang;
  }

  /** A typed literal. */
  public static Literal typed(String lexical, String datatype) {
    return new Literal(lexical, Objects.requireNonNull(datatype), null);
  }

  /** A language-tagged string. */
  public static Literal lang(String lexical, String lang) {
    return new Literal(lexical, RDF_LANG_STRING, Objects.requireNonNull(lang));
  }

  public String lexical() {
    return lexical;
  }

  public String datatype() {
    return datatype;
  }

  /** The language tag, or null. */
  public String lang() {
    return lang;
  }

  @Override public boolean equals(Object o) {
    if (!(o instanceof Literal)) return false;
    Literal l = (Literal) o;
    return l.lexical.equals(lexical) && l.datatype.equals(datatype)
        && (lang == null ? l.lang == null : l.lang != null && l.lang.equalsIgnoreCase(lang));
  }

  @Override public int hashCode() {
    return Objects.hash(lexical, datatype, lang == null ? null : lang.toLowerCase(Locale.ROOT));
  }

  @Override public String toString() {
    return lang != null ? "\"" + lexical + "\"@" + lang : "\"" + lexical + "\"^^<" + datatype + ">";
  }
}
