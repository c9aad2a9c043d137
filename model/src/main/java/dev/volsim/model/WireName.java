package dev.volsim.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The serialized name of a record component whose Java name cannot be the API's field name, or
 * the key under which one alternative of an {@link Inline} sealed family appears.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface WireName {
  String value();
}
