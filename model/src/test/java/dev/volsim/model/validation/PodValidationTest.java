package dev.volsim.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.ObjectMeta;
import dev.volsim.model.core.Container;
import dev.volsim.model.core.PodSpec;
import dev.volsim.model.core.PodTemplateSpec;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.io.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API server's Pod validation ({@code ValidatePodCreate}), checked through the strict loader
 * with the exact rendered problems ({@code file:line:col: path: Type: detail}).
 */
class PodValidationTest {
  private static List<String> problems(String yaml) {
    return problems(ManifestLoader.strict(), yaml);
  }

  private static List<String> problems(ManifestLoader loader, String yaml) {
    LoadResult r = loader.parse("pod.yaml", yaml);
    return r.problems().stream().map(Problem::toString).toList();
  }

  /** A Pod named web with one nginx container, followed by {@code extra} lines of its container. */
  private static String pod(String volumes, String containerExtra) {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          volumes:
        %s
          containers:
          - name: nginx
            image: nginx:1.25
        %s
        """.formatted(volumes.indent(2).stripTrailing(), containerExtra.indent(4).stripTrailing());
  }

  @Test
  void validPodHasNoProblems() {
    assertThat(problems(pod("""
        - name: html
          emptyDir: {}
        """, """
        volumeMounts:
        - {name: html, mountPath: /usr/share/nginx/html, readOnly: true}
        - {name: html, mountPath: /cache, subPath: cache}
        """))).isEmpty();
  }

  @Test
  void duplicateVolumeNameIsReportedOnTheSecondVolume() {
    assertThat(problems(pod("""
        - name: html
          emptyDir: {}
        - name: html
          emptyDir: {}
        """, ""))).containsExactly("pod.yaml:8:5: spec.volumes[1].name: Duplicate value: \"html\"");
  }

  @Test
  void mountOfAVolumeThePodDoesNotHaveIsNotFound() {
    assertThat(problems(pod("""
        - name: html
          emptyDir: {}
        """, """
        volumeMounts:
        - name: data
          mountPath: /data
        """))).containsExactly("pod.yaml:12:7: spec.containers[0].volumeMounts[0].name: Not found: \"data\"");
  }

  @Test
  void mountWithoutNameOrPathIsRequiredAndNotFound() {
    assertThat(problems(pod("""
        - {name: html, emptyDir: {}}
        """, """
        volumeMounts:
        - {readOnly: true}
        """))).containsExactly(
            "pod.yaml:11:7: spec.containers[0].volumeMounts[0].name: Required value",
            "pod.yaml:11:7: spec.containers[0].volumeMounts[0].name: Not found: \"\"",
            "pod.yaml:11:7: spec.containers[0].volumeMounts[0].mountPath: Required value");
  }

  @Test
  void sameMountPathTwiceInOneContainerMustBeUnique() {
    assertThat(problems(pod("""
        - {name: a, emptyDir: {}}
        - {name: b, emptyDir: {}}
        """, """
        volumeMounts:
        - {name: a, mountPath: /data}
        - {name: b, mountPath: /data}
        """))).containsExactly(
            "pod.yaml:13:17: spec.containers[0].volumeMounts[1].mountPath: Invalid value: \"/data\": must be unique");
  }

  @Test
  void sameMountPathInTwoContainersAndSameVolumeTwiceAreAllowed() {
    assertThat(problems("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          volumes: [{name: shared, emptyDir: {}}]
          containers:
          - name: a
            image: busybox
            volumeMounts: [{name: shared, mountPath: /data}, {name: shared, mountPath: /other}]
          - name: b
            image: busybox
            volumeMounts: [{name: shared, mountPath: /data}]
        """)).isEmpty();
  }

  @Test
  void subPathWithBackstepsMustNotContainDotDot() {
    // Upstream reports subPath problems on the list's path, without the mount's index.
    assertThat(problems(pod("- {name: a, emptyDir: {}}", """
        volumeMounts:
        - {name: a, mountPath: /data, subPath: logs/../../etc}
        """))).containsExactly(
            "pod.yaml:10:5: spec.containers[0].volumeMounts.subPath: Invalid value: \"logs/../../etc\": must not contain '..'");
  }

  @Test
  void absoluteSubPathMustBeARelativePath() {
    assertThat(problems(pod("- {name: a, emptyDir: {}}", """
        volumeMounts:
        - {name: a, mountPath: /data, subPath: /etc}
        """))).containsExactly(
            "pod.yaml:10:5: spec.containers[0].volumeMounts.subPath: Invalid value: \"/etc\": must be a relative path");
  }

  @Test
  void subPathExprAndSubPathAreMutuallyExclusive() {
    assertThat(problems(pod("- {name: a, emptyDir: {}}", """
        volumeMounts:
        - {name: a, mountPath: /data, subPath: x, subPathExpr: $(POD_NAME)}
        """))).containsExactly(
            "pod.yaml:11:47: spec.containers[0].volumeMounts[0].subPathExpr: Invalid value: \"$(POD_NAME)\": "
                + "subPathExpr and subPath are mutually exclusive");
  }

  @Test
  void bidirectionalMountPropagationNeedsAPrivilegedContainer() {
    assertThat(problems(pod("- {name: a, emptyDir: {}}", """
        volumeMounts:
        - {name: a, mountPath: /data, mountPropagation: Bidirectional}
        """))).containsExactly(
            "pod.yaml:10:5: spec.containers[0].volumeMounts.mountPropagation: Forbidden: "
                + "Bidirectional mount propagation is available only to privileged containers");
    assertThat(problems(pod("- {name: a, emptyDir: {}}", """
        securityContext: {privileged: true}
        volumeMounts:
        - {name: a, mountPath: /data, mountPropagation: Bidirectional}
        """))).isEmpty();
  }

  @Test
  void unsupportedMountPropagationListsTheSupportedValues() {
    assertThat(problems(pod("- {name: a, emptyDir: {}}", """
        volumeMounts:
        - {name: a, mountPath: /data, mountPropagation: Shared}
        """))).containsExactly(
            "pod.yaml:11:35: spec.containers[0].volumeMounts[0].mountPropagation: Unsupported value: \"Shared\": "
                + "supported values: \"Bidirectional\", \"HostToContainer\", \"None\"");
  }

  @Test
  void recursiveReadOnlyNeedsReadOnlyAndNoPropagation() {
    assertThat(problems(pod("- {name: a, emptyDir: {}}", """
        volumeMounts:
        - {name: a, mountPath: /data, recursiveReadOnly: Enabled, mountPropagation: HostToContainer}
        """))).containsExactly(
            "pod.yaml:10:5: spec.containers[0].volumeMounts.recursiveReadOnly: Forbidden: may only be specified when readOnly is true",
            "pod.yaml:10:5: spec.containers[0].volumeMounts.recursiveReadOnly: Forbidden: "
                + "may only be specified when mountPropagation is None or not specified");
    assertThat(problems(pod("- {name: a, emptyDir: {}}", """
        volumeMounts:
        - {name: a, mountPath: /data, readOnly: true, recursiveReadOnly: IfPossible}
        """))).isEmpty();
  }

  @Test
  void blockDeviceMustUseAClaimBackedVolume() {
    assertThat(problems(pod("- {name: scratch, emptyDir: {}}", """
        volumeDevices:
        - {name: scratch, devicePath: /dev/xvda}
        """))).containsExactly(
            "pod.yaml:11:8: spec.containers[0].volumeDevices[0].name: Invalid value: \"scratch\": "
                + "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode");
    assertThat(problems(pod("- {name: disk, persistentVolumeClaim: {claimName: disk}}", """
        volumeDevices:
        - {name: disk, devicePath: /dev/xvda}
        """))).isEmpty();
  }

  @Test
  void volumeUsedAsBothMountAndDeviceConflicts() {
    assertThat(problems(pod("- {name: disk, persistentVolumeClaim: {claimName: disk}}", """
        volumeMounts:
        - {name: disk, mountPath: /dev/xvda}
        volumeDevices:
        - {name: disk, devicePath: /dev/xvda}
        """))).containsExactly(
            "pod.yaml:11:8: spec.containers[0].volumeMounts[0].name: Invalid value: \"disk\": must not already exist in volumeDevices",
            "pod.yaml:11:20: spec.containers[0].volumeMounts[0].mountPath: Invalid value: \"/dev/xvda\": "
                + "must not already exist as a path in volumeDevices",
            "pod.yaml:13:8: spec.containers[0].volumeDevices[0].name: Invalid value: \"disk\": must not already exist in volumeMounts",
            "pod.yaml:13:20: spec.containers[0].volumeDevices[0].devicePath: Invalid value: \"/dev/xvda\": "
                + "must not already exist as a path in volumeMounts");
  }

  @Test
  void aPodNeedsAtLeastOneContainer() {
    assertThat(problems("""
        apiVersion: v1
        kind: Pod
        metadata: {name: empty}
        spec: {}
        """)).containsExactly("pod.yaml:4:1: spec.containers: Required value");
  }

  @Test
  void containerNamesAreUniqueAcrossInitAndRegularContainersAndImagesRequired() {
    assertThat(problems("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
          - {name: app, image: busybox}
          containers:
          - {name: app, image: nginx}
          - {name: app}
          - {name: Bad_Name, image: nginx}
        """)).containsExactly(
            "pod.yaml:9:5: spec.containers[1].image: Required value",
            "pod.yaml:9:6: spec.containers[1].name: Duplicate value: \"app\"",
            "pod.yaml:10:6: spec.containers[2].name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 label must "
                + "consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric "
                + "character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
            "pod.yaml:6:6: spec.initContainers[0].name: Duplicate value: \"app\"");
  }

  @Test
  void requestAboveLimitIsInvalidOnTheRequestsPath() {
    assertThat(problems(pod("- {name: a, emptyDir: {}}", """
        resources:
          limits: {cpu: 500m, memory: 128Mi}
          requests: {cpu: "1", memory: 64Mi}
        """))).containsExactly(
            "pod.yaml:12:7: spec.containers[0].resources.requests: Invalid value: \"1\": must be less than or equal to cpu limit of 500m");
  }

  @Test
  void negativeQuantityAndUnknownResourceNameAreInvalid() {
    assertThat(problems(pod("- {name: a, emptyDir: {}}", """
        resources:
          requests: {memory: -1Mi, gpu: "1"}
        """))).containsExactly(
            "pod.yaml:11:32: spec.containers[0].resources.requests[gpu]: Invalid value: \"gpu\": must be a standard resource type or fully qualified",
            "pod.yaml:11:32: spec.containers[0].resources.requests[gpu]: Invalid value: \"gpu\": must be a standard resource for containers",
            "pod.yaml:11:18: spec.containers[0].resources.requests[memory]: Invalid value: \"-1Mi\": must be greater than or equal to 0");
  }

  @Test
  void unsupportedRestartPolicyIsReportedWithTheSupportedValues() {
    assertThat(problems("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          restartPolicy: Sometimes
          containers: [{name: a, image: nginx}]
        """)).containsExactly(
            "pod.yaml:5:3: spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"Never\", \"OnFailure\"");
  }

  @Test
  void restartPolicyOnARegularContainerIsForbidden() {
    assertThat(problems(pod("- {name: a, emptyDir: {}}", "restartPolicy: Always"))).containsExactly(
        "pod.yaml:10:5: spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers");
  }

  @Test
  void environmentVariableNamesAndSources() {
    assertThat(problems(pod("- {name: a, emptyDir: {}}", """
        env:
        - {name: "A=B", value: x}
        - {name: POD, value: x, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
        - {name: NODE, valueFrom: {fieldRef: {fieldPath: spec.hostname}}}
        - {name: EMPTY, valueFrom: {}}
        """))).containsExactly(
            "pod.yaml:11:8: spec.containers[0].env[0].name: Invalid value: \"A=B\": "
                + "a valid environment variable name must consist only of printable ASCII characters other than '='",
            "pod.yaml:12:29: spec.containers[0].env[1].valueFrom: Invalid value: \"\": may not be specified when `value` is not empty",
            "pod.yaml:13:43: spec.containers[0].env[2].valueFrom.fieldRef.fieldPath: Unsupported value: \"spec.hostname\": "
                + "supported values: \"metadata.name\", \"metadata.namespace\", \"metadata.uid\", \"spec.nodeName\", "
                + "\"spec.serviceAccountName\", \"status.hostIP\", \"status.hostIPs\", \"status.podIP\", \"status.podIPs\"",
            "pod.yaml:14:21: spec.containers[0].env[3].valueFrom: Invalid value: \"\": must specify one of: "
                + "`fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`");
  }

  @Test
  void tolerationRules() {
    assertThat(problems("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers: [{name: a, image: nginx}]
          tolerations:
          - {operator: Equal, value: x}
          - {key: k, operator: Exists, value: v}
          - {key: k, operator: Maybe}
          - {key: k, effect: NoSchedule, tolerationSeconds: 10}
          - {key: k, effect: Sometimes}
          - {operator: Exists}
        """)).containsExactly(
            "pod.yaml:7:6: spec.tolerations[0].operator: Invalid value: \"Equal\": operator must be Exists when "
                + "`key` is empty, which means \"match all values and all keys\"",
            "pod.yaml:8:14: spec.tolerations[1].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'",
            "pod.yaml:9:14: spec.tolerations[2].operator: Unsupported value: \"Maybe\": supported values: \"Equal\", \"Exists\"",
            "pod.yaml:10:14: spec.tolerations[3].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
            "pod.yaml:11:14: spec.tolerations[4].effect: Unsupported value: \"Sometimes\": supported values: "
                + "\"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"");
  }

  @Test
  void nodeAffinityRequiresTermsAndWellFormedRequirements() {
    assertThat(problems("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers: [{name: a, image: nginx}]
          affinity:
            nodeAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
                nodeSelectorTerms:
                - matchExpressions:
                  - {key: zone, operator: In}
                  - {key: disk, operator: Exists, values: [ssd]}
              preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 0
                preference: {matchExpressions: [{key: zone, operator: In, values: [a]}]}
        """)).containsExactly(
            "pod.yaml:11:13: spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
                + ".matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
            "pod.yaml:12:43: spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
                + ".matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
            "pod.yaml:14:9: spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: "
                + "Invalid value: 0: must be in the range 1-100");
  }

  @Test
  void securityIdsAndGracePeriodMustBeInRange() {
    assertThat(problems("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsUser: -1, fsGroup: 3000000000}
          activeDeadlineSeconds: 0
          containers:
          - {name: a, image: nginx, securityContext: {runAsGroup: -5}}
        """)).containsExactly(
            "pod.yaml:8:47: spec.containers[0].securityContext.runAsGroup: Invalid value: -5: must be between 0 and 2147483647, inclusive",
            "pod.yaml:5:36: spec.securityContext.fsGroup: Invalid value: 3000000000: must be between 0 and 2147483647, inclusive",
            "pod.yaml:5:21: spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive",
            "pod.yaml:6:3: spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive");
  }

  @Test
  void misspelledVolumeSourceFieldIsAnErrorWhenStrictAndAWarningWhenLenient() {
    String yaml = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          volumes:
          - name: data
            nfs: {serverr: nfs.example.com, server: nfs.example.com, path: /exports}
          containers: [{name: a, image: nginx}]
        """;
    assertThat(problems(yaml)).containsExactly("pod.yaml:7:11: unknown field \"spec.volumes[0].nfs.serverr\"");
    LoadResult lenient = ManifestLoader.lenient().parse("pod.yaml", yaml);
    assertThat(lenient.errors()).isEmpty();
    assertThat(lenient.objects()).hasSize(1);
    assertThat(lenient.problems()).singleElement()
        .satisfies(p -> assertThat(p.isError()).isFalse())
        .satisfies(p -> assertThat(p.toString()).startsWith("pod.yaml:7:11: warning: unknown field"));
  }

  @Test
  void podTemplateLabelsAreReportedWithoutMetadataInThePath() {
    List<FieldError> errs = new ArrayList<>();
    PodTemplateSpec t = new PodTemplateSpec(ObjectMeta.builder().label("app", "bad value").build(),
        PodSpec.of(List.of(), List.of(Container.of("web", "nginx"))));
    PodValidation.validatePodTemplateSpec(t, FieldPath.of("spec", "template"), errs);
    assertThat(errs).extracting(FieldError::toString).containsExactly(
        "spec.template.labels: Invalid value: \"bad value\": a valid label must be an empty string or consist of "
            + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
            + "(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
            + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
  }

  @Test
  void podTemplateWithoutContainersIsRejectedAtItsPath() {
    List<FieldError> errs = new ArrayList<>();
    PodValidation.validatePodSpec(PodSpec.of(null, null), null, FieldPath.of("spec", "template", "spec"), errs);
    assertThat(errs).extracting(FieldError::toString).containsExactly("spec.template.spec.containers: Required value");
  }
}
