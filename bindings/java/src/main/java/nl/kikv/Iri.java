package nl.kikv;

import java.util.Objects;

/** An IRI in a query result or parameter. */
public final class Iri {
  private final String value;

  public Iri(String value) {
    this.value = Objects.requireNonNull(value);
  }

  public String value() {
    return value;
  }

  @Override public boolean equals(Object o) {
    return o instanceof Iri && ((Iri) o).value.equals(value);
  }

  @Override public int hashCode() {
    return value.hashCode();
  }

  @Override public String toString() {
    return "<" + value + ">";
  }
}
