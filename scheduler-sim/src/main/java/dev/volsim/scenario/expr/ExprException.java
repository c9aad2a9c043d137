package dev.volsim.scenario.expr;

/**
 * An expression of a scenario (an object reference, a field path, a {@code ${...}} reference, a
 * trace matcher) that cannot be parsed or evaluated. The message is fit to show a user as is,
 * often in kubectl's words ({@code persistentvolumeclaims "data" not found}).
 */
public class ExprException extends Exception {
  private static final long serialVersionUID = 1L;

  public ExprException(String message) {
    super(message);
  }
}
