package dev.volsim.model.validation;

/**
 * A path to a field, rendered as the API server renders it: {@code spec.volumes[0].nfs.server},
 * {@code metadata.labels[app]}. Immutable; each step returns a new path sharing its parent.
 */
public final class FieldPath {
  private static final FieldPath ROOT = new FieldPath(null, "", Kind.ROOT);

  private enum Kind { ROOT, CHILD, INDEX, KEY }

  private final FieldPath parent;
  private final String name;
  private final Kind kind;

  private FieldPath(FieldPath parent, String name, Kind kind) {
    this.parent = parent;
    this.name = name;
    this.kind = kind;
  }

  /** The empty path, the object itself. */
  public static FieldPath root() {
    return ROOT;
  }

  /** A path of dotted children: {@code FieldPath.of("spec", "volumes")}. */
  public static FieldPath of(String first, String... more) {
    FieldPath p = ROOT.child(first);
    for (String m : more) {
      p = p.child(m);
    }
    return p;
  }

  public FieldPath child(String field) {
    return new FieldPath(this, field, Kind.CHILD);
  }

  public FieldPath index(int i) {
    return new FieldPath(this, Integer.toString(i), Kind.INDEX);
  }

  public FieldPath key(String key) {
    return new FieldPath(this, key, Kind.KEY);
  }

  public boolean isRoot() {
    return kind == Kind.ROOT;
  }

  /** The enclosing path, or the root for the root. */
  public FieldPath parent() {
    return parent == null ? this : parent;
  }

  @Override
  public String toString() {
    if (kind == Kind.ROOT) {
      return "<nil>";
    }
    StringBuilder sb = new StringBuilder();
    render(sb);
    return sb.toString();
  }

  private void render(StringBuilder sb) {
    if (parent != null && parent.kind != Kind.ROOT) {
      parent.render(sb);
    }
    switch (kind) {
      case ROOT -> { }
      case CHILD -> {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(name);
      }
      case INDEX, KEY -> sb.append('[').append(name).append(']');
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPath other && toString().equals(other.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
