package dev.volsim.model.apps;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;
import dev.volsim.model.IntOrString;
import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.WireEnum;
import dev.volsim.model.core.ConditionStatus;
import dev.volsim.model.core.LabelSelector;
import dev.volsim.model.core.PodSpec;
import dev.volsim.model.core.PodTemplateSpec;
import java.time.Instant;

/**
 * A Deployment: interchangeable Pods managed through ReplicaSets, one per template revision.
 *
 * @param metadata the object's metadata
 * @param spec the desired state; an absent spec is an all-defaults one
 * @param status the controller's view; an absent status is an empty one
 */
public record Deployment(ObjectMeta metadata, Spec spec, Status status) implements KubeObject {
  public Deployment {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = spec == null ? new Spec(null, null, null, null, 0, null, false, null) : spec;
    status = status == null ? new Status(0, 0, 0, 0, 0, 0, null, null, null) : status;
  }

  @Override
  public String apiVersion() {
    return "apps/v1";
  }

  @Override
  public String kind() {
    return "Deployment";
  }

  /**
   * A workload's pod template as the API holds it after defaulting: never null, with a spec
   * (the Go structs are values, so an absent template is an empty one).
   */
  static PodTemplateSpec defaultTemplate(PodTemplateSpec template) {
    if (template == null) {
      return new PodTemplateSpec(null, PodSpec.of(null, null));
    }
    return template.spec() == null ? new PodTemplateSpec(template.metadata(), PodSpec.of(null, null)) : template;
  }

  /**
   * {@code DeploymentSpec}, with {@code SetDefaults_Deployment} applied.
   *
   * @param replicas the desired number of Pods; default 1
   * @param selector the Pods the Deployment owns; required, must match the template's labels
   * @param template the Pods to create; an absent template (or template spec) is an empty one
   * @param strategy how new Pods replace old ones; default RollingUpdate 25%/25%
   * @param minReadySeconds how long a ready Pod must stay ready to count as available
   * @param revisionHistoryLimit how many old ReplicaSets to keep; default 10
   * @param paused whether the rollout is paused
   * @param progressDeadlineSeconds when a stalled rollout is reported as failed; default 600
   */
  public record Spec(
      Integer replicas,
      LabelSelector selector,
      PodTemplateSpec template,
      Strategy strategy,
      int minReadySeconds,
      Integer revisionHistoryLimit,
      boolean paused,
      Integer progressDeadlineSeconds) {
    public Spec {
      replicas = replicas == null ? Integer.valueOf(1) : replicas;
      template = defaultTemplate(template);
      strategy = strategy == null ? new Strategy(null, null) : strategy;
      revisionHistoryLimit = revisionHistoryLimit == null ? Integer.valueOf(10) : revisionHistoryLimit;
      progressDeadlineSeconds = progressDeadlineSeconds == null ? Integer.valueOf(600) : progressDeadlineSeconds;
    }
  }

  /**
   * {@code DeploymentStrategy}. An absent type is RollingUpdate; a RollingUpdate strategy gets
   * maxUnavailable and maxSurge of 25% where absent. A Recreate strategy is left as given.
   *
   * @param type Recreate or RollingUpdate
   * @param rollingUpdate the rolling update's parameters, only for RollingUpdate
   */
  public record Strategy(StrategyType type, RollingUpdate rollingUpdate) {
    public Strategy {
      type = type == null ? StrategyType.ROLLING_UPDATE : type;
      if (type == StrategyType.ROLLING_UPDATE) {
        IntOrString unavailable = rollingUpdate == null ? null : rollingUpdate.maxUnavailable();
        IntOrString surge = rollingUpdate == null ? null : rollingUpdate.maxSurge();
        rollingUpdate = new RollingUpdate(
            unavailable == null ? IntOrString.of("25%") : unavailable,
            surge == null ? IntOrString.of("25%") : surge);
      }
    }
  }

  /**
   * {@code RollingUpdateDeployment}.
   *
   * @param maxUnavailable how many desired Pods may be unavailable during the update
   * @param maxSurge how many Pods may exist above the desired number
   */
  public record RollingUpdate(IntOrString maxUnavailable, IntOrString maxSurge) {}

  /**
   * {@code DeploymentStatus}.
   *
   * @param observedGeneration the spec generation the controller has seen
   * @param replicas Pods of all its ReplicaSets
   * @param updatedReplicas Pods of the current template
   * @param readyReplicas Ready Pods
   * @param availableReplicas Pods ready for minReadySeconds
   * @param unavailableReplicas Pods still needed for the desired availability
   * @param terminatingReplicas Pods being deleted (null: not counted)
   * @param conditions the Deployment's conditions (Available, Progressing, ReplicaFailure)
   * @param collisionCount hash collisions seen when naming ReplicaSets
   */
  public record Status(
      long observedGeneration,
      int replicas,
      int updatedReplicas,
      int readyReplicas,
      int availableReplicas,
      int unavailableReplicas,
      Integer terminatingReplicas,
      ImmutableList<Condition> conditions,
      Integer collisionCount) {
    public Status {
      conditions = Immutables.list(conditions);
    }
  }

  /**
   * {@code DeploymentCondition}.
   *
   * @param type Available, Progressing or ReplicaFailure
   * @param status True, False or Unknown
   * @param lastUpdateTime when the condition was last written
   * @param lastTransitionTime when the status last changed
   * @param reason a CamelCase reason
   * @param message a human-readable message
   */
  public record Condition(
      String type,
      ConditionStatus status,
      Instant lastUpdateTime,
      Instant lastTransitionTime,
      String reason,
      String message) {}

  /** {@code DeploymentStrategyType}. */
  public enum StrategyType implements WireEnum {
    /** Delete all old Pods before creating new ones. */
    RECREATE("Recreate"),
    /** Replace Pods gradually. */
    ROLLING_UPDATE("RollingUpdate");

    private final String wire;

    StrategyType(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }
}
