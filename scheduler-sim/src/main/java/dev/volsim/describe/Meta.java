package dev.volsim.describe;

import static dev.volsim.describe.DescribeWriter.LEVEL_0;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** kubectl's {@code printLabelsMultiline} and {@code printAnnotationsMultiline}. */
final class Meta {
  /** {@code skipAnnotations}: kubectl apply's bookkeeping is never shown. */
  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private Meta() {}

  static void labels(DescribeWriter w, String title, Map<String, String> labels) {
    w.write(LEVEL_0, "%s:\t", title);
    if (labels == null || labels.isEmpty()) {
      w.line("<none>");
      return;
    }
    boolean first = true;
    for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
      if (!first) {
        w.write(LEVEL_0, "\t");
      }
      first = false;
      w.write(LEVEL_0, "%s=%s\n", e.getKey(), e.getValue());
    }
  }

  static void annotations(DescribeWriter w, String title, Map<String, String> annotations) {
    w.write(LEVEL_0, "%s:\t", title);
    List<String> keys = new ArrayList<>();
    if (annotations != null) {
      for (String k : new TreeMap<>(annotations).keySet()) {
        if (!k.equals(LAST_APPLIED)) {
          keys.add(k);
        }
      }
    }
    if (keys.isEmpty()) {
      w.line("<none>");
      return;
    }
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      if (i != 0) {
        w.write(LEVEL_0, "\t");
      }
      String value = annotations.get(key);
      if (value.endsWith("\n")) {
        value = value.substring(0, value.length() - 1);
      }
      if (value.length() + key.length() + 2 > PodDescription.MAX_ANNOTATION_LEN || value.contains("\n")) {
        w.write(LEVEL_0, "%s:\n", key);
        for (String s : value.split("\n", -1)) {
          int max = PodDescription.MAX_ANNOTATION_LEN - 2;
          w.write(LEVEL_0, "\t  %s\n", s.length() > max ? s.substring(0, max) + "..." : s);
        }
      } else {
        w.write(LEVEL_0, "%s: %s\n", key, value);
      }
    }
  }
}
