package dev.volsim.model.apps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.IntOrString;
import dev.volsim.model.Kinds;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.RestartPolicy;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.io.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** StatefulSet, Deployment, ReplicaSet and DaemonSet: decoding, defaults, validation. */
class WorkloadsTest {
  private static final String MISMATCH = "`selector` does not match template `labels`";
  private static final String TEMPLATE = """
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
            - {name: web, image: nginx}
      """;

  private static LoadResult load(String yaml) {
    return ManifestLoader.strict().parse("x.yaml", yaml);
  }

  private static List<String> problems(LoadResult r) {
    return r.problems().stream().map(Problem::message).toList();
  }

  private static <T> T only(LoadResult r, Class<T> type) {
    assertThat(r.objects()).hasSize(1);
    return type.cast(r.objects().get(0));
  }

  /** A manifest of {@code kind} with a name, then {@code spec} lines. */
  private static String manifest(String kind, String specLines) {
    return "apiVersion: apps/v1\nkind: " + kind + "\nmetadata: {name: web, namespace: shop}\nspec:\n" + specLines;
  }

  @Test
  void workloadsAreRegistered() {
    assertThat(Kinds.resolve("sts").orElseThrow().type()).isEqualTo(StatefulSet.class);
    assertThat(Kinds.resolve("deploy").orElseThrow().type()).isEqualTo(Deployment.class);
    assertThat(Kinds.resolve("rs").orElseThrow().type()).isEqualTo(ReplicaSet.class);
    assertThat(Kinds.resolve("ds").orElseThrow().type()).isEqualTo(DaemonSet.class);
    assertThat(Kinds.resolve("statefulsets").orElseThrow().namespaced()).isTrue();
    assertThat(Kinds.lookup("apps/v1", "Deployment").orElseThrow().plural()).isEqualTo("deployments");
  }

  // ------------------------------------------------------------------ StatefulSet

  @Test
  void statefulSetWithVolumeClaimTemplatesGetsDefaults() {
    LoadResult r = load(manifest("StatefulSet", """
          serviceName: web
          selector: {matchLabels: {app: web}}
        """ + TEMPLATE + """
          volumeClaimTemplates:
          - metadata: {name: www}
            spec:
              accessModes: [ReadWriteOnce]
              storageClassName: fast
              resources: {requests: {storage: 1Gi}}
        """));
    assertThat(problems(r)).isEmpty();
    StatefulSet.Spec spec = only(r, StatefulSet.class).spec();
    assertThat(spec.replicas()).isEqualTo(1);
    assertThat(spec.podManagementPolicy()).isEqualTo(StatefulSet.PodManagementPolicy.ORDERED_READY);
    assertThat(spec.updateStrategy()).isEqualTo(new StatefulSet.UpdateStrategy(
        StatefulSet.UpdateStrategyType.ROLLING_UPDATE, new StatefulSet.RollingUpdate(0, null)));
    assertThat(spec.revisionHistoryLimit()).isEqualTo(10);
    assertThat(spec.minReadySeconds()).isZero();
    assertThat(spec.persistentVolumeClaimRetentionPolicy()).isEqualTo(
        new StatefulSet.PersistentVolumeClaimRetentionPolicy(
            StatefulSet.PersistentVolumeClaimRetentionPolicyType.RETAIN,
            StatefulSet.PersistentVolumeClaimRetentionPolicyType.RETAIN));
    assertThat(spec.startOrdinal()).isZero();
    assertThat(spec.template().spec().restartPolicy()).isEqualTo(RestartPolicy.ALWAYS);
    assertThat(spec.volumeClaimTemplates()).hasSize(1);
    PersistentVolumeClaim claim = spec.volumeClaimTemplates().get(0);
    assertThat(claim.metadata().name()).isEqualTo("www");
    assertThat(claim.spec().storageClassName()).isEqualTo("fast");
    assertThat(claim.spec().resources().requests().get("storage")).isEqualTo(Quantity.parse("1Gi"));
  }

  @Test
  void statefulSetExplicitSettingsAreKept() {
    LoadResult r = load(manifest("StatefulSet", """
          replicas: 3
          serviceName: web
          selector: {matchLabels: {app: web}}
        """ + TEMPLATE + """
          podManagementPolicy: Parallel
          updateStrategy:
            type: RollingUpdate
            rollingUpdate: {partition: 2, maxUnavailable: 50%}
          persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete}
          ordinals: {start: 5}
        """));
    assertThat(problems(r)).isEmpty();
    StatefulSet.Spec spec = only(r, StatefulSet.class).spec();
    assertThat(spec.podManagementPolicy()).isEqualTo(StatefulSet.PodManagementPolicy.PARALLEL);
    assertThat(spec.updateStrategy().rollingUpdate())
        .isEqualTo(new StatefulSet.RollingUpdate(2, IntOrString.of("50%")));
    assertThat(spec.persistentVolumeClaimRetentionPolicy().whenDeleted())
        .isEqualTo(StatefulSet.PersistentVolumeClaimRetentionPolicyType.DELETE);
    assertThat(spec.persistentVolumeClaimRetentionPolicy().whenScaled())
        .isEqualTo(StatefulSet.PersistentVolumeClaimRetentionPolicyType.RETAIN);
    assertThat(spec.startOrdinal()).isEqualTo(5);
  }

  @Test
  void statefulSetWithRollingUpdateTypeAndNoParametersKeepsThemAbsent() {
    LoadResult r = load(manifest("StatefulSet", """
          selector: {matchLabels: {app: web}}
          updateStrategy: {type: RollingUpdate}
        """ + TEMPLATE));
    assertThat(problems(r)).isEmpty();
    assertThat(only(r, StatefulSet.class).spec().updateStrategy().rollingUpdate()).isNull();
  }

  @Test
  void statefulSetRequiresSelectorAndAlwaysRestart() {
    LoadResult r = load("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web.set, namespace: shop}
        spec:
          replicas: -1
          template:
            metadata: {labels: {app: web}}
            spec:
              restartPolicy: Never
              activeDeadlineSeconds: 30
              containers:
              - {name: web, image: nginx}
        """);
    assertThat(problems(r)).containsExactly(
        "metadata.name: Invalid value: \"web.set\": must not contain dots",
        "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
        "spec.selector: Required value",
        "spec.template.metadata.labels: Invalid value: {\"app\":\"web\"}: " + MISMATCH,
        "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"",
        "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported");
    assertThat(r.objects()).isEmpty();
  }

  @Test
  void statefulSetSelectorMustMatchAndNotBeEmpty() {
    LoadResult mismatch = load(manifest("StatefulSet", """
          selector: {matchLabels: {app: db}}
        """ + TEMPLATE));
    assertThat(problems(mismatch)).containsExactly(
        "spec.template.metadata.labels: Invalid value: {\"app\":\"web\"}: " + MISMATCH);
    LoadResult empty = load(manifest("StatefulSet", """
          selector: {}
        """ + TEMPLATE));
    assertThat(problems(empty)).containsExactly(
        "spec.selector: Invalid value: {}: empty selector is invalid for statefulset");
    LoadResult noLabels = load(manifest("StatefulSet", """
          selector: {matchExpressions: [{key: app, operator: Exists}]}
          template:
            spec:
              containers:
              - {name: web, image: nginx}
        """));
    assertThat(problems(noLabels)).containsExactly(
        "spec.template.metadata.labels: Invalid value: null: " + MISMATCH);
  }

  @Test
  void statefulSetUpdateStrategyRules() {
    LoadResult onDelete = load(manifest("StatefulSet", """
          selector: {matchLabels: {app: web}}
          updateStrategy:
            type: OnDelete
            rollingUpdate: {partition: 2}
        """ + TEMPLATE));
    assertThat(problems(onDelete)).containsExactly(
        "spec.updateStrategy.rollingUpdate: Invalid value: {\"Partition\":2,\"MaxUnavailable\":null}: "
            + "only allowed for updateStrategy 'RollingUpdate'");
    LoadResult rolling = load(manifest("StatefulSet", """
          selector: {matchLabels: {app: web}}
          updateStrategy:
            rollingUpdate: {partition: -1, maxUnavailable: 0}
          ordinals: {start: -2}
          minReadySeconds: -3
        """ + TEMPLATE));
    assertThat(problems(rolling)).containsExactly(
        "spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0",
        "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: 0: cannot be 0",
        "spec.minReadySeconds: Invalid value: -3: must be greater than or equal to 0",
        "spec.ordinals.start: Invalid value: -2: must be greater than or equal to 0");
    LoadResult bad = load(manifest("StatefulSet", """
          selector: {matchLabels: {app: web}}
          podManagementPolicy: Sometimes
        """ + TEMPLATE));
    assertThat(problems(bad)).containsExactly(
        "spec.podManagementPolicy: Unsupported value: \"Sometimes\": supported values: \"OrderedReady\", \"Parallel\"");
  }

  @Test
  void statefulSetClaimTemplatesAreNotCheckedByTheApiServerButCanBe() {
    LoadResult r = load(manifest("StatefulSet", """
          selector: {matchLabels: {app: web}}
        """ + TEMPLATE + """
          volumeClaimTemplates:
          - metadata: {name: www}
            spec: {}
        """));
    assertThat(problems(r)).isEmpty();
    StatefulSet set = only(r, StatefulSet.class);
    List<dev.volsim.model.validation.FieldError> errs = new java.util.ArrayList<>();
    dev.volsim.model.validation.AppsValidation.validateVolumeClaimTemplates(set.spec(),
        dev.volsim.model.validation.FieldPath.of("spec", "volumeClaimTemplates"), errs);
    assertThat(errs).map(Object::toString).containsExactly(
        "spec.volumeClaimTemplates[0].spec.accessModes: Required value: at least 1 access mode is required",
        "spec.volumeClaimTemplates[0].spec.resources[storage]: Required value");
  }

  // ------------------------------------------------------------------ Deployment

  @Test
  void deploymentGetsDefaults() {
    LoadResult r = load(manifest("Deployment", """
          selector: {matchLabels: {app: web}}
        """ + TEMPLATE));
    assertThat(problems(r)).isEmpty();
    Deployment.Spec spec = only(r, Deployment.class).spec();
    assertThat(spec.replicas()).isEqualTo(1);
    assertThat(spec.strategy()).isEqualTo(new Deployment.Strategy(Deployment.StrategyType.ROLLING_UPDATE,
        new Deployment.RollingUpdate(IntOrString.of("25%"), IntOrString.of("25%"))));
    assertThat(spec.revisionHistoryLimit()).isEqualTo(10);
    assertThat(spec.progressDeadlineSeconds()).isEqualTo(600);
    assertThat(spec.paused()).isFalse();
    assertThat(spec.template().spec().restartPolicy()).isEqualTo(RestartPolicy.ALWAYS);
  }

  @Test
  void deploymentPartialRollingUpdateIsCompleted() {
    LoadResult r = load(manifest("Deployment", """
          selector: {matchLabels: {app: web}}
          strategy:
            rollingUpdate: {maxSurge: 1}
        """ + TEMPLATE));
    assertThat(problems(r)).isEmpty();
    assertThat(only(r, Deployment.class).spec().strategy().rollingUpdate())
        .isEqualTo(new Deployment.RollingUpdate(IntOrString.of("25%"), IntOrString.of(1)));
  }

  @Test
  void deploymentWithRecreate() {
    LoadResult r = load(manifest("Deployment", """
          replicas: 2
          selector: {matchLabels: {app: web}}
          strategy: {type: Recreate}
          paused: true
        """ + TEMPLATE));
    assertThat(problems(r)).isEmpty();
    Deployment.Spec spec = only(r, Deployment.class).spec();
    assertThat(spec.strategy().type()).isEqualTo(Deployment.StrategyType.RECREATE);
    assertThat(spec.strategy().rollingUpdate()).isNull();
    assertThat(spec.paused()).isTrue();
    LoadResult withParams = load(manifest("Deployment", """
          selector: {matchLabels: {app: web}}
          strategy:
            type: Recreate
            rollingUpdate: {maxSurge: 1}
        """ + TEMPLATE));
    assertThat(problems(withParams)).containsExactly(
        "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'");
  }

  @Test
  void deploymentRollingUpdateRules() {
    LoadResult zero = load(manifest("Deployment", """
          selector: {matchLabels: {app: web}}
          strategy:
            rollingUpdate: {maxSurge: 0, maxUnavailable: 0%}
        """ + TEMPLATE));
    assertThat(problems(zero)).containsExactly(
        "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"0%\": may not be 0 when `maxSurge` is 0");
    LoadResult bad = load(manifest("Deployment", """
          selector: {matchLabels: {app: web}}
          strategy:
            rollingUpdate: {maxSurge: abc, maxUnavailable: 110%}
        """ + TEMPLATE));
    assertThat(problems(bad)).containsExactly(
        "spec.strategy.rollingUpdate.maxSurge: Invalid value: \"abc\": a valid percent string must be a "
            + "numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
        "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"110%\": must not be greater than 100%");
    LoadResult negative = load(manifest("Deployment", """
          selector: {matchLabels: {app: web}}
          strategy:
            rollingUpdate: {maxSurge: -1}
        """ + TEMPLATE));
    assertThat(problems(negative)).containsExactly(
        "spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0");
  }

  @Test
  void deploymentSpecRules() {
    LoadResult r = load(manifest("Deployment", """
          replicas: -1
          minReadySeconds: 30
          progressDeadlineSeconds: 30
          revisionHistoryLimit: -1
          selector:
            matchExpressions: [{key: app, operator: In}]
          template:
            metadata: {labels: {app: web}}
            spec:
              activeDeadlineSeconds: 10
              containers:
              - {name: web, image: nginx}
        """));
    assertThat(problems(r)).containsExactly(
        "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
        "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
        "spec.selector: Invalid value: {\"matchExpressions\":[{\"key\":\"app\",\"operator\":\"In\"}]}: invalid label selector",
        "spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0",
        "spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds");
    LoadResult deadline = load(manifest("Deployment", """
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              restartPolicy: OnFailure
              activeDeadlineSeconds: 10
              containers:
              - {name: web, image: nginx}
        """));
    assertThat(problems(deadline)).containsExactly(
        "spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\"",
        "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported");
  }

  @Test
  void deploymentTemplateIsValidatedAsAPodTemplate() {
    LoadResult r = load(manifest("Deployment", """
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - {name: web, image: nginx}
              - {name: web, image: nginx}
        """));
    assertThat(problems(r)).containsExactly("spec.template.spec.containers[1].name: Duplicate value: \"web\"");
  }

  // ------------------------------------------------------------------ ReplicaSet

  @Test
  void replicaSetDefaultsAndRules() {
    LoadResult ok = load(manifest("ReplicaSet", """
          selector: {matchLabels: {app: web}}
        """ + TEMPLATE));
    assertThat(problems(ok)).isEmpty();
    assertThat(only(ok, ReplicaSet.class).spec().replicas()).isEqualTo(1);
    LoadResult bad = load(manifest("ReplicaSet", """
          replicas: -2
          minReadySeconds: -1
          selector: {}
        """ + TEMPLATE));
    assertThat(problems(bad)).containsExactly(
        "spec.replicas: Invalid value: -2: must be greater than or equal to 0",
        "spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0",
        "spec.selector: Invalid value: {}: empty selector is invalid for deployment");
    LoadResult none = load(manifest("ReplicaSet", TEMPLATE));
    assertThat(problems(none)).containsExactly(
        "spec.selector: Required value",
        "spec.template.metadata.labels: Invalid value: {\"app\":\"web\"}: " + MISMATCH);
  }

  // ------------------------------------------------------------------ DaemonSet

  @Test
  void daemonSetGetsDefaults() {
    LoadResult r = load(manifest("DaemonSet", """
          selector: {matchLabels: {app: web}}
        """ + TEMPLATE));
    assertThat(problems(r)).isEmpty();
    DaemonSet.Spec spec = only(r, DaemonSet.class).spec();
    assertThat(spec.updateStrategy()).isEqualTo(new DaemonSet.UpdateStrategy(
        DaemonSet.UpdateStrategyType.ROLLING_UPDATE,
        new DaemonSet.RollingUpdate(IntOrString.of(1), IntOrString.of(0))));
    assertThat(spec.revisionHistoryLimit()).isEqualTo(10);
    LoadResult onDelete = load(manifest("DaemonSet", """
          selector: {matchLabels: {app: web}}
          updateStrategy: {type: OnDelete}
        """ + TEMPLATE));
    assertThat(problems(onDelete)).isEmpty();
    assertThat(only(onDelete, DaemonSet.class).spec().updateStrategy().rollingUpdate()).isNull();
  }

  @Test
  void daemonSetWithoutSelectorSelectsNothing() {
    LoadResult r = load(manifest("DaemonSet", TEMPLATE));
    assertThat(problems(r)).containsExactly(
        "spec.template.metadata.labels: Invalid value: {\"app\":\"web\"}: " + MISMATCH);
    LoadResult empty = load(manifest("DaemonSet", """
          selector: {}
        """ + TEMPLATE));
    assertThat(problems(empty)).containsExactly(
        "spec.selector: Invalid value: {}: empty selector is invalid for daemonset");
  }

  @Test
  void daemonSetRollingUpdateNeedsExactlyOneNonZero() {
    LoadResult both = load(manifest("DaemonSet", """
          selector: {matchLabels: {app: web}}
          updateStrategy:
            rollingUpdate: {maxUnavailable: 1, maxSurge: 10%}
        """ + TEMPLATE));
    assertThat(problems(both)).containsExactly(
        "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: \"10%\": may not be set when maxUnavailable is non-zero");
    LoadResult neither = load(manifest("DaemonSet", """
          selector: {matchLabels: {app: web}}
          updateStrategy:
            rollingUpdate: {maxUnavailable: 0}
          minReadySeconds: -1
          template:
            metadata: {labels: {app: web}}
            spec:
              restartPolicy: Never
              containers:
              - {name: web, image: nginx}
        """));
    assertThat(problems(neither)).containsExactly(
        "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"",
        "spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0",
        "spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0");
    LoadResult over = load(manifest("DaemonSet", """
          selector: {matchLabels: {app: web}}
          updateStrategy:
            rollingUpdate: {maxUnavailable: 200%}
        """ + TEMPLATE));
    assertThat(problems(over)).containsExactly(
        "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: \"200%\": must not be greater than 100%");
  }
}
