package dev.volsim.describe;

import static dev.volsim.describe.DescribeWriter.LEVEL_0;
import static dev.volsim.describe.DescribeWriter.LEVEL_1;
import static dev.volsim.describe.DescribeWriter.LEVEL_2;
import static dev.volsim.describe.GoText.v;

import dev.volsim.model.ObjectMeta;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.Event;
import dev.volsim.model.core.NodeSelectorRequirement;
import dev.volsim.model.core.NodeSelectorTerm;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeAccessMode;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.PersistentVolumeClaimCondition;
import dev.volsim.model.core.PersistentVolumeClaimSpec;
import dev.volsim.model.core.Pod;
import dev.volsim.model.storage.StorageClass;
import dev.volsim.model.volume.PersistentVolumeClaimTemplate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** kubectl's describers of PersistentVolumes, PersistentVolumeClaims and StorageClasses. */
final class StorageDescriptions {
  /** {@code v1.BetaStorageClassAnnotation}, read before the spec's class name. */
  private static final String BETA_STORAGE_CLASS = "volume.beta.kubernetes.io/storage-class";

  private StorageDescriptions() {}

  /** {@code describePersistentVolume}. */
  static String pv(PersistentVolume pv, List<Event> events, Instant now) {
    DescribeWriter w = new DescribeWriter();
    var spec = pv.spec();
    w.write(LEVEL_0, "Name:\t%s\n", pv.metadata().name());
    Meta.labels(w, "Labels", pv.metadata().labels());
    Meta.annotations(w, "Annotations", pv.metadata().annotations());
    w.write(LEVEL_0, "Finalizers:\t%s\n", v(pv.metadata().finalizers()));
    w.write(LEVEL_0, "StorageClass:\t%s\n", className(pv.metadata(), spec.storageClassName()));
    if (pv.metadata().deletionTimestamp() != null) {
      w.write(LEVEL_0, "Status:\tTerminating (lasts %s)\n", GoText.since(pv.metadata().deletionTimestamp(), now));
    } else {
      w.write(LEVEL_0, "Status:\t%s\n", pv.status() == null ? "" : v(pv.status().phase()));
    }
    w.write(LEVEL_0, "Claim:\t%s\n", spec.claimRef() == null ? ""
        : v(spec.claimRef().namespace()) + "/" + v(spec.claimRef().name()));
    w.write(LEVEL_0, "Reclaim Policy:\t%s\n", v(spec.persistentVolumeReclaimPolicy()));
    w.write(LEVEL_0, "Access Modes:\t%s\n", accessModes(spec.accessModes()));
    if (spec.volumeMode() != null) {
      w.write(LEVEL_0, "VolumeMode:\t%s\n", v(spec.volumeMode()));
    }
    Quantity storage = spec.capacity().get("storage");
    w.write(LEVEL_0, "Capacity:\t%s\n", storage == null ? "0" : storage.toString());
    w.write(LEVEL_0, "Node Affinity:\t");
    if (spec.nodeAffinity() == null || spec.nodeAffinity().required() == null) {
      w.line("<none>");
    } else {
      w.line("");
      w.write(LEVEL_1, "Required Terms:\t");
      List<NodeSelectorTerm> terms = spec.nodeAffinity().required().nodeSelectorTerms();
      if (terms.isEmpty()) {
        w.line("<none>");
      } else {
        w.line("");
        for (int i = 0; i < terms.size(); i++) {
          terms(w, "Term " + i, terms.get(i).matchExpressions());
        }
      }
    }
    w.write(LEVEL_0, "Message:\t%s\n", pv.status() == null ? "" : v(pv.status().message()));
    w.write(LEVEL_0, "Source:\n");
    VolumeSourceLines.pvSource(spec.source(), w);
    if (events != null) {
      Events.describe(events, now, w);
    }
    return w.text();
  }

  /** {@code printNodeSelectorTermsMultilineWithIndent} at level 2. */
  private static void terms(DescribeWriter w, String title, List<NodeSelectorRequirement> reqs) {
    w.write(LEVEL_2, "%s:\t", title);
    if (reqs.isEmpty()) {
      w.line("<none>");
      return;
    }
    for (int i = 0; i < reqs.size(); i++) {
      NodeSelectorRequirement r = reqs.get(i);
      if (i != 0) {
        w.write(LEVEL_2, "\t");
      }
      String expr = r.key() + " " + v(r.operator()).toLowerCase(Locale.ROOT);
      if (!r.values().isEmpty()) {
        expr += " [" + String.join(", ", r.values()) + "]";
      }
      w.write(LEVEL_0, "%s\n", expr);
    }
  }

  /** {@code describePersistentVolumeClaim}; {@code pods} are those of its namespace. */
  static String pvc(PersistentVolumeClaim pvc, List<Event> events, List<Pod> pods, Instant now) {
    DescribeWriter w = new DescribeWriter();
    claim(w, LEVEL_0, pvc.metadata(), pvc.spec(), pvc, now);
    List<String> usedBy = new ArrayList<>();
    for (Pod pod : pods) {
      boolean uses = pod.spec().volumes().stream().anyMatch(vol ->
          vol.source() instanceof dev.volsim.model.volume.PersistentVolumeClaimVolumeSource c
              && c.claimName().equals(pvc.metadata().name()));
      boolean owns = pvc.metadata().ownerReferences().stream().anyMatch(o -> "Pod".equals(o.kind())
          && o.uid() != null && o.uid().equals(pod.metadata().uid()));
      if (uses || owns) {
        usedBy.add(pod.metadata().name());
      }
    }
    usedBy.sort(null);
    w.write(LEVEL_0, "Used By:\t");
    if (usedBy.isEmpty()) {
      w.line("<none>");
    } else {
      for (int i = 0; i < usedBy.size(); i++) {
        w.write(LEVEL_0, i == 0 ? "%s\n" : "\t%s\n", usedBy.get(i));
      }
    }
    List<PersistentVolumeClaimCondition> conditions = pvc.status() == null ? List.of() : pvc.status().conditions();
    if (!conditions.isEmpty()) {
      w.write(LEVEL_0, "Conditions:\n");
      w.write(LEVEL_1, "Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n");
      w.write(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------\n");
      for (PersistentVolumeClaimCondition c : conditions) {
        w.write(LEVEL_1, "%s \t%s \t%s \t%s \t%s \t%s\n", v(c.type()), v(c.status()), GoText.rfc1123z(c.lastProbeTime()),
            GoText.rfc1123z(c.lastTransitionTime()), v(c.reason()), v(c.message()));
      }
    }
    if (events != null) {
      Events.describe(events, now, w);
    }
    return w.text();
  }

  /** The claim of an {@code ephemeral} volume, printed inside the Pod's volume ({@code NestedPrefixWriter} at level 2). */
  static void claimTemplate(PersistentVolumeClaimTemplate t, DescribeWriter w) {
    ObjectMeta meta = t.metadata() == null ? ObjectMeta.builder().build() : t.metadata();
    claim(w, LEVEL_2, meta, t.spec(), null, null);
  }

  /** {@code printPersistentVolumeClaim}; {@code full} is null for a claim template. */
  private static void claim(DescribeWriter w, int base, ObjectMeta meta, PersistentVolumeClaimSpec spec,
      PersistentVolumeClaim full, Instant now) {
    if (full != null) {
      w.write(base, "Name:\t%s\n", meta.name());
      w.write(base, "Namespace:\t%s\n", meta.namespace());
    }
    w.write(base, "StorageClass:\t%s\n", className(meta, spec.storageClassName()));
    if (full != null) {
      if (meta.deletionTimestamp() != null) {
        w.write(base, "Status:\tTerminating (lasts %s)\n", GoText.since(meta.deletionTimestamp(), now));
      } else {
        w.write(base, "Status:\t%s\n", full.status() == null ? "" : v(full.status().phase()));
      }
    }
    w.write(base, "Volume:\t%s\n", v(spec.volumeName()));
    if (base == LEVEL_0) {
      Meta.labels(w, "Labels", meta.labels());
      Meta.annotations(w, "Annotations", meta.annotations());
    } else {
      // Through the nested writer every write, the continuation lines too, is indented.
      nested(w, base, "Labels", meta.labels());
      nested(w, base, "Annotations", meta.annotations());
    }
    if (full != null) {
      w.write(base, "Finalizers:\t%s\n", v(meta.finalizers()));
    }
    String capacity = "";
    String modes = "";
    if (spec.volumeName() != null && !spec.volumeName().isEmpty() && full != null && full.status() != null) {
      modes = accessModes(full.status().accessModes());
      Quantity q = full.status().capacity().get("storage");
      capacity = q == null ? "0" : q.toString();
    }
    w.write(base, "Capacity:\t%s\n", capacity);
    w.write(base, "Access Modes:\t%s\n", modes);
    if (spec.volumeMode() != null) {
      w.write(base, "VolumeMode:\t%s\n", v(spec.volumeMode()));
    }
    if (spec.dataSource() != null) {
      w.write(base, "DataSource:\n");
      if (spec.dataSource().apiGroup() != null) {
        w.write(base + 1, "APIGroup:\t%s\n", spec.dataSource().apiGroup());
      }
      w.write(base + 1, "Kind:\t%s\n", v(spec.dataSource().kind()));
      w.write(base + 1, "Name:\t%s\n", v(spec.dataSource().name()));
    }
  }

  private static void nested(DescribeWriter w, int base, String title, Map<String, String> values) {
    w.write(base, "%s:\t", title);
    if (values == null || values.isEmpty()) {
      w.write(base, "<none>\n");
      return;
    }
    boolean first = true;
    for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
      if (!first) {
        w.write(base, "\t");
      }
      first = false;
      w.write(base, "%s=%s\n", e.getKey(), e.getValue());
    }
  }

  /** {@code describeStorageClass}. */
  static String storageClass(StorageClass sc, List<Event> events, Instant now) {
    DescribeWriter w = new DescribeWriter();
    Map<String, String> annotations = sc.metadata().annotations();
    boolean isDefault = "true".equals(annotations.get("storageclass.kubernetes.io/is-default-class"))
        || "true".equals(annotations.get("storageclass.beta.kubernetes.io/is-default-class"));
    w.write(LEVEL_0, "Name:\t%s\n", sc.metadata().name());
    w.write(LEVEL_0, "IsDefaultClass:\t%s\n", isDefault ? "Yes" : "No");
    w.write(LEVEL_0, "Annotations:\t%s\n", formatLabels(annotations));
    w.write(LEVEL_0, "Provisioner:\t%s\n", v(sc.provisioner()));
    w.write(LEVEL_0, "Parameters:\t%s\n", formatLabels(sc.parameters()));
    w.write(LEVEL_0, "AllowVolumeExpansion:\t%s\n", sc.allowVolumeExpansion() == null ? "<unset>"
        : GoText.bool(sc.allowVolumeExpansion()));
    if (sc.mountOptions().isEmpty()) {
      w.write(LEVEL_0, "MountOptions:\t<none>\n");
    } else {
      w.write(LEVEL_0, "MountOptions:\n");
      for (String o : sc.mountOptions()) {
        w.write(LEVEL_1, "%s\n", o);
      }
    }
    if (sc.reclaimPolicy() != null) {
      w.write(LEVEL_0, "ReclaimPolicy:\t%s\n", v(sc.reclaimPolicy()));
    }
    if (sc.volumeBindingMode() != null) {
      w.write(LEVEL_0, "VolumeBindingMode:\t%s\n", v(sc.volumeBindingMode()));
    }
    if (events != null) {
      Events.describe(events, now, w);
    }
    return w.text();
  }

  /** {@code labels.FormatLabels}: {@code k=v,k2=v2} sorted, {@code <none>} when empty. */
  static String formatLabels(Map<String, String> m) {
    if (m == null || m.isEmpty()) {
      return "<none>";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(m).entrySet()) {
      parts.add(e.getKey() + "=" + e.getValue());
    }
    return String.join(",", parts);
  }

  /** {@code GetAccessModesAsString}: always in the order RWO, ROX, RWX, RWOP. */
  static String accessModes(List<PersistentVolumeAccessMode> modes) {
    List<String> out = new ArrayList<>();
    if (modes.contains(PersistentVolumeAccessMode.READ_WRITE_ONCE)) {
      out.add("RWO");
    }
    if (modes.contains(PersistentVolumeAccessMode.READ_ONLY_MANY)) {
      out.add("ROX");
    }
    if (modes.contains(PersistentVolumeAccessMode.READ_WRITE_MANY)) {
      out.add("RWX");
    }
    if (modes.contains(PersistentVolumeAccessMode.READ_WRITE_ONCE_POD)) {
      out.add("RWOP");
    }
    return String.join(",", out);
  }

  private static String className(ObjectMeta meta, String specClass) {
    String beta = meta.annotations().get(BETA_STORAGE_CLASS);
    return beta != null ? beta : v(specClass);
  }
}
