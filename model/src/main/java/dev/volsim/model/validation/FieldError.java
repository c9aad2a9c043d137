package dev.volsim.model.validation;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * One problem with one field, rendered exactly as the API server's {@code field.Error}:
 * {@code spec.volumes[1].name: Duplicate value: "html"},
 * {@code spec.volumes[0]: Required value: must specify a volume type}.
 *
 * @param type what kind of problem
 * @param field where
 * @param badValue the offending value (a String is printed quoted, numbers and bools plain), or
 *     null when the message shows none
 * @param detail free text after the value, may be empty
 */
public record FieldError(ErrorType type, FieldPath field, Object badValue, String detail) {
  /** Marker for "no value to print". */
  private static final Object OMIT = new Object();

  public FieldError {
    requireNonNull(type, "type is null");
    requireNonNull(field, "field is null");
    detail = detail == null ? "" : detail;
  }

  public static FieldError required(FieldPath field, String detail) {
    return new FieldError(ErrorType.REQUIRED, field, OMIT, detail);
  }

  public static FieldError forbidden(FieldPath field, String detail) {
    return new FieldError(ErrorType.FORBIDDEN, field, OMIT, detail);
  }

  public static FieldError invalid(FieldPath field, Object value, String detail) {
    return new FieldError(ErrorType.INVALID, field, value, detail);
  }

  public static FieldError duplicate(FieldPath field, Object value) {
    return new FieldError(ErrorType.DUPLICATE, field, value, "");
  }

  public static FieldError notFound(FieldPath field, Object value) {
    return new FieldError(ErrorType.NOT_FOUND, field, value, "");
  }

  public static FieldError tooLong(FieldPath field, int max) {
    return new FieldError(ErrorType.TOO_LONG, field, OMIT, "may not be more than " + max + " bytes");
  }

  public static FieldError tooMany(FieldPath field, int actual, int max) {
    return new FieldError(ErrorType.TOO_MANY, field, actual, "must have at most " + max + " items");
  }

  /**
   * An unsupported value, listing the supported ones quoted and in the given order:
   * {@code Unsupported value: "Foo": supported values: "None", "HostToContainer"}.
   */
  public static FieldError notSupported(FieldPath field, Object value, Collection<String> supported) {
    String detail = supported.isEmpty() ? "" : "supported values: "
        + supported.stream().map(FieldError::quote).collect(Collectors.joining(", "));
    return new FieldError(ErrorType.NOT_SUPPORTED, field, value, detail);
  }

  public static FieldError unknownField(FieldPath field) {
    return new FieldError(ErrorType.UNKNOWN_FIELD, field, OMIT, "");
  }

  public static FieldError duplicateField(FieldPath field) {
    return new FieldError(ErrorType.DUPLICATE_FIELD, field, OMIT, "");
  }

  public static FieldError decode(FieldPath field, String message) {
    return new FieldError(ErrorType.DECODE, field, OMIT, message);
  }

  /** The message without the field path, as {@code field.Error.ErrorBody()}. */
  public String body() {
    String s;
    switch (type) {
      case UNKNOWN_FIELD, DUPLICATE_FIELD -> {
        return type.text() + " " + quote(field.toString());
      }
      case DECODE -> {
        return detail;
      }
      case REQUIRED, FORBIDDEN, TOO_LONG, INTERNAL -> s = type.text();
      default -> {
        if (badValue == OMIT) {
          s = type.text();
        } else if (badValue == null) {
          s = type.text() + ": null";
        } else if (badValue instanceof String str) {
          s = type.text() + ": " + quote(str);
        } else {
          s = type.text() + ": " + badValue;
        }
      }
    }
    return detail.isEmpty() ? s : s + ": " + detail;
  }

  /** {@code field: body}; strict-decoding errors read {@code unknown field "path"}. */
  @Override
  public String toString() {
    if (type == ErrorType.UNKNOWN_FIELD || type == ErrorType.DUPLICATE_FIELD || field.isRoot()) {
      return body();
    }
    return field + ": " + body();
  }

  /** Go's {@code %q}: double quotes, with backslash escapes. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
