package dev.volsim.model.apps;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;
import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.core.ConditionStatus;
import dev.volsim.model.core.LabelSelector;
import dev.volsim.model.core.PodTemplateSpec;
import java.time.Instant;

/**
 * A ReplicaSet: a number of interchangeable Pods from one template.
 *
 * @param metadata the object's metadata
 * @param spec the desired state; an absent spec is an all-defaults one
 * @param status the controller's view; an absent status is an empty one
 */
public record ReplicaSet(ObjectMeta metadata, Spec spec, Status status) implements KubeObject {
  public ReplicaSet {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = spec == null ? new Spec(null, 0, null, null) : spec;
    status = status == null ? new Status(0, 0, 0, 0, null, 0, null) : status;
  }

  @Override
  public String apiVersion() {
    return "apps/v1";
  }

  @Override
  public String kind() {
    return "ReplicaSet";
  }

  /**
   * {@code ReplicaSetSpec}, with {@code SetDefaults_ReplicaSet} applied.
   *
   * @param replicas the desired number of Pods; default 1
   * @param minReadySeconds how long a ready Pod must stay ready to count as available
   * @param selector the Pods the set owns; required, must match the template's labels
   * @param template the Pods to create; an absent template (or template spec) is an empty one
   */
  public record Spec(Integer replicas, int minReadySeconds, LabelSelector selector, PodTemplateSpec template) {
    public Spec {
      replicas = replicas == null ? Integer.valueOf(1) : replicas;
      template = Deployment.defaultTemplate(template);
    }
  }

  /**
   * {@code ReplicaSetStatus}.
   *
   * @param replicas the Pods the set has
   * @param fullyLabeledReplicas Pods whose labels match the template's
   * @param readyReplicas Ready Pods
   * @param availableReplicas Pods ready for minReadySeconds
   * @param terminatingReplicas Pods being deleted (null: not counted)
   * @param observedGeneration the spec generation the controller has seen
   * @param conditions the set's conditions (ReplicaFailure)
   */
  public record Status(
      int replicas,
      int fullyLabeledReplicas,
      int readyReplicas,
      int availableReplicas,
      Integer terminatingReplicas,
      long observedGeneration,
      ImmutableList<Condition> conditions) {
    public Status {
      conditions = Immutables.list(conditions);
    }
  }

  /**
   * {@code ReplicaSetCondition}.
   *
   * @param type the condition's type (ReplicaFailure)
   * @param status True, False or Unknown
   * @param lastTransitionTime when the status last changed
   * @param reason a CamelCase reason
   * @param message a human-readable message
   */
  public record Condition(
      String type, ConditionStatus status, Instant lastTransitionTime, String reason, String message) {}
}
