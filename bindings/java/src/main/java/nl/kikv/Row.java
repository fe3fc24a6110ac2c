package nl.kikv;

import java.util.Arrays;
import java.util.List;

/** One result row: values by column index (0-based) or name. */
public final class Row {
  private final List<String> columns;
  private final Object[] values;

  Row(List<String> columns, Object[] values) {
    this.columns = columns;
    this.values = values;
  }

  public int size() {
    return values.length;
  }

  public Object get(int column) {
    return values[column];
  }

  /** The value of a column by name; IllegalArgumentException if there is no such column. */
  public Object get(String column) {
    int i = columns.indexOf(column);
    if (i < 0) throw new IllegalArgumentException("no column " + column + " in " + columns);
    return values[i];
  }

  public List<String> columns() {
    return columns;
  }

  @Override public String toString() {
    return Arrays.toString(values);
  }
}
