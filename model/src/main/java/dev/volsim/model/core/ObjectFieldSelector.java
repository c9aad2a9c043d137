package dev.volsim.model.core;

/**
 * A field of the Pod to expose ({@code fieldRef}), as {@code metadata.name} or {@code status.podIP}.
 *
 * @param apiVersion the schema version the path is written in; defaults to {@code v1}
 * @param fieldPath the path of the field
 */
public record ObjectFieldSelector(String apiVersion, String fieldPath) {
  public ObjectFieldSelector {
    apiVersion = apiVersion == null || apiVersion.isEmpty() ? "v1" : apiVersion;
  }
}
