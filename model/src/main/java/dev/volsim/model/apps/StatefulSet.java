package dev.volsim.model.apps;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;
import dev.volsim.model.IntOrString;
import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.WireEnum;
import dev.volsim.model.core.ConditionStatus;
import dev.volsim.model.core.LabelSelector;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.PodTemplateSpec;
import java.time.Instant;

/**
 * A StatefulSet: Pods with stable ordinal names ({@code web-0}, {@code web-1}, ...), each with its
 * own PersistentVolumeClaims made from {@code volumeClaimTemplates} ({@code www-web-0}).
 *
 * @param metadata the object's metadata
 * @param spec the desired state; an absent spec is an all-defaults one
 * @param status the controller's view; an absent status is an empty one
 */
public record StatefulSet(ObjectMeta metadata, Spec spec, Status status) implements KubeObject {
  public StatefulSet {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    spec = spec == null ? new Spec(null, null, null, null, null, null, null, null, 0, null, null) : spec;
    status = status == null ? new Status(0, 0, 0, 0, 0, null, null, null, null, 0) : status;
  }

  @Override
  public String apiVersion() {
    return "apps/v1";
  }

  @Override
  public String kind() {
    return "StatefulSet";
  }

  /**
   * {@code StatefulSetSpec}, with {@code SetDefaults_StatefulSet} applied.
   *
   * @param replicas the desired number of Pods; default 1
   * @param selector the Pods the set owns; required, must match the template's labels
   * @param template the Pods to create; an absent template (or template spec) is an empty one
   * @param volumeClaimTemplates claims made for each Pod, named {@code <claim>-<set>-<ordinal>}
   * @param serviceName the governing headless Service
   * @param podManagementPolicy whether Pods start and stop one at a time; default OrderedReady
   * @param updateStrategy how template changes roll out; default RollingUpdate with partition 0
   * @param revisionHistoryLimit how many old ControllerRevisions to keep; default 10
   * @param minReadySeconds how long a ready Pod must stay ready to count as available
   * @param persistentVolumeClaimRetentionPolicy what happens to the claims when the set is deleted
   *     or scaled down; default Retain for both
   * @param ordinals the first ordinal (null: 0)
   */
  public record Spec(
      Integer replicas,
      LabelSelector selector,
      PodTemplateSpec template,
      ImmutableList<PersistentVolumeClaim> volumeClaimTemplates,
      String serviceName,
      PodManagementPolicy podManagementPolicy,
      UpdateStrategy updateStrategy,
      Integer revisionHistoryLimit,
      int minReadySeconds,
      PersistentVolumeClaimRetentionPolicy persistentVolumeClaimRetentionPolicy,
      Ordinals ordinals) {
    public Spec {
      replicas = replicas == null ? Integer.valueOf(1) : replicas;
      template = Deployment.defaultTemplate(template);
      volumeClaimTemplates = Immutables.list(volumeClaimTemplates);
      podManagementPolicy = podManagementPolicy == null ? PodManagementPolicy.ORDERED_READY : podManagementPolicy;
      updateStrategy = updateStrategy == null ? new UpdateStrategy(null, null) : updateStrategy;
      revisionHistoryLimit = revisionHistoryLimit == null ? Integer.valueOf(10) : revisionHistoryLimit;
      persistentVolumeClaimRetentionPolicy = persistentVolumeClaimRetentionPolicy == null
          ? new PersistentVolumeClaimRetentionPolicy(null, null) : persistentVolumeClaimRetentionPolicy;
    }

    /** The first ordinal, {@code ordinals.start} or 0. */
    public int startOrdinal() {
      return ordinals == null ? 0 : ordinals.start();
    }
  }

  /**
   * {@code StatefulSetUpdateStrategy}. An absent type becomes RollingUpdate with an (absent)
   * rollingUpdate defaulted to partition 0; a given RollingUpdate type keeps an absent
   * rollingUpdate absent, as upstream.
   *
   * @param type RollingUpdate or OnDelete
   * @param rollingUpdate the rolling update's parameters, only for RollingUpdate
   */
  public record UpdateStrategy(UpdateStrategyType type, RollingUpdate rollingUpdate) {
    public UpdateStrategy {
      if (type == null) {
        type = UpdateStrategyType.ROLLING_UPDATE;
        if (rollingUpdate == null) {
          rollingUpdate = new RollingUpdate(null, null);
        }
      }
      if (type == UpdateStrategyType.ROLLING_UPDATE && rollingUpdate != null && rollingUpdate.partition() == null) {
        rollingUpdate = new RollingUpdate(0, rollingUpdate.maxUnavailable());
      }
    }
  }

  /**
   * {@code RollingUpdateStatefulSetStrategy}.
   *
   * @param partition Pods with an ordinal below it keep the old revision
   * @param maxUnavailable how many Pods may be unavailable during the update (null: 1)
   */
  public record RollingUpdate(Integer partition, IntOrString maxUnavailable) {}

  /**
   * {@code StatefulSetPersistentVolumeClaimRetentionPolicy}; absent values are Retain.
   *
   * @param whenDeleted what happens to the claims when the set is deleted
   * @param whenScaled what happens to a removed Pod's claims when the set is scaled down
   */
  public record PersistentVolumeClaimRetentionPolicy(
      PersistentVolumeClaimRetentionPolicyType whenDeleted, PersistentVolumeClaimRetentionPolicyType whenScaled) {
    public PersistentVolumeClaimRetentionPolicy {
      whenDeleted = whenDeleted == null ? PersistentVolumeClaimRetentionPolicyType.RETAIN : whenDeleted;
      whenScaled = whenScaled == null ? PersistentVolumeClaimRetentionPolicyType.RETAIN : whenScaled;
    }
  }

  /** @param start the ordinal of the first Pod */
  public record Ordinals(int start) {}

  /**
   * {@code StatefulSetStatus}.
   *
   * @param observedGeneration the spec generation the controller has seen
   * @param replicas how many Pods the controller has created
   * @param readyReplicas how many are Ready
   * @param currentReplicas how many run the current revision
   * @param updatedReplicas how many run the update revision
   * @param currentRevision the revision of Pods below the partition
   * @param updateRevision the revision of the current template
   * @param collisionCount hash collisions seen when naming revisions
   * @param conditions the set's conditions
   * @param availableReplicas how many have been ready for minReadySeconds
   */
  public record Status(
      long observedGeneration,
      int replicas,
      int readyReplicas,
      int currentReplicas,
      int updatedReplicas,
      String currentRevision,
      String updateRevision,
      Integer collisionCount,
      ImmutableList<Condition> conditions,
      int availableReplicas) {
    public Status {
      conditions = Immutables.list(conditions);
    }
  }

  /**
   * {@code StatefulSetCondition}.
   *
   * @param type the condition's type
   * @param status True, False or Unknown
   * @param lastTransitionTime when the status last changed
   * @param reason a CamelCase reason
   * @param message a human-readable message
   */
  public record Condition(
      String type, ConditionStatus status, Instant lastTransitionTime, String reason, String message) {}

  /** {@code PodManagementPolicyType}. */
  public enum PodManagementPolicy implements WireEnum {
    /** One Pod at a time, each waiting for its predecessor to be Running and Ready. */
    ORDERED_READY("OrderedReady"),
    /** All Pods at once. */
    PARALLEL("Parallel");

    private final String wire;

    PodManagementPolicy(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }

  /** {@code StatefulSetUpdateStrategyType}. */
  public enum UpdateStrategyType implements WireEnum {
    /** The controller replaces Pods, highest ordinal first. */
    ROLLING_UPDATE("RollingUpdate"),
    /** Pods are replaced only when deleted by someone else. */
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

  /** {@code PersistentVolumeClaimRetentionPolicyType}. */
  public enum PersistentVolumeClaimRetentionPolicyType implements WireEnum {
    /** Keep the claims. */
    RETAIN("Retain"),
    /** Delete the claims. */
    DELETE("Delete");

    private final String wire;

    PersistentVolumeClaimRetentionPolicyType(String wire) {
      this.wire = wire;
    }

    @Override
    public String wire() {
      return wire;
    }
  }
}
