package dev.volsim.model.volume;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Kinds;
import dev.volsim.model.core.Pod;
import dev.volsim.model.io.Codec;
import dev.volsim.model.io.Location;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.io.Problem;
import dev.volsim.model.io.YNode;
import dev.volsim.model.io.YNode.Entry;
import dev.volsim.model.io.YNode.ScalarKind;
import dev.volsim.model.io.YNode.YList;
import dev.volsim.model.io.YNode.YMap;
import dev.volsim.model.io.YNode.YScalar;
import dev.volsim.model.validation.FieldError;
import dev.volsim.model.validation.FieldPath;
import dev.volsim.model.validation.VolumeValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs Pod volumes through the API's checks. When the Pod kind is registered, a whole Pod manifest
 * goes through {@link ManifestLoader#strict()}; until then the Pod is decoded with {@link Codec}
 * and its volumes validated with {@link VolumeValidation#validateVolumes}. Either way the result is
 * the rendered messages, paths starting at {@code spec.volumes}.
 */
final class VolumeTestSupport {
  static final String POD_NAME = "web";

  private VolumeTestSupport() {}

  /** A Pod manifest named {@value #POD_NAME} with one container and these volumes (a YAML list). */
  static String podManifest(String volumesYaml) {
    StringBuilder sb = new StringBuilder()
        .append("apiVersion: v1\nkind: Pod\nmetadata:\n  name: ").append(POD_NAME)
        .append("\n  namespace: default\nspec:\n  containers:\n  - name: c\n    image: busybox:1.36\n  volumes:\n");
    for (String line : volumesYaml.split("\n")) {
      sb.append("  ").append(line).append('\n');
    }
    return sb.toString();
  }

  /** Every problem with a Pod carrying these volumes, as rendered messages. */
  static List<String> problems(String volumesYaml) {
    String manifest = podManifest(volumesYaml);
    if (Kinds.lookup("v1", "Pod").isPresent()) {
      return ManifestLoader.strict().parse("t.yaml", manifest).problems().stream()
          .filter(Problem::isError).map(Problem::message).toList();
    }
    List<FieldError> errs = new ArrayList<>();
    Pod pod = decodePod(manifest, errs);
    if (pod != null) {
      VolumeValidation.validateVolumes(pod.metadata(), pod.spec().volumes(), FieldPath.of("spec", "volumes"), errs);
    }
    return errs.stream().map(FieldError::toString).toList();
  }

  /** The volumes of a Pod with these volumes, decoded (and defaulted). */
  static List<Volume> volumes(String volumesYaml) {
    String manifest = podManifest(volumesYaml);
    if (Kinds.lookup("v1", "Pod").isPresent()) {
      var result = ManifestLoader.strict().parse("t.yaml", manifest);
      return ((Pod) result.objects().get(0)).spec().volumes();
    }
    return decodePod(manifest, new ArrayList<>()).spec().volumes();
  }

  private static Pod decodePod(String manifest, List<FieldError> errs) {
    Map<String, Object> tree = new Yaml().load(manifest);
    tree.remove("apiVersion");
    tree.remove("kind");
    return (Pod) Codec.decodeValue(toNode(tree), Pod.class, errs);
  }

  private static YNode toNode(Object o) {
    Location at = Location.startOf("t.yaml");
    if (o instanceof Map<?, ?> m) {
      ImmutableList.Builder<Entry> entries = ImmutableList.builder();
      m.forEach((k, v) -> entries.add(new Entry(String.valueOf(k), at, toNode(v))));
      return new YMap(at, entries.build());
    } else if (o instanceof List<?> l) {
      return new YList(at, l.stream().map(VolumeTestSupport::toNode).collect(ImmutableList.toImmutableList()));
    } else if (o == null) {
      return new YScalar(at, "null", ScalarKind.NULL);
    } else if (o instanceof Boolean b) {
      return new YScalar(at, b.toString(), ScalarKind.BOOL);
    } else if (o instanceof Integer || o instanceof Long || o instanceof java.math.BigInteger) {
      return new YScalar(at, o.toString(), ScalarKind.INT);
    } else if (o instanceof Double d) {
      return new YScalar(at, d.toString(), ScalarKind.FLOAT);
    } else {
      return new YScalar(at, o.toString(), ScalarKind.STRING);
    }
  }
}
