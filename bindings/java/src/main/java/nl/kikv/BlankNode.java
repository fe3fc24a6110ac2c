package nl.kikv;

import java.util.Objects;

/** A blank node in a query result, by label (stable within one result). */
public final class BlankNode {
  private final String label;

  public BlankNode(String label) {
    this.label = Objects.requireNonNull(label);
  }

  public String label() {
    return label;
  }

  @Override public boolean equals(Object o) {
    return o instanceof BlankNode && ((BlankNode) o).label.equals(label);
  }

  @Override public int hashCode() {
    return label.hashCode();
  }

  @Override public String toString() {
    return "_:" + label;
  }
}
