package dev.volsim.model;

/**
 * The API's int-or-string value ({@code maxSurge: 25%} or {@code maxSurge: 1}).
 *
 * @param intValue the integer, when {@link #isInt()}
 * @param stringValue the string, when not {@link #isInt()}
 */
public record IntOrString(Integer intValue, String stringValue) {
  public IntOrString {
    if ((intValue == null) == (stringValue == null)) {
      throw new IllegalArgumentException("exactly one of intValue and stringValue must be set");
    }
  }

  public static IntOrString of(int value) {
    return new IntOrString(value, null);
  }

  public static IntOrString of(String value) {
    return new IntOrString(null, value);
  }

  public boolean isInt() {
    return intValue != null;
  }

  /**
   * Resolves a value against a total the way the API does: an int is itself; "25%" is 25% of
   * {@code total}, rounded up or down as asked.
   *
   * @throws IllegalArgumentException if the string is not a percentage
   */
  public int scaledValue(int total, boolean roundUp) {
    if (isInt()) {
      return intValue;
    }
    if (!stringValue.endsWith("%")) {
      throw new IllegalArgumentException("invalid value for IntOrString: invalid type: string is not a percentage");
    }
    int percent = Integer.parseInt(stringValue.substring(0, stringValue.length() - 1));
    long scaled = (long) percent * total;
    return (int) (roundUp ? (scaled + 99) / 100 : scaled / 100);
  }

  @Override
  public String toString() {
    return isInt() ? Integer.toString(intValue) : stringValue;
  }
}
