package dev.volsim.core.kubelet;

import dev.volsim.model.core.Container;
import dev.volsim.model.core.EnvVar;
import dev.volsim.model.core.Pod;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code kubecontainer.ExpandContainerVolumeMounts}: a {@code subPathExpr} with {@code $(VAR)}
 * references expanded from the container's environment ({@code value}, or a downward-API
 * {@code fieldRef}); {@code $$} stands for a literal {@code $}. A variable missing or empty fails
 * with upstream's {@code missing value for VAR}.
 */
final class SubPathExpansion {
  private SubPathExpansion() {}

  static String expand(String expr, Container c, Pod pod) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar e : c.env()) {
      String value = e.value();
      if (e.valueFrom() != null && e.valueFrom().fieldRef() != null) {
        value = field(pod, e.valueFrom().fieldRef().fieldPath());
      }
      env.put(e.name(), value == null ? "" : value);
    }
    TreeSet<String> missing = new TreeSet<>();
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < expr.length()) {
      char ch = expr.charAt(i);
      if (ch == '$' && i + 1 < expr.length() && expr.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
      } else if (ch == '$' && i + 1 < expr.length() && expr.charAt(i + 1) == '(' && expr.indexOf(')', i) > 0) {
        int end = expr.indexOf(')', i);
        String name = expr.substring(i + 2, end);
        String value = env.get(name);
        if (value == null || value.isEmpty()) {
          missing.add(name);
        } else {
          out.append(value);
        }
        i = end + 1;
      } else {
        out.append(ch);
        i++;
      }
    }
    if (!missing.isEmpty()) {
      // makeMounts returns it as is: the container waits in CreateContainerConfigError
      throw new ContainerConfigException("missing value for " + String.join(", ", missing));
    }
    return out.toString();
  }

  /** The downward-API fields an environment variable may take. */
  private static String field(Pod pod, String path) {
    var status = pod.status();
    return switch (path == null ? "" : path) {
      case "metadata.name" -> pod.metadata().name();
      case "metadata.namespace" -> pod.metadata().namespace();
      case "metadata.uid" -> pod.metadata().uid();
      case "spec.nodeName" -> pod.spec().nodeName();
      case "spec.serviceAccountName" -> pod.spec().serviceAccountName();
      case "status.podIP" -> status == null ? null : status.podIP();
      case "status.hostIP" -> status == null ? null : status.hostIP();
      default -> null;
    };
  }
}
