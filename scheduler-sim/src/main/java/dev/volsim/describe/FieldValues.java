package dev.volsim.describe;

import dev.volsim.model.core.Pod;

/** {@code fieldpath.ExtractFieldPathAsString} for the downward-API field paths an env var may name. */
final class FieldValues {
  private FieldValues() {}

  static String of(Pod pod, String fieldPath) {
    if (fieldPath == null) {
      return "";
    }
    var meta = pod.metadata();
    var status = pod.status();
    String subscript = null;
    String path = fieldPath;
    int bracket = fieldPath.indexOf('[');
    if (bracket > 0 && fieldPath.endsWith("']") && fieldPath.startsWith("['", bracket)) {
      path = fieldPath.substring(0, bracket);
      subscript = fieldPath.substring(bracket + 2, fieldPath.length() - 2);
    }
    return switch (path) {
      case "metadata.name" -> meta.name();
      case "metadata.namespace" -> meta.namespace();
      case "metadata.uid" -> meta.uid();
      case "metadata.labels" -> subscript == null ? "" : meta.labels().getOrDefault(subscript, "");
      case "metadata.annotations" -> subscript == null ? "" : meta.annotations().getOrDefault(subscript, "");
      case "spec.nodeName" -> pod.spec().nodeName();
      case "spec.serviceAccountName" -> pod.spec().serviceAccountName();
      case "status.podIP" -> status == null ? "" : status.podIP();
      case "status.hostIP" -> status == null ? "" : status.hostIP();
      default -> "";
    };
  }
}
