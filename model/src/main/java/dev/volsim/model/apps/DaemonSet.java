package dev.volsim.model.apps;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;
import dev.volsim.model.IntOrString;
import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.WireEnum;
import dev.volsim.model.core.ConditionStatus;
import dev.volsim.model.core.LabelSelector;
import dev.volsim.model.core.PodTemplateSpec;
import java.time.Instant;

/**
 * A DaemonSet: one Pod on every eligible node.
 *
 * @param metadata the object's metadata
 * @param spec the desired state; an absent spec is an all-defaults one
 * @param status the controller's view; an absent status is an empty one
 */
public record DaemonSet(ObjectMeta metadata, Spec spec, Status status) implements KubeObject {
  public DaemonSet {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = spec == null ? new Spec(null, null, null, 0, null) : spec;
    status = status == null ? new Status(0, 0, 0, 0, 0, 0, 0, 0, null, null) : status;
  }

  @Override
  public String apiVersion() {
    return "apps/v1";
  }

  @Override
  public String kind() {
    return "DaemonSet";
  }

  /**
   * {@code DaemonSetSpec}, with {@code SetDefaults_DaemonSet} applied.
   *
   * @param selector the Pods the set owns; must match the template's labels
   * @param template the Pods to create; an absent template (or template spec) is an empty one
   * @param updateStrategy how template changes roll out; default RollingUpdate, maxUnavailable 1,
   *     maxSurge 0
   * @param minReadySeconds how long a ready Pod must stay ready to count as available
   * @param revisionHistoryLimit how many old ControllerRevisions to keep; default 10
   */
  public record Spec(
      LabelSelector selector,
      PodTemplateSpec template,
      UpdateStrategy updateStrategy,
      int minReadySeconds,
      Integer revisionHistoryLimit) {
    public Spec {
      template = Deployment.defaultTemplate(template);
      updateStrategy = updateStrategy == null ? new UpdateStrategy(null, null) : updateStrategy;
      revisionHistoryLimit = revisionHistoryLimit == null ? Integer.valueOf(10) : revisionHistoryLimit;
    }
  }

  /**
   * {@code DaemonSetUpdateStrategy}. An absent type is RollingUpdate; a RollingUpdate strategy gets
   * maxUnavailable 1 and maxSurge 0 where absent. An OnDelete strategy is left as given.
   *
   * @param type RollingUpdate or OnDelete
   * @param rollingUpdate the rolling update's parameters, only for RollingUpdate
   */
  public record UpdateStrategy(UpdateStrategyType type, RollingUpdate rollingUpdate) {
    public UpdateStrategy {
      type = type == null ? UpdateStrategyType.ROLLING_UPDATE : type;
      if (type == UpdateStrategyType.ROLLING_UPDATE) {
        IntOrString unavailable = rollingUpdate == null ? null : rollingUpdate.maxUnavailable();
        IntOrString surge = rollingUpdate == null ? null : rollingUpdate.maxSurge();
        rollingUpdate = new RollingUpdate(
            unavailable == null ? IntOrString.of(1) : unavailable,
            surge == null ? IntOrString.of(0) : surge);
      }
    }
  }

  /**
   * {@code RollingUpdateDaemonSet}; exactly one of the two is non-zero.
   *
   * @param maxUnavailable how many nodes may lack an available Pod during the update
   * @param maxSurge how many nodes may run an old and a new Pod at once
   */
  public record RollingUpdate(IntOrString maxUnavailable, IntOrString maxSurge) {}

  /**
   * {@code DaemonSetStatus}.
   *
   * @param currentNumberScheduled nodes running a daemon Pod that should
   * @param numberMisscheduled nodes running a daemon Pod that should not
   * @param desiredNumberScheduled nodes that should run a daemon Pod
   * @param numberReady nodes whose daemon Pod is Ready
   * @param observedGeneration the spec generation the controller has seen
   * @param updatedNumberScheduled nodes running the current template
   * @param numberAvailable nodes whose daemon Pod has been ready for minReadySeconds
   * @param numberUnavailable nodes that should run an available daemon Pod and do not
   * @param collisionCount hash collisions seen when naming revisions
   * @param conditions the set's conditions
   */
  public record Status(
      int currentNumberScheduled,
      int numberMisscheduled,
      int desiredNumberScheduled,
      int numberReady,
      long observedGeneration,
      int updatedNumberScheduled,
      int numberAvailable,
      int numberUnavailable,
      Integer collisionCount,
      ImmutableList<Condition> conditions) {
    public Status {
      conditions = Immutables.list(conditions);
    }
  }

  /**
   * {@code DaemonSetCondition}.
   *
   * @param type the condition's type
   * @param status True, False or Unknown
   * @param lastTransitionTime when the status last changed
   * @param reason a CamelCase reason
   * @param message a human-readable message
   */
  public record Condition(
      String type, ConditionStatus status, Instant lastTransitionTime, String reason, String message) {}

  /** {@code DaemonSetUpdateStrategyType}. */
  public enum UpdateStrategyType implements WireEnum {
    /** The controller replaces daemon Pods node by node. */
    ROLLING_UPDATE("RollingUpdate"),
    /** Daemon Pods are replaced only when deleted by someone else. */
    ON_DELETE("OnDelete");

    private final String wire;

    UpdateStrategyType(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }
}
