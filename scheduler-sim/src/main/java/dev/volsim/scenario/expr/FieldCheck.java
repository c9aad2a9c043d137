package dev.volsim.scenario.expr;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What an expectation asks of one field's value: {@code equals}, {@code exists}, {@code matches}
 * or {@code in}. Values are kept as written (plain values; strings may hold {@code ${...}}) until
 * {@link #interpolate} resolves them.
 */
public sealed interface FieldCheck
    permits FieldCheck.Equals, FieldCheck.Exists, FieldCheck.Matches, FieldCheck.In {

  /** A copy with every {@code ${...}} resolved; a {@code matches} pattern is checked here. */
  FieldCheck interpolate(Interpolator interpolator) throws ExprException;

  /** Whether a field's value (empty when the field does not exist) passes; call on an interpolated check. */
  boolean test(Optional<Object> value);

  /** The check in words for a field: {@code status.phase == "Bound"}. */
  String describe(String field);

  /**
   * The field's serialized text equals the value's ({@code 1} and {@code "1"} alike).
   *
   * @param value a plain value, never null
   */
  record Equals(Object value) implements FieldCheck {
    public Equals {
      requireNonNull(value, "value is null");
    }

    @Override
    public FieldCheck interpolate(Interpolator interpolator) throws ExprException {
      return new Equals(value instanceof String s ? interpolator.interpolate(s) : interpolator.interpolateTree(value));
    }

    @Override
    public boolean test(Optional<Object> actual) {
      return actual.isPresent() && FieldPathExpr.text(actual.get()).equals(FieldPathExpr.text(value));
    }

    @Override
    public String describe(String field) {
      return field + " == " + Texts.display(value);
    }
  }

  /**
   * The field exists (or, with false, does not).
   *
   * @param exists which of the two
   */
  record Exists(boolean exists) implements FieldCheck {
    @Override
    public FieldCheck interpolate(Interpolator interpolator) {
      return this;
    }

    @Override
    public boolean test(Optional<Object> actual) {
      return actual.isPresent() == exists;
    }

    @Override
    public String describe(String field) {
      return field + (exists ? " exists" : " does not exist");
    }
  }

  /**
   * The field's serialized text contains a match of a regular expression (anchors allowed).
   * Values interpolated into the pattern match literally.
   *
   * @param regex the pattern
   */
  record Matches(String regex) implements FieldCheck {
    public Matches {
      requireNonNull(regex, "regex is null");
    }

    @Override
    public FieldCheck interpolate(Interpolator interpolator) throws ExprException {
      String resolved = interpolator.interpolate(regex, Pattern::quote);
      compile(resolved);
      return new Matches(resolved);
    }

    /** The compiled pattern, or an exception in words. */
    static Pattern compile(String regex) throws ExprException {
      try {
        return Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw new ExprException("bad regular expression \"" + regex + "\": " + e.getDescription());
      }
    }

    @Override
    public boolean test(Optional<Object> actual) {
      return actual.isPresent() && Pattern.compile(regex).matcher(FieldPathExpr.text(actual.get())).find();
    }

    @Override
    public String describe(String field) {
      return field + " matches /" + regex + "/";
    }
  }

  /**
   * The field's serialized text equals one of the values'.
   *
   * @param values plain values
   */
  record In(ImmutableList<Object> values) implements FieldCheck {
    public In {
      values = ImmutableList.copyOf(values);
    }

    @Override
    public FieldCheck interpolate(Interpolator interpolator) throws ExprException {
      List<Object> out = new ArrayList<>();
      for (Object v : values) {
        out.add(v instanceof String s ? interpolator.interpolate(s) : interpolator.interpolateTree(v));
      }
      return new In(ImmutableList.copyOf(out));
    }

    @Override
    public boolean test(Optional<Object> actual) {
      if (actual.isEmpty()) {
        return false;
      }
      String text = FieldPathExpr.text(actual.get());
      for (Object v : values) {
        if (FieldPathExpr.text(v).equals(text)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String describe(String field) {
      List<String> shown = new ArrayList<>();
      for (Object v : values) {
        shown.add(Texts.display(v));
      }
      return field + " in [" + String.join(", ", shown) + "]";
    }
  }
}
