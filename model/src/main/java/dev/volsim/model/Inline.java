package dev.volsim.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component whose type is a sealed interface of alternatives that the API writes
 * inline in the enclosing object, one key per alternative (a volume's {@code nfs:},
 * {@code emptyDir:}, ...). Each permitted record names its key with {@link WireName}. Exactly one
 * key may be present; the codec reports a missing or second one with the API server's words,
 * given by {@link #fieldName()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Inline {
  /** What the alternatives are called in messages ("volume type"). */
  String fieldName() default "volume type";
}
