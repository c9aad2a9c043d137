package dev.volsim.model;

/**
 * An enum whose constants serialize to the API's strings. Implemented by every enum of the model,
 * so the codec can read and write them and report an unsupported value with the list of
 * supported ones, as the API server does.
 */
public interface WireEnum {
  /** The string the API uses for this constant (may be empty, as for hostPath type {@code ""}). */
  String wire();
}
