package dev.volsim.model.core;

/**
 * An environment variable of a container.
 *
 * @param name the variable's name
 * @param value a literal value; {@code $(VAR)} references earlier variables
 * @param valueFrom where the value comes from, instead of {@code value}
 */
public record EnvVar(String name, String value, EnvVarSource valueFrom) {}
