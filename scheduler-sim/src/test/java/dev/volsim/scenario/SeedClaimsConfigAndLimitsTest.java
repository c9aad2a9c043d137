package dev.volsim.scenario;

import static dev.volsim.scenario.ScenarioHarness.runSpec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.scenario.ScenarioHarness.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed claims about emptyDir limits (C15) and ConfigMap, Secret and Downward API volumes (C6, C34),
 * each as a scenario replayed through {@code volsim run}: eviction of a disk-backed emptyDir over its
 * sizeLimit, a bounded tmpfs for a Memory one, and configuration volumes that follow their objects
 * at the kubelet's next pod sync, except through subPath.
 */
class SeedClaimsConfigAndLimitsTest {
  @TempDir Path dir;

  private static void assertPassed(Run run) {
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.outLines()).filteredOn(l -> l.startsWith("FAIL")).isEmpty();
  }

  private static String emptyDirPod(String name, String emptyDir, String resources) {
    return "{apiVersion: v1, kind: Pod, metadata: {name: " + name + "}, spec: {nodeName: node-1, "
        + "volumes: [{name: scratch, emptyDir: " + emptyDir + "}], "
        + "containers: [{name: app, image: busybox, " + resources + "volumeMounts: [{name: scratch, mountPath: /scratch}]}]}}";
  }

  @Test
  void C15_aDiskBackedEmptyDirOverItsSizeLimitGetsThePodEvicted() {
    assertPassed(runSpec(dir, "objects:\n"
        + "- manifest: " + emptyDirPod("cache", "{sizeLimit: 16Mi}", "") + "\n"
        + """
        steps:
        - waitFor: {object: pod/cache, field: status.phase, equals: Running, timeout: 2m}
        - capture: {name: uid, value: "${pod/cache.metadata.uid}"}
        - exec: {pod: cache, write: /scratch/blob, size: 17Mi}
        - expect: {file: {pod: cache, path: /scratch/blob}, size: 17825792}
        - advance: 30s
        - expect: {object: pod/cache, field: status.phase, equals: Running}
        - waitFor: {object: pod/cache, field: status.phase, equals: Failed, timeout: 3m}
        - expect: {object: pod/cache, field: status.reason, equals: Evicted}
        - expect: {object: pod/cache, field: status.message, equals: "Usage of EmptyDir volume \\"scratch\\" exceeds the limit \\"16Mi\\". "}
        - expect: {event: {object: pod/cache, type: Warning, reason: Evicted, messageContains: "Usage of EmptyDir volume \\"scratch\\" exceeds the limit \\"16Mi\\"."}, count: 1}
        - expect: {object: "pod/cache", field: "status.containerStatuses[name=app].state.terminated.exitCode", equals: 137}
        - waitFor: {file: {node: node-1, path: "/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~empty-dir/scratch"}, exists: false, timeout: 10s}
        - advance: 5m
        - expect: {object: pod/cache, field: status.phase, equals: Failed}
        - expectOrder:
          - {type: Evicted, pod: cache}
          - {type: ContainerKilled, pod: cache, container: app}
          - {type: TearDown, pod: cache}
        - delete: {object: pod/cache}
        - waitFor: {absent: pod/cache, timeout: 30s}
        """));
  }

  @Test
  void C15_aMemoryEmptyDirIsATmpfsBoundedBySizeLimitThatRefusesTheWriteAndEvictsNothing() {
    assertPassed(runSpec(dir, "objects:\n"
        + "- manifest: " + emptyDirPod("ram", "{medium: Memory, sizeLimit: 16Mi}", "") + "\n"
        + """
        steps:
        - waitFor: {object: pod/ram, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: ram, write: /scratch/blob, size: 17Mi}
          expectError: "No space left on device"
        - expect: {file: {pod: ram, path: /scratch/blob}, size: 16Mi}
        - advance: 5m
        - expect: {object: pod/ram, field: status.phase, equals: Running}
        - expect: {event: {object: pod/ram, reason: Evicted}, count: 0}
        """));
  }

  @Test
  void C15_aMemoryEmptyDirIsBoundedByThePodMemoryLimitWhenThatIsSmaller() {
    assertPassed(runSpec(dir, "objects:\n"
        + "- manifest: " + emptyDirPod("ram", "{medium: Memory, sizeLimit: 64Mi}", "resources: {limits: {memory: 8Mi}}, ") + "\n"
        + """
        steps:
        - waitFor: {object: pod/ram, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: ram, write: /scratch/blob, size: 9Mi}
          expectError: "No space left on device"
        - expect: {file: {pod: ram, path: /scratch/blob}, size: 8Mi}
        """));
  }

  @Test
  void C15_anEmptyDirWithoutSizeLimitIsUnlimitedAndNeverEvicted() {
    assertPassed(runSpec(dir, "objects:\n"
        + "- manifest: " + emptyDirPod("big", "{}", "") + "\n"
        + """
        steps:
        - waitFor: {object: pod/big, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: big, write: /scratch/blob, size: 5Gi}
        - advance: 5m
        - expect: {object: pod/big, field: status.phase, equals: Running}
        - expect: {file: {pod: big, path: /scratch/blob}, size: 5Gi}
        """));
  }

  @Test
  void containerEphemeralStorageLimitEvictsThePodWhenItsWritableLayerGrowsPastIt() {
    assertPassed(runSpec(dir, "objects:\n"
        + "- manifest: " + emptyDirPod("layer", "{}", "resources: {limits: {ephemeral-storage: 10Mi}}, ") + "\n"
        + """
        steps:
        - waitFor: {object: pod/layer, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: layer, write: /tmp/dump, size: 11Mi}
        - waitFor: {object: pod/layer, field: status.reason, equals: Evicted, timeout: 3m}
        - expect: {object: pod/layer, field: status.message, equals: "Pod ephemeral local storage usage exceeds the total limit of containers 10Mi. "}
        """));
  }

  @Test
  void aContainerOverItsOwnEphemeralStorageLimitGetsThePodEvictedWhenThePodTotalFits() {
    assertPassed(runSpec(dir, """
        objects:
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: two}
            spec:
              nodeName: node-1
              containers:
              - {name: small, image: busybox, resources: {limits: {ephemeral-storage: 10Mi}}}
              - {name: large, image: busybox, resources: {limits: {ephemeral-storage: 100Mi}}}
        steps:
        - waitFor: {object: pod/two, field: status.phase, equals: Running, timeout: 2m}
        - exec: {pod: two, container: small, write: /tmp/dump, size: 11Mi}
        - waitFor: {object: pod/two, field: status.phase, equals: Failed, timeout: 3m}
        - expect: {object: pod/two, field: status.message, equals: "Container small exceeded its local ephemeral storage limit \\"10Mi\\". "}
        - expect: {trace: {type: ContainerKilled, pod: two}, count: 2}
        """));
  }

  private static final String CONFIG_POD = """
      objects:
      - manifest:
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: app-config}
          data: {app.conf: "level=info", extra.conf: "x=1"}
      - manifest:
          apiVersion: v1
          kind: Secret
          metadata: {name: app-secret}
          stringData: {password: s3cret}
      - manifest:
          apiVersion: v1
          kind: Pod
          metadata: {name: app, labels: {tier: web}}
          spec:
            nodeName: node-1
            volumes:
            - {name: config, configMap: {name: app-config}}
            - {name: picked, configMap: {name: app-config, items: [{key: app.conf, path: conf/app.ini, mode: 0400}]}}
            - {name: secret, secret: {secretName: app-secret, defaultMode: 0440}}
            - {name: info, downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}, {path: name, fieldRef: {fieldPath: metadata.name}}]}}
            containers:
            - name: app
              image: busybox
              volumeMounts:
              - {name: config, mountPath: /etc/app}
              - {name: picked, mountPath: /etc/picked}
              - {name: secret, mountPath: /etc/secret}
              - {name: info, mountPath: /etc/info}
            - name: pinned
              image: busybox
              volumeMounts:
              - {name: config, mountPath: /etc/app.conf, subPath: app.conf}
      """;

  @Test
  void C6_configMapSecretAndDownwardApiVolumesProjectKeysAsFilesThroughDataSymlinks() {
    assertPassed(runSpec(dir, CONFIG_POD + """
        steps:
        - waitFor: {object: pod/app, field: status.phase, equals: Running, timeout: 2m}
        - expect: {file: {pod: app, container: app, path: /etc/app/..data}, type: symlink}
        """
        + """
        - expect: {file: {pod: app, container: app, path: /etc/app/app.conf}, type: symlink}
        - expect: {file: {pod: app, container: app, path: /etc/app/app.conf}, content: "level=info"}
        - expect: {file: {pod: app, container: app, path: /etc/app/..data/app.conf}, type: file, mode: "0644"}
        - expect: {file: {pod: app, container: app, path: /etc/picked/conf/app.ini}, content: "level=info"}
        - expect: {file: {pod: app, container: app, path: /etc/picked/..data/conf/app.ini}, mode: "0400"}
        - expect: {file: {pod: app, container: app, path: /etc/picked/extra.conf}, exists: false}
        - expect: {file: {pod: app, container: app, path: /etc/secret/password}, content: s3cret}
        - expect: {file: {pod: app, container: app, path: /etc/secret/..data/password}, mode: "0440"}
        - expect: {file: {pod: app, container: app, path: /etc/info/labels}, content: "tier=\\"web\\""}
        - expect: {file: {pod: app, container: app, path: /etc/info/name}, content: app}
        - exec: {pod: app, container: app, write: /etc/app/new.conf, content: x}
          expectError: "Read-only file system"
        - expect: {file: {pod: app, container: pinned, path: /etc/app.conf}, type: file, content: "level=info"}
        """));
  }

  @Test
  void C34_aConfigMapUpdateReachesAMountAfterTheSyncDelayButNeverASubPathMount() {
    assertPassed(runSpec(dir, CONFIG_POD + """
        steps:
        - waitFor: {object: pod/app, field: status.phase, equals: Running, timeout: 2m}
        - apply: {manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: app-config}, data: {app.conf: "level=debug"}}}
        - advance: 30s
        - expect: {file: {pod: app, container: app, path: /etc/app/app.conf}, content: "level=info"}
        - waitFor: {file: {pod: app, container: app, path: /etc/app/app.conf}, content: "level=debug", timeout: 3m}
        - expect: {file: {pod: app, container: app, path: /etc/app/extra.conf}, exists: false}
        - expect: {file: {pod: app, container: app, path: /etc/picked/conf/app.ini}, content: "level=debug"}
        - expect: {trace: {type: SetUp, pod: app, volume: app/config}, count: 2}
        - advance: 5m
        - expect: {file: {pod: app, container: pinned, path: /etc/app.conf}, content: "level=info"}
        """));
  }

  @Test
  void C34_downwardApiLabelChangesReachTheVolumeAtTheImmediatePodSync() {
    assertPassed(runSpec(dir, CONFIG_POD + """
        steps:
        - waitFor: {object: pod/app, field: status.phase, equals: Running, timeout: 2m}
        - patch: {object: pod/app, merge: {metadata: {labels: {tier: api}}}}
        - waitFor: {file: {pod: app, container: app, path: /etc/info/labels}, content: "tier=\\"api\\"", timeout: 5s}
        """));
  }

  @Test
  void C34_configSyncSetsHowLongAChangeTakesToReachTheKubeletsCache() {
    assertPassed(runSpec(dir, "timing: {configSync: 1s}\n" + CONFIG_POD + """
        steps:
        - waitFor: {object: pod/app, field: status.phase, equals: Running, timeout: 2m}
        - apply: {manifest: {apiVersion: v1, kind: Secret, metadata: {name: app-secret}, stringData: {password: rotated}}}
        - waitFor: {file: {pod: app, container: app, path: /etc/secret/password}, content: rotated, timeout: 91s}
        """));
  }

  @Test
  void C34_aMissingConfigMapFailsTheMountUntilItIsCreatedAndAnOptionalOneMountsEmpty() {
    assertPassed(runSpec(dir, """
        timing: {configSync: 1s}
        objects:
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: app}
            spec:
              nodeName: node-1
              volumes:
              - {name: config, configMap: {name: later}}
              - {name: maybe, configMap: {name: never, optional: true}}
              containers: [{name: app, image: busybox, volumeMounts: [{name: config, mountPath: /etc/app}, {name: maybe, mountPath: /etc/maybe}]}]
        steps:
        - waitFor: {event: {object: pod/app, type: Warning, reason: FailedMount, messageContains: "MountVolume.SetUp failed for volume \\"config\\" : configmap \\"later\\" not found"}, timeout: 30s}
        - expect: {object: pod/app, field: status.phase, equals: Pending}
        - apply: {manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: later}, data: {k: v}}}
        - waitFor: {object: pod/app, field: status.phase, equals: Running, timeout: 3m}
        - expect: {file: {pod: app, path: /etc/app/k}, content: v}
        - expect: {file: {pod: app, path: /etc/maybe/..data}, type: symlink}
        - expect: {file: {pod: app, path: /etc/maybe/..data}, entries: []}
        """));
  }

  @Test
  void C34_anImmutableConfigMapIsNotReadAgainEvenWhenRecreated() {
    assertPassed(runSpec(dir, """
        timing: {configSync: 1s}
        objects:
        - manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: frozen}, immutable: true, data: {k: v1}}
        - manifest:
            apiVersion: v1
            kind: Pod
            metadata: {name: app}
            spec:
              nodeName: node-1
              volumes: [{name: config, configMap: {name: frozen}}]
              containers: [{name: app, image: busybox, volumeMounts: [{name: config, mountPath: /etc/app}]}]
        steps:
        - waitFor: {object: pod/app, field: status.phase, equals: Running, timeout: 2m}
        - apply: {manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: frozen}, immutable: true, data: {k: v2}}}
          expectError: "field is immutable"
        - delete: {object: configmap/frozen}
        - apply: {manifest: {apiVersion: v1, kind: ConfigMap, metadata: {name: frozen}, data: {k: v2}}}
        - advance: 5m
        - expect: {file: {pod: app, path: /etc/app/k}, content: v1}
        """));
  }
}
