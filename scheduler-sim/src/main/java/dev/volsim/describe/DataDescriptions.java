package dev.volsim.describe;

import static dev.volsim.describe.DescribeWriter.LEVEL_0;

import dev.volsim.model.Bytes;
import dev.volsim.model.core.ConfigMap;
import dev.volsim.model.core.Event;
import dev.volsim.model.core.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** kubectl's ConfigMap and Secret describers: keys and sizes, never a Secret's values. */
final class DataDescriptions {
  private DataDescriptions() {}

  static String configMap(ConfigMap cm, List<Event> events, Instant now) {
    DescribeWriter w = new DescribeWriter();
    w.write(LEVEL_0, "Name:\t%s\n", cm.metadata().name());
    w.write(LEVEL_0, "Namespace:\t%s\n", cm.metadata().namespace());
    Meta.labels(w, "Labels", cm.metadata().labels());
    Meta.annotations(w, "Annotations", cm.metadata().annotations());
    w.write(LEVEL_0, "\nData\n====\n");
    for (Map.Entry<String, String> e : cm.data().entrySet()) {
      w.write(LEVEL_0, "%s:\n----\n", e.getKey());
      w.write(LEVEL_0, "%s\n", e.getValue());
      w.write(LEVEL_0, "\n");
    }
    w.write(LEVEL_0, "\nBinaryData\n====\n");
    for (Map.Entry<String, Bytes> e : cm.binaryData().entrySet()) {
      w.write(LEVEL_0, "%s: %s bytes\n", e.getKey(), e.getValue().size());
    }
    w.write(LEVEL_0, "\n");
    if (events != null) {
      Events.describe(events, now, w);
    }
    return w.text();
  }

  static String secret(Secret s) {
    DescribeWriter w = new DescribeWriter();
    w.write(LEVEL_0, "Name:\t%s\n", s.metadata().name());
    w.write(LEVEL_0, "Namespace:\t%s\n", s.metadata().namespace());
    Meta.labels(w, "Labels", s.metadata().labels());
    Meta.annotations(w, "Annotations", s.metadata().annotations());
    w.write(LEVEL_0, "\nType:\t%s\n", GoText.v(s.type()));
    w.write(LEVEL_0, "\nData\n====\n");
    for (Map.Entry<String, Bytes> e : s.data().entrySet()) {
      if (e.getKey().equals("token") && "kubernetes.io/service-account-token".equals(s.type())) {
        w.write(LEVEL_0, "%s:\t%s\n", e.getKey(), new String(e.getValue().toArray(), java.nio.charset.StandardCharsets.UTF_8));
      } else {
        w.write(LEVEL_0, "%s:\t%s bytes\n", e.getKey(), e.getValue().size());
      }
    }
    return w.text();
  }
}
