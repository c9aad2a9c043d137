package dev.volsim.model.validation;

/** The kinds of field error the API server reports ({@code field.ErrorType}), with its words. */
public enum ErrorType {
  NOT_FOUND("Not found"),
  REQUIRED("Required value"),
  DUPLICATE("Duplicate value"),
  INVALID("Invalid value"),
  NOT_SUPPORTED("Unsupported value"),
  FORBIDDEN("Forbidden"),
  TOO_LONG("Too long"),
  TOO_MANY("Too many"),
  INTERNAL("Internal error"),
  TYPE_INVALID("Invalid value"),
  /** Strict decoding: a field the type does not have. */
  UNKNOWN_FIELD("unknown field"),
  /** Strict decoding: a field given twice. */
  DUPLICATE_FIELD("duplicate field"),
  /** A value that cannot be decoded into its field's type (wrong JSON type, bad quantity). */
  DECODE("decode error");

  private final String text;

  ErrorType(String text) {
    this.text = text;
  }

  /** The API server's words for this type. */
  public String text() {
    return text;
  }

  /** Whether this error stops decoding, so validation does not run on the object. */
  public boolean isDecodeError() {
    return this == UNKNOWN_FIELD || this == DUPLICATE_FIELD || this == DECODE;
  }
}
