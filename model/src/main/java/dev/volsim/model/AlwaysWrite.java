package dev.volsim.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a primitive component the API writes even at its zero value (a Go field without
 * {@code omitempty}, such as {@code containerStatuses[].ready}), so {@code false} is written out
 * rather than left out.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface AlwaysWrite {}
