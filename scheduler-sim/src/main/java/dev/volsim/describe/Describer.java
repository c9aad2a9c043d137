package dev.volsim.describe;

import static java.util.Objects.requireNonNull;

import dev.volsim.core.api.ApiServer;
import dev.volsim.model.KubeObject;
import dev.volsim.model.core.ConfigMap;
import dev.volsim.model.core.Event;
import dev.volsim.model.core.Node;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.Secret;
import dev.volsim.model.storage.StorageClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The text {@code kubectl describe} prints for an object of a simulated cluster, built as kubectl's
 * pkg/describe does: Pods (containers with their mounts, conditions, the Volumes section per source
 * type, events), PersistentVolumes, PersistentVolumeClaims, StorageClasses, ConfigMaps, Secrets and
 * Nodes.
 * Events are the API's Event objects about the object; ages come from the virtual clock.
 *
 * <pre>{@code
 * String text = new Describer(sim.api()).describe(pod);
 * }</pre>
 */
public final class Describer {
  private final ApiServer api;

  /** A describer reading {@code api} as it is when {@link #describe} is called. */
  public Describer(ApiServer api) {
    this.api = requireNonNull(api, "api is null");
  }

  /** Whether objects of {@code kind} (as {@code Pod}) can be described. */
  public static boolean supports(String kind) {
    return List.of("Pod", "PersistentVolume", "PersistentVolumeClaim", "StorageClass", "ConfigMap", "Secret", "Node")
        .contains(kind);
  }

  /**
   * The describe text of {@code object}, with its events.
   *
   * @throws IllegalArgumentException if its kind is not {@link #supports supported}
   */
  public String describe(KubeObject object) {
    requireNonNull(object, "object is null");
    Instant now = api.engine().wallTime();
    List<Event> events = events(object);
    if (object instanceof Pod pod) {
      return PodDescription.describe(pod, events, now);
    } else if (object instanceof PersistentVolume pv) {
      return StorageDescriptions.pv(pv, events, now);
    } else if (object instanceof PersistentVolumeClaim pvc) {
      return StorageDescriptions.pvc(pvc, events, api.list(Pod.class, pvc.metadata().namespace()), now);
    } else if (object instanceof StorageClass sc) {
      return StorageDescriptions.storageClass(sc, events, now);
    } else if (object instanceof ConfigMap cm) {
      return DataDescriptions.configMap(cm, events, now);
    } else if (object instanceof Secret s) {
      return DataDescriptions.secret(s);
    } else if (object instanceof Node node) {
      return NodeDescription.describe(node, api.list(Pod.class), events, now);
    }
    throw new IllegalArgumentException("kubectl describe of a " + object.kind()
          + " is not supported by volsim (it describes Pod, PersistentVolume, PersistentVolumeClaim, StorageClass,"
          + " ConfigMap, Secret, Node)");
  }

  /** {@code searchEvents}: the events whose involved object is {@code object} (same kind, namespace, name, uid). */
  private List<Event> events(KubeObject object) {
    var meta = object.metadata();
    List<Event> out = new ArrayList<>();
    List<Event> all = meta.namespace() == null || meta.namespace().isEmpty()
        ? api.list(Event.class) : api.list(Event.class, meta.namespace());
    for (Event e : all) {
      var io = e.involvedObject();
      if (io == null || !object.kind().equals(io.kind()) || !meta.name().equals(io.name())) {
        continue;
      }
      if (meta.namespace() != null && !meta.namespace().isEmpty() && !meta.namespace().equals(io.namespace())) {
        continue;
      }
      if (io.uid() != null && !io.uid().isEmpty() && meta.uid() != null && !meta.uid().equals(io.uid())) {
        continue;
      }
      out.add(e);
    }
    return out;
  }
}
