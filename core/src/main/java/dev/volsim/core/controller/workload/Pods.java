package dev.volsim.core.controller.workload;

import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.OwnerReference;
import dev.volsim.model.core.ConditionStatus;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.PodCondition;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.core.PodTemplateSpec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Pod helpers the workload controllers share, after {@code pkg/controller/controller_utils.go}
 * and {@code pkg/api/v1/pod/util.go}.
 */
final class Pods {
  private Pods() {}

  /** {@code metav1.NewControllerRef}: controller and blockOwnerDeletion true. */
  static OwnerReference controllerRef(KubeObject owner) {
    return new OwnerReference(owner.apiVersion(), owner.kind(), owner.metadata().name(),
        owner.metadata().uid(), true, true);
  }

  /** {@code metav1.GetControllerOf}. */
  static Optional<OwnerReference> controllerOf(KubeObject o) {
    for (OwnerReference ref : o.metadata().ownerReferences()) {
      if (Boolean.TRUE.equals(ref.controller())) {
        return Optional.of(ref);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code o}'s controller is {@code owner} (by kind and uid). */
  static boolean isControlledBy(KubeObject o, KubeObject owner) {
    return controllerOf(o).filter(r -> owner.kind().equals(r.kind())
        && owner.metadata().uid() != null && owner.metadata().uid().equals(r.uid())).isPresent();
  }

  /**
   * {@code GetPodFromTemplate}: the template's labels, annotations, finalizers and spec, a
   * controller reference to {@code owner}, and either {@code name} or {@code generateName}.
   */
  static Pod fromTemplate(PodTemplateSpec template, KubeObject owner, String name, String generateName) {
    ObjectMeta t = template.metadata();
    ObjectMeta meta = ObjectMeta.builder()
        .name(name).generateName(name == null ? generateName : null)
        .namespace(owner.metadata().namespace())
        .labels(t.labels()).annotations(t.annotations()).finalizers(t.finalizers())
        .ownerReferences(List.of(controllerRef(owner)))
        .build();
    return new Pod(meta, template.spec(), null);
  }

  /** {@code podutil.IsPodReady}: the Ready condition is True. */
  static boolean isPodReady(Pod pod) {
    return pod.status() != null && pod.status().condition(PodCondition.READY)
        .map(c -> c.status() == ConditionStatus.TRUE).orElse(false);
  }

  /** StatefulSet's {@code isRunningAndReady}. */
  static boolean isRunningAndReady(Pod pod) {
    return pod.phase() == PodPhase.RUNNING && isPodReady(pod);
  }

  /**
   * {@code podutil.IsPodAvailable}: Ready, and Ready for at least {@code minReadySeconds} (by the
   * Ready condition's lastTransitionTime).
   */
  static boolean isPodAvailable(Pod pod, int minReadySeconds, Instant now) {
    if (!isPodReady(pod)) {
      return false;
    }
    if (minReadySeconds == 0) {
      return true;
    }
    Instant since = pod.status().condition(PodCondition.READY).map(PodCondition::lastTransitionTime).orElse(null);
    return since != null && !since.plusSeconds(minReadySeconds).isAfter(now);
  }

  static boolean isTerminating(Pod pod) {
    return pod.metadata().deletionTimestamp() != null;
  }

  /** {@code controller.IsPodActive}: not finished and not being deleted. */
  static boolean isActive(Pod pod) {
    return pod.phase() != PodPhase.SUCCEEDED && pod.phase() != PodPhase.FAILED && !isTerminating(pod);
  }

  static boolean isScheduled(Pod pod) {
    return pod.spec() != null && pod.spec().nodeName() != null && !pod.spec().nodeName().isEmpty();
  }
}
