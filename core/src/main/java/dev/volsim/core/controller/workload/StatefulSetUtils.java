package dev.volsim.core.controller.workload;

import dev.volsim.model.ObjectMeta;
import dev.volsim.model.Records;
import dev.volsim.model.apps.StatefulSet;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodSpec;
import dev.volsim.model.volume.PersistentVolumeClaimVolumeSource;
import dev.volsim.model.volume.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Upstream's {@code stateful_set_utils.go}: identities, claim names and new Pods. */
final class StatefulSetUtils {
  /** {@code apps.StatefulSetPodNameLabel}. */
  static final String POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
  /** {@code apps.PodIndexLabel} (feature PodIndexLabel, on since 1.28). */
  static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
  /** {@code apps.ControllerRevisionHashLabelKey}. */
  static final String REVISION_LABEL = "controller-revision-hash";

  private StatefulSetUtils() {}

  /** {@code getParentNameAndOrdinal}'s ordinal for a member of {@code set}, or -1. */
  static int ordinal(StatefulSet set, Pod pod) {
    String name = pod.metadata().name();
    String prefix = set.metadata().name() + "-";
    if (name == null || !name.startsWith(prefix) || name.length() == prefix.length()) {
      return -1;
    }
    String digits = name.substring(prefix.length());
    for (int i = 0; i < digits.length(); i++) {
      if (!Character.isDigit(digits.charAt(i))) {
        return -1;
      }
    }
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static String podName(StatefulSet set, int ordinal) {
    return set.metadata().name() + "-" + ordinal;
  }

  /** {@code getPersistentVolumeClaimName}: {@code <template>-<set>-<ordinal>}. */
  static String claimName(StatefulSet set, PersistentVolumeClaim template, int ordinal) {
    return template.metadata().name() + "-" + set.metadata().name() + "-" + ordinal;
  }

  /** {@code podInOrdinalRange}. */
  static boolean podInOrdinalRange(Pod pod, StatefulSet set) {
    int ordinal = ordinal(set, pod);
    int start = set.spec().startOrdinal();
    return ordinal >= start && ordinal < start + set.spec().replicas();
  }

  /** The set's revision name, {@code <set>-<template hash>} (no ControllerRevision objects). */
  static String revision(StatefulSet set) {
    return set.metadata().name() + "-" + TemplateHash.of(set.spec().template(), set.status().collisionCount());
  }

  /**
   * {@code getPersistentVolumeClaims}: one claim per template, in template order, named for the
   * Pod's ordinal, in the set's namespace, labelled with the template's labels overlaid with the
   * set's {@code selector.matchLabels}.
   */
  static List<PersistentVolumeClaim> persistentVolumeClaims(StatefulSet set, Pod pod) {
    int ordinal = ordinal(set, pod);
    List<PersistentVolumeClaim> out = new ArrayList<>();
    for (PersistentVolumeClaim template : set.spec().volumeClaimTemplates()) {
      Map<String, String> labels = new TreeMap<>(template.metadata().labels());
      if (set.spec().selector() != null) {
        labels.putAll(set.spec().selector().matchLabels());
      }
      ObjectMeta meta = ObjectMeta.builder()
          .name(claimName(set, template, ordinal))
          .namespace(set.metadata().namespace())
          .labels(labels)
          .annotations(template.metadata().annotations())
          .build();
      out.add(new PersistentVolumeClaim(meta, template.spec(), null));
    }
    return out;
  }

  /**
   * {@code newVersionedStatefulSetPod}: the template with a controller reference, name
   * {@code <set>-<ordinal>}, hostname and subdomain ({@code updateIdentity}), the identity and
   * revision labels, and one volume per claim template ({@code updateStorage}; claim volumes in
   * template order, then the template's other volumes).
   */
  static Pod newStatefulSetPod(StatefulSet set, int ordinal) {
    String name = podName(set, ordinal);
    Pod pod = Pods.fromTemplate(set.spec().template(), set, name, null);
    ObjectMeta meta = pod.metadata().toBuilder()
        .label(POD_NAME_LABEL, name)
        .label(POD_INDEX_LABEL, Integer.toString(ordinal))
        .label(REVISION_LABEL, revision(set))
        .build();
    PodSpec spec = pod.spec();
    spec = Records.with(spec, "hostname", name);
    spec = Records.with(spec, "subdomain", set.spec().serviceName());
    List<Volume> volumes = new ArrayList<>();
    TreeSet<String> claimVolumes = new TreeSet<>();
    for (PersistentVolumeClaim template : set.spec().volumeClaimTemplates()) {
      claimVolumes.add(template.metadata().name());
      volumes.add(new Volume(template.metadata().name(),
          new PersistentVolumeClaimVolumeSource(claimName(set, template, ordinal), false)));
    }
    for (Volume v : spec.volumes()) {
      if (!claimVolumes.contains(v.name())) {
        volumes.add(v);
      }
    }
    spec = Records.with(spec, "volumes", com.google.common.collect.ImmutableList.copyOf(volumes));
    return new Pod(meta, spec, null);
  }
}
